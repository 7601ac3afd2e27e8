package cn.edu.cashl.hub.admin;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The admin's pages and their static files, from the class path: the login page, the single-page
 * application (one {@code index.html} for every page path, which routes in the browser) and its
 * assets, plus the editor and chart libraries from their webjars. Nothing is read from the file
 * system, and no path can leave the fixed class-path folders.
 */
@Path("/admin")
public final class AdminPages {

    private static final String UI = "/admin-ui/";
    /** Vendor folders under /admin/assets/vendor/, and where their webjars keep them. */
    private static final Map<String, String> VENDOR = Map.of(
            "codemirror", "/META-INF/resources/webjars/codemirror/" + WebJars.CODEMIRROR + "/",
            "chart.js", "/META-INF/resources/webjars/chart.js/" + WebJars.CHART_JS + "/");

    private static final Map<String, String> TYPES = Map.of(
            "html",
            "text/html; charset=UTF-8",
            "js",
            "text/javascript; charset=UTF-8",
            "css",
            "text/css; charset=UTF-8",
            "svg",
            "image/svg+xml",
            "png",
            "image/png",
            "json",
            "application/json",
            "yaml",
            "application/yaml; charset=UTF-8",
            "ico",
            "image/x-icon",
            "map",
            "application/json");

    /** {@code /admin} and {@code /admin/}: the application (the former sent to the latter, so relative paths work). */
    @GET
    @RolesAllowed({"admin", "editor"})
    public Response root(@Context UriInfo uri) {
        if (!uri.getRequestUri().getRawPath().endsWith("/")) {
            return Response.seeOther(URI.create("/admin/")).build();
        }
        return file(UI + "index.html");
    }

    @GET
    @Path("login")
    @PermitAll
    public Response login() {
        return file(UI + "login.html");
    }

    /** Every page of the application: the browser routes by path. */
    @GET
    @Path("{page: (?!api/|assets/).*}")
    @RolesAllowed({"admin", "editor"})
    public Response page(@PathParam("page") String page) {
        return file(UI + "index.html");
    }

    @GET
    @Path("assets/{path: .+}")
    @PermitAll
    public Response asset(@PathParam("path") String path) {
        // Files only, by name: no way up, and no folder listings.
        if (path.contains("..")
                || path.contains("//")
                || path.contains("\\")
                || path.endsWith("/")
                || !path.matches(".*/?[^/]+\\.[a-z0-9]+")) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        if (path.startsWith("vendor/")) {
            String rest = path.substring("vendor/".length());
            int slash = rest.indexOf('/');
            String base = slash < 0 ? null : VENDOR.get(rest.substring(0, slash));
            return base == null
                    ? Response.status(Response.Status.NOT_FOUND).build()
                    : file(base + rest.substring(slash + 1));
        }
        return file(UI + "assets/" + path);
    }

    static Response file(String resource) {
        InputStream in = AdminPages.class.getResourceAsStream(resource);
        if (in == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        String extension = resource.substring(resource.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return Response.ok(in, TYPES.getOrDefault(extension, "application/octet-stream"))
                .build();
    }
}

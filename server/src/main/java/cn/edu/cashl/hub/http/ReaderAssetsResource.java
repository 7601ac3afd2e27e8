package cn.edu.cashl.hub.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The reader pages' files ({@code /assets/...}: style sheet, enhancing script, icon) and the search
 * box's script ({@code /widget/cashl-search.js}), from the build (no CDN, no external font). Each is
 * answered with an ETag and revalidated after a day (an hour for the widget, which other sites load
 * and which should follow a new release soon). The widget's script is a module loaded by other
 * sites' pages: it is served with CORS, or browsers refuse to run it.
 */
@Path("/")
public final class ReaderAssetsResource {

    private static final String ROOT = "/discovery-ui/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.(css|js|svg)");
    private static final Map<String, String> TYPES =
            Map.of("css", "text/css; charset=UTF-8", "js", "text/javascript; charset=UTF-8", "svg", "image/svg+xml");

    /** Files read once: a handful of small ones. */
    private static final Map<String, Asset> CACHE = new ConcurrentHashMap<>();

    private record Asset(byte[] bytes, EntityTag tag) {}

    @GET
    @Path("assets/{name}")
    public Response asset(@PathParam("name") String name, @Context Request request) {
        return serve("assets/" + name, name, request, "public, max-age=86400", false);
    }

    @GET
    @Path("widget/{name}")
    public Response widget(@PathParam("name") String name, @Context Request request) {
        return serve("widget/" + name, name, request, "public, max-age=3600", true);
    }

    private static Response serve(String path, String name, Request request, String cacheControl, boolean crossSite) {
        if (!NAME.matcher(name).matches()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        Asset asset = CACHE.computeIfAbsent(path, ReaderAssetsResource::load);
        if (asset.bytes == null) {
            CACHE.remove(path);
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(asset.tag);
        Response.ResponseBuilder response = unchanged != null
                ? unchanged
                : Response.ok(asset.bytes).type(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        response.tag(asset.tag).header("Cache-Control", cacheControl).header("X-Content-Type-Options", "nosniff");
        if (crossSite) {
            response.header("Access-Control-Allow-Origin", "*").header("Cross-Origin-Resource-Policy", "cross-origin");
        }
        return response.build();
    }

    private static Asset load(String path) {
        try (InputStream in = ReaderAssetsResource.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                return new Asset(null, null);
            }
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new Asset(bytes, new EntityTag(hash.substring(0, 32)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

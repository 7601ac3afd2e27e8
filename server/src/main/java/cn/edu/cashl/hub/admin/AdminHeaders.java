package cn.edu.cashl.hub.admin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Browser protections on every admin answer: scripts, styles and requests only from the hub itself
 * (no inline script, so an injected fragment cannot run), no framing (clickjacking), no content-type
 * guessing, no referrer leaving the hub, and nothing cached (pages and API answers carry catalogue
 * and account data).
 */
public final class AdminHeaders implements ContainerResponseFilter {

    static final String POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                    + "connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = AdminGuard.path(request.getUriInfo());
        if (!path.equals("admin") && !path.startsWith("admin/")) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", POLICY);
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Cache-Control", path.startsWith("admin/assets/") ? "no-cache" : "no-store");
    }
}

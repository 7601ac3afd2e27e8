package cn.edu.cashl.hub.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Until the admin login exists, {@code /admin/api/} answers only requests from the hub's own
 * machine (loopback), so that nobody else can start harvests: 403 for everyone else.
 */
public final class LoopbackOnly implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!context.getUriInfo().getPath().startsWith("admin/") || isLoopback(request.getRemoteAddr())) {
            return;
        }
        context.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "the admin API answers only on the hub's own machine until admin login is configured"))
                .build());
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

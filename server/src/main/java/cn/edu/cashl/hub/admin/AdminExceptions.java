package cn.edu.cashl.hub.admin;

import cn.edu.cashl.hub.admin.common.AdminErrors;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure under {@code /admin/} answers in the API's own form, {@code {"error": ...}}: a body
 * that is not the JSON expected is a 400, an unknown path or method keeps its status, and anything
 * unexpected is a 500 that names no class, query or stack (those go to the hub's log). Elsewhere
 * (the protocols) the answer is left as it was.
 */
public final class AdminExceptions implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminExceptions.class);

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable failure) {
        boolean admin = AdminGuard.path(uri).startsWith("admin");
        if (failure instanceof WebApplicationException web) {
            Response original = web.getResponse();
            if (!admin) {
                return original;
            }
            String message = original.getStatus() == 404
                    ? "no such resource"
                    : original.getStatus() == 405
                            ? "method not allowed here"
                            : original.getStatus() == 415
                                    ? "the body's Content-Type is not one this operation takes"
                                            + " (application/json; text for a journal list)"
                                    : original.getStatus() == 400 && failure.getCause() != null
                                            ? "the body is not the JSON expected"
                                            : original.getStatusInfo().getReasonPhrase();
            return AdminErrors.error(original.getStatus(), message);
        }
        if (failure instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return AdminErrors.error(400, "the body is not the JSON expected");
        }
        LOG.error("admin request {} failed", uri.getPath(), failure);
        if (!admin) {
            return Response.serverError().build();
        }
        return AdminErrors.error(500, "the hub failed to answer; its log says why");
    }
}

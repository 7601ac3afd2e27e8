package cn.edu.cashl.hub.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code /admin/api/openapi.yaml}: the admin API described as OpenAPI 3. */
@Path("/admin/api/openapi.yaml")
public final class OpenApiResource {

    @GET
    @RolesAllowed({"admin", "editor"})
    public Response spec() {
        return AdminPages.file("/admin-api/openapi.yaml");
    }
}

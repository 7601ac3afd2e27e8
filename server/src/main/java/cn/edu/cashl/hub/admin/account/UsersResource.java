package cn.edu.cashl.hub.admin.account;

import cn.edu.cashl.hub.admin.auth.Account;
import cn.edu.cashl.hub.admin.auth.AdminAuth;
import cn.edu.cashl.hub.admin.auth.Role;
import cn.edu.cashl.hub.admin.common.AdminErrors;
import cn.edu.cashl.hub.admin.common.AdminSecurity;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** {@code /admin/api/users}: the admin accounts (admin role only). */
@Path("/admin/api/users")
@Produces(MediaType.APPLICATION_JSON)
public final class UsersResource {

    private final AdminAuth auth;

    @Inject
    public UsersResource(AdminAuth auth) {
        this.auth = auth;
    }

    /** A new account. */
    public record NewAccount(String name, String role, String password) {}

    @GET
    public List<AccountJson> users() {
        return auth.accounts().all().stream().map(AccountJson::of).toList();
    }

    @POST
    public Response create(NewAccount body) {
        if (body == null) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, "send {\"name\", \"role\", \"password\"}");
        }
        try {
            Account account = auth.accounts().create(body.name(), Role.of(body.role()), body.password());
            return Response.status(Response.Status.CREATED)
                    .entity(AccountJson.of(account))
                    .build();
        } catch (IllegalArgumentException e) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (IllegalStateException e) {
            return AdminErrors.error(Response.Status.CONFLICT, e.getMessage());
        }
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name, @Context SecurityContext security) {
        if (AdminSecurity.of(security).user().equalsIgnoreCase(name)) {
            return AdminErrors.error(Response.Status.CONFLICT, "you cannot delete your own account");
        }
        try {
            if (!auth.accounts().delete(name)) {
                return AdminErrors.notFound("no account " + name);
            }
        } catch (IllegalStateException e) {
            return AdminErrors.error(Response.Status.CONFLICT, e.getMessage());
        }
        auth.sessions().closeAll(name);
        return Response.noContent().build();
    }
}

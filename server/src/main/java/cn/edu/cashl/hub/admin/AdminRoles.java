package cn.edu.cashl.hub.admin;

import cn.edu.cashl.hub.admin.common.AdminSecurity;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;

/**
 * Role limits of the admin API: a resource method (or its class) names the roles it admits with
 * {@code @RolesAllowed}; without that it is for the {@code admin} role only, so that a new resource
 * is closed until someone opens it on purpose. {@code @PermitAll} marks what needs no session at all
 * (the login, the static assets); anything else without a session is refused here too.
 */
@Priority(Priorities.AUTHORIZATION)
public final class AdminRoles implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (type == null || !type.getPackageName().startsWith(AdminRoles.class.getPackageName())) {
            return; // the public protocols
        }
        if (method != null && method.isAnnotationPresent(PermitAll.class)) {
            return; // the login page and call, the static assets
        }
        if (!(request.getSecurityContext().getUserPrincipal() instanceof AdminSecurity.Admin admin)) {
            // The guard lets no session-less request this far; should a spelling of a path ever slip
            // past it, the resource still refuses.
            Refusals.refuse(request, Refusals.unauthorized());
            return;
        }
        for (String role : allowed(method, type)) {
            if (request.getSecurityContext().isUserInRole(role)) {
                return;
            }
        }
        Refusals.refuse(
                request,
                Refusals.forbidden("role", "the " + admin.session().role().value() + " role may not do this"));
    }

    private static String[] allowed(Method method, Class<?> type) {
        RolesAllowed roles = method == null ? null : method.getAnnotation(RolesAllowed.class);
        if (roles == null && type != null) {
            roles = type.getAnnotation(RolesAllowed.class);
        }
        return roles == null ? new String[] {"admin"} : roles.value();
    }
}

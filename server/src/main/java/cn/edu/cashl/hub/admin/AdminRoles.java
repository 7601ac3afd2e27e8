package cn.edu.cashl.hub.admin;

import jakarta.annotation.Priority;
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
 * is closed until someone opens it on purpose.
 */
@Priority(Priorities.AUTHORIZATION)
public final class AdminRoles implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof AdminSecurity.Admin admin)) {
            return; // not an admin request, or a public one (login, assets)
        }
        for (String role : allowed(resource.getResourceMethod(), resource.getResourceClass())) {
            if (request.getSecurityContext().isUserInRole(role)) {
                return;
            }
        }
        AdminErrors.refuse(request, AdminErrors.forbidden("role", "the " + admin.session().role().value() + " role may not do this"));
    }

    private static String[] allowed(Method method, Class<?> type) {
        RolesAllowed roles = method == null ? null : method.getAnnotation(RolesAllowed.class);
        if (roles == null && type != null) {
            roles = type.getAnnotation(RolesAllowed.class);
        }
        return roles == null ? new String[] {"admin"} : roles.value();
    }
}

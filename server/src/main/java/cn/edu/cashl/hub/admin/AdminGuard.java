package cn.edu.cashl.hub.admin;

import cn.edu.cashl.hub.admin.article.JournalListFolder;
import cn.edu.cashl.hub.admin.auth.AdminAuth;
import cn.edu.cashl.hub.admin.auth.AdminSession;
import cn.edu.cashl.hub.admin.common.AdminErrors;
import cn.edu.cashl.hub.admin.common.AdminSecurity;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The door of {@code /admin/}: every page and API call needs a live session, except the login page,
 * the login call itself and the static assets. Without one the API answers 401 and a page redirects
 * to the login page. Every request that changes something must also carry the session's CSRF token
 * in {@code X-CSRF-Token} and, when the browser sends an {@code Origin}, come from the hub's own
 * origin; the login call is held to the origin rule too (login CSRF). Runs before matching, so that
 * an unknown admin path is refused like a known one rather than revealing what exists.
 * The public {@code /oai}, {@code /sru} and {@code /health} never pass through here.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AdminGuard implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** The largest request body (a stylesheet, a pasted record): the editor's texts are far smaller. */
    static final long MAX_BODY = 8L * 1024 * 1024;
    /** Journal lists are the one larger text: the folder streams them to disk and counts again. */
    private static final String JOURNAL_LISTS = "admin/api/journal-lists/";

    private final AdminAuth auth;

    @Inject
    public AdminGuard(AdminAuth auth) {
        this.auth = auth;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = path(request.getUriInfo());
        if (!path.equals("admin") && !path.startsWith("admin/")) {
            return;
        }
        boolean api = path.equals("admin/api") || path.startsWith("admin/api/");
        long maxBody = path.startsWith(JOURNAL_LISTS) ? JournalListFolder.MAX_BYTES : MAX_BODY;
        if (request.getLength() > maxBody) {
            request.abortWith(AdminErrors.error(
                    Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "a request to the admin may carry at most " + maxBody / (1024 * 1024) + " MB"));
            return;
        }
        boolean safe = SAFE_METHODS.contains(request.getMethod());
        if (!safe && !sameOrigin(request, auth.publicOrigin())) {
            Refusals.refuse(request, Refusals.forbidden("csrf", "the request comes from another site"));
            return;
        }
        if (isPublic(path, request.getMethod())) {
            return;
        }
        Cookie cookie = request.getCookies().get(AdminAuth.COOKIE);
        Optional<AdminSession> session = cookie == null ? Optional.empty() : auth.session(cookie.getValue());
        if (session.isEmpty()) {
            Refusals.refuse(request, api ? Refusals.unauthorized() : toLogin(request));
            return;
        }
        if (!safe
                && !tokenMatches(
                        request.getHeaderString(AdminAuth.CSRF_HEADER),
                        session.get().csrfToken())) {
            Refusals.refuse(
                    request, Refusals.forbidden("csrf", "missing or wrong " + AdminAuth.CSRF_HEADER + " header"));
            return;
        }
        request.setSecurityContext(
                new AdminSecurity(session.get(), request.getSecurityContext().isSecure()));
    }

    /**
     * The request's path as the resources are matched against it: decoded segments without their
     * matrix parameters ({@code /admin;x=1/api} is matched as {@code /admin/api}), empty segments
     * dropped. Deciding on the raw path would let such spellings past the door.
     */
    static String path(jakarta.ws.rs.core.UriInfo uri) {
        StringBuilder path = new StringBuilder();
        for (jakarta.ws.rs.core.PathSegment segment : uri.getPathSegments(true)) {
            if (!segment.getPath().isEmpty()) {
                path.append(path.length() == 0 ? "" : "/").append(segment.getPath());
            }
        }
        return path.toString();
    }

    private static boolean isPublic(String path, String method) {
        return path.equals("admin/login")
                || path.startsWith("admin/assets/")
                || (path.equals("admin/api/session") && method.equals("POST"));
    }

    /**
     * The browser's {@code Origin}, when it sends one, must be the hub's own: the scheme, host and
     * port the request arrived at ({@code Host}), or the configured public origin (hub.baseUrl)
     * behind a proxy that rewrites {@code Host}.
     */
    private static boolean sameOrigin(ContainerRequestContext request, String publicOrigin) {
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return true; // not a browser's cross-site request (those carry Origin on every POST)
        }
        String normalised = normalise(origin);
        if (normalised == null) {
            return false;
        }
        if (!publicOrigin.isEmpty() && normalised.equals(normalise(publicOrigin))) {
            return true;
        }
        String host = request.getHeaderString(HttpHeaders.HOST);
        String scheme = request.getUriInfo().getRequestUri().getScheme();
        return host != null && normalised.equals(normalise(scheme + "://" + host));
    }

    /** {@code scheme://host:port} in lower case, with the default port written out; null when unreadable. */
    static String normalise(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port =
                    uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean tokenMatches(String sent, String expected) {
        return sent != null
                && MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static Response toLogin(ContainerRequestContext request) {
        String next = "/" + request.getUriInfo().getPath(); // as asked for, trailing slash and all
        return Response.seeOther(URI.create("/admin/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)))
                .build();
    }
}

package cn.edu.cashl.hub.http;

import cn.edu.cashl.hub.discovery.Site;
import cn.edu.cashl.hub.discovery.page.SearchPage;
import cn.edu.cashl.hub.discovery.page.UiText;
import cn.edu.cashl.hub.resolver.Labels;
import cn.edu.cashl.hub.resolver.LibraryDirectory;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a reader page request says besides its search: the page's language ({@code lang=}, else the
 * reader's earlier choice in the {@code cashl_lang} cookie, else {@code Accept-Language}), the home
 * library ({@code library=}, else the {@code cashl_library} cookie), and the hub's address. A
 * {@code lang} or {@code library} in the URL is remembered for a year; an empty {@code library=}
 * forgets it. The cookies are for the hub's own pages: the widget and feeds never need them.
 */
final class ReaderRequest {

    static final String LANGUAGE_COOKIE = "cashl_lang";
    static final String LIBRARY_COOKIE = "cashl_library";
    private static final int YEAR = 365 * 24 * 3600;

    final UiText text;
    /** The home library, or null. */
    final String library;

    final Site site;
    final Map<String, List<String>> params;
    private final List<NewCookie> cookies = new ArrayList<>();

    private ReaderRequest(UiText text, String library, Site site, Map<String, List<String>> params) {
        this.text = text;
        this.library = library;
        this.site = site;
        this.params = params;
    }

    static ReaderRequest of(
            UriInfo uri, HttpHeaders headers, String hubUrl, String repositoryIdentifier, LibraryDirectory libraries) {
        Map<String, List<String>> params = uri.getQueryParameters();
        Map<String, Cookie> cookies = headers.getCookies();
        String lang = first(params, "lang");
        String chosenLanguage = lang != null ? lang : value(cookies.get(LANGUAGE_COOKIE));
        UiText text = UiText.of(Labels.negotiate(chosenLanguage, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        String named = first(params, "library");
        String library = named != null ? named.strip() : value(cookies.get(LIBRARY_COOKIE));
        if (library != null && (library.isEmpty() || libraries.member(library).isEmpty())) {
            library = null; // no member of that code: no home library, and nothing remembered
        }
        String base =
                hubUrl != null && !hubUrl.isBlank() ? hubUrl : uri.getBaseUri().toString();
        ReaderRequest request =
                new ReaderRequest(text, library, new Site(base, repositoryIdentifier, libraries), params);
        String path = request.site.root().isEmpty() ? "/" : request.site.root();
        if (lang != null) {
            request.cookies.add(cookie(LANGUAGE_COOKIE, text.code(), path, YEAR));
        }
        if (named != null) {
            request.cookies.add(
                    library == null
                            ? cookie(LIBRARY_COOKIE, "", path, 0)
                            : cookie(LIBRARY_COOKIE, library, path, YEAR));
        }
        return request;
    }

    /** A page's response: the cookies to set, and the headers every reader page has. */
    Response.ResponseBuilder page(Response.Status status, String html) {
        Response.ResponseBuilder response = Response.status(status)
                .type("text/html; charset=UTF-8")
                .entity(html)
                .header("Content-Language", text.tag())
                .header("Content-Security-Policy", SearchPage.CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .header("Vary", "Accept-Language, Cookie")
                .header("Cache-Control", "no-cache");
        cookies.forEach(response::cookie);
        return response;
    }

    private static NewCookie cookie(String name, String value, String path, int maxAge) {
        return new NewCookie.Builder(name)
                .value(value)
                .path(path)
                .maxAge(maxAge)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    private static String value(Cookie cookie) {
        return cookie == null || cookie.getValue() == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

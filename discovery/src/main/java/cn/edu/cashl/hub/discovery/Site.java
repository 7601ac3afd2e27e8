package cn.edu.cashl.hub.discovery;

import cn.edu.cashl.hub.resolver.LibraryDirectory;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the reader's pages are and what they link to: the hub's public address (as configured, else
 * as the request reached it), the OAI-PMH repository identifier of its records, and the member
 * libraries as they are now.
 *
 * @param baseUrl              the hub's public URL, without a trailing slash
 *                             ({@code https://hub.example}, or with a path behind a proxy)
 * @param repositoryIdentifier the domain of OAI-PMH identifiers {@code oai:<it>:<record id>}
 * @param libraries            the member libraries, for their names and the home-library choice
 */
public record Site(String baseUrl, String repositoryIdentifier, LibraryDirectory libraries) {

    /** The OpenURL 1.0 service type that asks for the full text itself (ANSI/NISO Z39.88, sch_svc). */
    public static final String FULL_TEXT_SERVICE =
            "svc_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Asch_svc&svc.fulltext=yes";

    public Site {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The path the hub's pages live under: empty at the root of their host. */
    public String root() {
        String path = URI.create(baseUrl).getRawPath();
        return path == null ? "" : path;
    }

    /** A page of the hub as a link within the hub's pages ({@code /search} under the root). */
    public String path(String path) {
        return root() + path;
    }

    /** A page of the hub as an absolute URL (feeds, OpenSearch, the widget on other sites). */
    public String url(String path) {
        return baseUrl + path;
    }

    /** A record's page. */
    public String recordPath(String id) {
        return path(record(id));
    }

    /** A record's page as an absolute URL (feeds, and pages read on other sites). */
    public String recordUrl(String id) {
        return url(record(id));
    }

    /** Record ids have only letters, digits and {@code . _ - :}: a colon reads well in a path. */
    private static String record(String id) {
        return "/record/" + encode(id).replace("%3A", ":");
    }

    /** A record's OAI-PMH identifier. */
    public String oaiIdentifier(String id) {
        return "oai:" + repositoryIdentifier + ":" + id;
    }

    /**
     * The E-first resolver's answer for a record ({@code rft_id=info:oai/...}), for a reader of this
     * home library (null for none); with {@code fullText}, the request asks for the full text
     * itself, which the resolver sends the reader straight to when its best way is a link to it.
     */
    public String resolverPath(String id, String library, boolean fullText) {
        return path(resolver(id, library, fullText));
    }

    /** As {@link #resolverPath}, an absolute URL. */
    public String resolverUrl(String id, String library, boolean fullText) {
        return url(resolver(id, library, fullText));
    }

    private String resolver(String id, String library, boolean fullText) {
        StringBuilder url = new StringBuilder("/openurl?url_ver=Z39.88-2004&rft_id=")
                .append(encode("info:oai/" + oaiIdentifier(id)));
        if (library != null) {
            url.append("&library=").append(encode(library));
        }
        if (fullText) {
            url.append('&').append(FULL_TEXT_SERVICE);
        }
        return url.toString();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package cn.edu.cashl.hub.resolver;

import cn.edu.cashl.hub.openurl.KevParameters;
import cn.edu.cashl.hub.openurl.OpenUrlRequest;

/**
 * The link an electronic option gives (docs/efirst.md, "Article links"): the provider's own article
 * link when a template for its platform applies, else {@code https://doi.org/} with the citation's
 * DOI, else the title's link from the title list; through the home library's proxy for licensed
 * access.
 */
final class Links {

    private static final String DOI_RESOLVER = "https://doi.org/";

    private final LinkTemplates templates;

    Links(LinkTemplates templates) {
        this.templates = templates;
    }

    /** The most precise link to the cited text in a holding, or null when there is none. */
    String article(ElectronicHolding holding, OpenUrlRequest request) {
        String templated = templates
                .forTitleUrl(holding.url())
                .map(t -> LinkTemplates.fill(t, part -> part(part, holding, request)))
                .orElse(null);
        if (templated != null) {
            return templated;
        }
        if (request.doi() != null) {
            return DOI_RESOLVER + pathEncode(request.doi());
        }
        return holding.url();
    }

    /**
     * A link through a proxy: the prefix and the link as they are ({@code https://proxy/login?url=}
     * then the whole target, which EZproxy-style proxies read to the end). No prefix: the link itself.
     */
    static String proxied(String prefix, String url) {
        if (url == null || prefix == null || prefix.isBlank()) {
            return url;
        }
        return prefix.strip() + url;
    }

    private static String part(String name, ElectronicHolding holding, OpenUrlRequest request) {
        return switch (name) {
            case "issn" ->
                !request.issns().isEmpty()
                        ? request.issns().get(0)
                        : holding.issns().isEmpty() ? null : holding.issns().get(0);
            case "volume" -> request.volume();
            case "issue" -> request.issue();
            case "spage" -> request.startPage();
            case "doi" -> request.doi();
            default -> null;
        };
    }

    /** A value for a URL path, such as a DOI: its own punctuation ({@code / : ; ( )}) kept. */
    static String pathEncode(String value) {
        return KevParameters.percentEncode(value, "/:;()");
    }
}

package cn.edu.cashl.hub.resolver;

import cn.edu.cashl.hub.openurl.KevParameters;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Article-level links of the providers that offer them, by the host of a holding's
 * {@code title_url} (docs/efirst.md, "Link templates"). A template names the citation's parts in
 * braces: {@code {issn}}, {@code {volume}}, {@code {issue}}, {@code {spage}}, {@code {doi}}. It
 * applies when the citation has every part it names, except a query parameter marked optional
 * ({@code {issue?}}), which is left out when the citation lacks it.
 *
 * <p>A provider link beats {@code https://doi.org/}: it stays on the licensed platform, which the
 * library's proxy knows, where a DOI may resolve to another host or another platform of the
 * publisher.
 */
public final class LinkTemplates {

    /**
     * One provider's template.
     *
     * @param host     the host of its title URLs, without {@code www.}
     * @param provider who offers it, for the documentation
     * @param pattern  the link with its placeholders
     */
    public record Template(String host, String provider, String pattern) {}

    /** The templates shipped; docs/efirst.md lists them. */
    public static final List<Template> SHIPPED = List.of(
            new Template(
                    "jstor.org",
                    "JSTOR (its OpenURL link to an article)",
                    "https://www.jstor.org/openurl?issn={issn}&volume={volume}&issue={issue?}&spage={spage}"),
            new Template("tandfonline.com", "Taylor & Francis Online", "https://www.tandfonline.com/doi/{doi}"),
            new Template(
                    "onlinelibrary.wiley.com", "Wiley Online Library", "https://onlinelibrary.wiley.com/doi/{doi}"),
            new Template("journals.sagepub.com", "SAGE Journals", "https://journals.sagepub.com/doi/{doi}"),
            new Template(
                    "journals.uchicago.edu",
                    "University of Chicago Press Journals",
                    "https://www.journals.uchicago.edu/doi/{doi}"));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(issn|volume|issue|spage|doi)(\\??)}");

    private final Map<String, Template> byHost;

    public LinkTemplates(List<Template> templates) {
        this.byHost = templates.stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Template::host, t -> t, (a, b) -> a));
    }

    public static LinkTemplates shipped() {
        return new LinkTemplates(SHIPPED);
    }

    /** The template for a title URL's provider, if there is one. */
    public Optional<Template> forTitleUrl(String titleUrl) {
        String host = host(titleUrl);
        return host == null ? Optional.empty() : Optional.ofNullable(byHost.get(host));
    }

    /**
     * The article link of a template with the citation's parts, or null when the citation lacks a
     * part the template needs.
     *
     * @param parts the citation's parts by placeholder name; a missing part is null
     */
    static String fill(Template template, Function<String, String> parts) {
        String pattern = template.pattern();
        int query = pattern.indexOf('?');
        String path = query < 0 ? pattern : pattern.substring(0, query);
        StringBuilder link = new StringBuilder();
        Matcher matcher = PLACEHOLDER.matcher(path);
        while (matcher.find()) {
            String value = parts.apply(matcher.group(1));
            if (value == null) {
                return null;
            }
            matcher.appendReplacement(link, Matcher.quoteReplacement(Links.pathEncode(value)));
        }
        matcher.appendTail(link);
        if (query < 0) {
            return link.toString();
        }
        String separator = "?";
        for (String pair : pattern.substring(query + 1).split("&")) {
            Matcher placeholder = PLACEHOLDER.matcher(pair);
            if (!placeholder.find()) {
                link.append(separator).append(pair);
            } else {
                String value = parts.apply(placeholder.group(1));
                if (value == null && placeholder.group(2).isEmpty()) {
                    return null;
                }
                if (value == null) {
                    continue;
                }
                link.append(separator)
                        .append(pair, 0, placeholder.start())
                        .append(KevParameters.encode(value))
                        .append(pair.substring(placeholder.end()));
            }
            separator = "&";
        }
        return link.toString();
    }

    /** A URL's host, lower case, without {@code www.}; null when it has none. */
    static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package cn.edu.cashl.hub.discovery.page;

import cn.edu.cashl.hub.discovery.Site;
import cn.edu.cashl.hub.resolver.Member;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What every reader page has around its content: the document head (the style sheet and the
 * enhancing script, both of the hub, the OpenSearch description for "add search engine"), a skip
 * link, the header with the language switch and the home-library choice, and the footer with the
 * machine interfaces and the widget builder.
 */
final class PageFrame {

    /** The policy reader pages are served under: only the hub's own style sheet, script and forms. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; script-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";

    private PageFrame() {}

    /**
     * Opens the page up to the start of its {@code main} element.
     *
     * @param title     the document title (its first part; the brand follows)
     * @param here      the page's own path and query, without {@code lang}: where the language switch
     *                  and the home-library form lead back to
     * @param hidden    the parameters of the current search, kept by the home-library form
     * @param library   the home library, or null
     * @param feed      the page's Atom feed, or null
     * @param skipTo    the id the skip link leads to
     */
    static void open(
            Html html,
            UiText text,
            Site site,
            String title,
            String here,
            Map<String, List<String>> hidden,
            String library,
            String feed,
            String skipTo) {
        html.raw("<!DOCTYPE html>").open("html", "lang", text.tag()).raw("<head><meta charset=\"utf-8\">");
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.element("title", title + " – " + text.brand());
        html.open("link", "rel", "stylesheet", "href", site.path("/assets/search.css"));
        html.open("link", "rel", "icon", "type", "image/svg+xml", "href", site.path("/assets/favicon.svg"));
        html.open(
                "link",
                "rel",
                "search",
                "type",
                "application/opensearchdescription+xml",
                "href",
                site.path("/opensearch.xml"),
                "title",
                text.brand());
        if (feed != null) {
            html.open("link", "rel", "alternate", "type", "application/atom+xml", "href", feed, "title", title);
        }
        html.open("script", "type", "module", "src", site.path("/assets/search.js"))
                .close("script");
        html.raw("</head><body>");
        html.open("a", "class", "skip", "href", "#" + skipTo)
                .text(text.skipToContent())
                .close("a");
        html.open("header", "class", "site");
        html.open("a", "class", "brand", "href", site.path("/"))
                .text(text.brand())
                .close("a");
        html.open("div", "class", "settings");
        libraryForm(html, text, site, here, hidden, library);
        String separator = here.contains("?") ? "&" : "?";
        html.open(
                        "a",
                        "class",
                        "language",
                        "href",
                        here + separator + "lang=" + text.otherCode(),
                        "lang",
                        text.otherCode().equals("zh") ? "zh-Hans" : "en",
                        "hreflang",
                        text.otherCode().equals("zh") ? "zh-Hans" : "en")
                .text(text.otherName())
                .close("a");
        html.close("div").close("header");
    }

    /** The reader's home library: a form that works without script (the script submits it on change). */
    private static void libraryForm(
            Html html, UiText text, Site site, String here, Map<String, List<String>> hidden, String library) {
        String action = here.contains("?") ? here.substring(0, here.indexOf('?')) : here;
        html.open("form", "class", "home-library", "method", "get", "action", action);
        hidden.forEach((name, values) -> {
            if (!name.equals("library") && !name.equals("lang")) {
                values.forEach(value -> html.open("input", "type", "hidden", "name", name, "value", value));
            }
        });
        html.element("label", text.myLibrary(), "for", "home-library");
        html.open("select", "id", "home-library", "name", "library", "data-autosubmit", "");
        html.open("option", "value", "", "selected", library == null ? "" : null)
                .text(text.noLibrary())
                .close("option");
        for (Member member : members(text, site)) {
            html.open(
                            "option",
                            "value",
                            member.code(),
                            "selected",
                            member.code().equals(library) ? "" : null)
                    .text(text.labels().library(member.code(), site.libraries()))
                    .close("option");
        }
        html.close("select");
        html.open("button", "type", "submit", "class", "js-hidden")
                .text(text.setLibrary())
                .close("button");
        html.close("form");
    }

    /** The member libraries, by their names in the page's language: what a reader picks from. */
    static List<Member> members(UiText text, Site site) {
        return site.libraries().members().stream()
                .sorted(Comparator.comparing(m -> text.labels().library(m.code(), site.libraries())))
                .toList();
    }

    /** Closes {@code main} and the page. */
    static void close(Html html, UiText text, Site site) {
        html.close("main");
        html.open("footer", "class", "site");
        html.open("p");
        html.open("a", "href", site.path("/widget/")).text(text.embed()).close("a");
        html.close("p");
        html.open("p").text(text.forMachines() + ": ");
        html.open("a", "href", site.path("/opensearch.xml"))
                .text("OpenSearch")
                .close("a")
                .raw(" · ");
        html.open("a", "href", site.path("/sru?operation=explain&version=1.2"))
                .text("SRU")
                .close("a")
                .raw(" · ");
        html.open("a", "href", site.path("/oai?verb=Identify")).text("OAI-PMH").close("a");
        html.close("p");
        html.close("footer");
        html.raw("</body></html>");
    }
}

package cn.edu.cashl.hub.discovery.page;

import cn.edu.cashl.hub.catalog.CatalogSearch.TermCount;
import cn.edu.cashl.hub.discovery.Availability;
import cn.edu.cashl.hub.discovery.Facet;
import cn.edu.cashl.hub.discovery.Hit;
import cn.edu.cashl.hub.discovery.ReaderQuery;
import cn.edu.cashl.hub.discovery.RecordText;
import cn.edu.cashl.hub.discovery.ResultPage;
import cn.edu.cashl.hub.discovery.SearchField;
import cn.edu.cashl.hub.discovery.SearchProblem;
import cn.edu.cashl.hub.discovery.Site;
import cn.edu.cashl.hub.discovery.SortOrder;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search page ({@code /} and {@code /search}, docs/search.md): the search form, then the
 * results with their availability and the best way to each, the facets with counts, the filters in
 * force with a way to remove each, sorting and paging. Plain HTML that works without script: every
 * control is a link or a form; the script only submits selects on change and adds suggestions.
 */
public final class SearchPage {

    /**
     * The policy every reader page is served under: the hub's own style sheet, script and forms, no
     * inline script or style, no framing by other sites.
     */
    public static final String CONTENT_SECURITY_POLICY = PageFrame.CONTENT_SECURITY_POLICY;

    private SearchPage() {}

    /** The home page: the search form and what the hub is, no results yet. */
    public static String home(ReaderQuery query, UiText text, Site site) {
        Html html = new Html();
        PageFrame.open(html, text, site, text.searchTitle(), site.path("/"), Map.of(), query.library(), null, "main");
        html.open("main", "id", "main", "class", "home");
        html.element("h1", text.brand(), "class", "home-title");
        html.element("p", text.homeIntro(), "class", "intro");
        form(html, query, text, site, true);
        PageFrame.close(html, text, site);
        return html.toString();
    }

    /** A page of results. */
    public static String results(ResultPage page, UiText text, Site site) {
        ReaderQuery query = page.query();
        Html html = new Html();
        String here = site.path("/search") + (query.queryString().isEmpty() ? "" : "?" + query.queryString());
        String title = query.text().isEmpty() ? text.resultsHeading() : query.text();
        String feed = site.path("/search?" + join(query.toPage(1).queryString(), "format=atom"));
        PageFrame.open(html, text, site, title, here, query.parameters(), query.library(), feed, "results");
        html.open("main", "id", "main");
        form(html, query, text, site, false);
        html.open("div", "class", "layout");
        html.open(
                "section", "id", "results", "class", "results", "aria-labelledby", "results-heading", "tabindex", "-1");
        html.element("h1", text.resultsHeading(), "id", "results-heading");
        summary(html, page, text);
        filters(html, query, text, site);
        if (!page.hits().isEmpty()) {
            sortForm(html, query, text, site);
            hits(html, page, text, site);
            pages(html, page, text, site);
        }
        html.close("section");
        facets(html, page, text, site);
        html.close("div");
        PageFrame.close(html, text, site);
        return html.toString();
    }

    private static void form(Html html, ReaderQuery query, UiText text, Site site, boolean autofocus) {
        html.open("form", "class", "search", "role", "search", "method", "get", "action", site.path("/search"));
        html.element("label", text.searchLabel(), "for", "q", "class", "search-label");
        html.open("div", "class", "search-box");
        html.open(
                "input",
                "type",
                "search",
                "id",
                "q",
                "name",
                "q",
                "value",
                query.text(),
                "autocomplete",
                "off",
                "spellcheck",
                "false",
                "enterkeyhint",
                "search",
                "autofocus",
                autofocus ? "" : null,
                "data-suggest",
                site.path("/suggest"));
        html.element("label", text.searchIn(), "for", "field", "class", "visually-hidden");
        html.open("select", "id", "field", "name", "field");
        for (SearchField field : SearchField.values()) {
            html.open("option", "value", field.param(), "selected", field == query.field() ? "" : null)
                    .text(text.field(field))
                    .close("option");
        }
        html.close("select");
        html.element("button", text.searchButton(), "type", "submit");
        html.close("div");
        // The filters and order stay when the words change; the page goes back to the first.
        query.filters()
                .forEach((facet, values) -> values.forEach(
                        value -> html.open("input", "type", "hidden", "name", facet.param(), "value", value)));
        if (query.sort() != SortOrder.RELEVANCE) {
            html.open(
                    "input",
                    "type",
                    "hidden",
                    "name",
                    "sort",
                    "value",
                    query.sort().param());
        }
        if (query.library() != null) {
            html.open("input", "type", "hidden", "name", "library", "value", query.library());
        }
        html.close("form");
    }

    private static void summary(Html html, ResultPage page, UiText text) {
        ReaderQuery query = page.query();
        html.open("p", "class", "count", "role", "status");
        SearchProblem problem = page.problem();
        if (problem != null && problem.kind() == SearchProblem.Kind.QUERY) {
            html.text(text.queryProblem(problem.detail()));
        } else if (problem != null) {
            html.text(text.unavailable());
        } else if (page.total() == 0) {
            html.text(text.nothingFound()).raw(" ").text(text.nothingFoundHelp());
        } else if (page.hits().isEmpty()) {
            html.text(text.results(page.total())).raw(" ").text(text.beyondLastPage());
        } else {
            long first = query.offset() + 1;
            html.text(text.range(first, first + page.hits().size() - 1, page.total()));
        }
        html.close("p");
    }

    /** The filters in force, each a link that removes it. */
    private static void filters(Html html, ReaderQuery query, UiText text, Site site) {
        if (query.filters().isEmpty()) {
            return;
        }
        html.open("nav", "class", "filters", "aria-label", text.filtersHeading());
        html.open("ul");
        query.filters()
                .forEach((facet, values) -> values.forEach(value -> {
                    String label = text.facet(facet) + ": " + valueLabel(facet, value, text, site);
                    html.open("li")
                            .open("a", "href", search(site, query.without(facet, value)), "class", "chip")
                            .open("span", "class", "visually-hidden")
                            .text(text.remove(""))
                            .close("span")
                            .text(label)
                            .open("span", "aria-hidden", "true", "class", "x")
                            .raw(" ×")
                            .close("span")
                            .close("a")
                            .close("li");
                }));
        ReaderQuery cleared =
                new ReaderQuery(query.text(), query.field(), Map.of(), query.sort(), 1, query.size(), query.library());
        html.open("li")
                .open("a", "href", search(site, cleared), "class", "clear")
                .text(text.clearFilters());
        html.close("a").close("li").close("ul").close("nav");
    }

    private static void sortForm(Html html, ReaderQuery query, UiText text, Site site) {
        html.open("form", "class", "order", "method", "get", "action", site.path("/search"));
        query.parameters().forEach((name, values) -> {
            if (!name.equals("sort") && !name.equals("page") && !name.equals("size")) {
                values.forEach(value -> html.open("input", "type", "hidden", "name", name, "value", value));
            }
        });
        html.element("label", text.sort(), "for", "sort");
        html.open("select", "id", "sort", "name", "sort", "data-autosubmit", "");
        for (SortOrder order : SortOrder.values()) {
            html.open("option", "value", order.param(), "selected", order == query.sort() ? "" : null)
                    .text(text.sort(order))
                    .close("option");
        }
        html.close("select");
        html.element("label", text.perPage(), "for", "size");
        html.open("select", "id", "size", "name", "size", "data-autosubmit", "");
        for (int size : ReaderQuery.SIZES) {
            html.open("option", "value", Integer.toString(size), "selected", size == query.size() ? "" : null)
                    .text(Integer.toString(size))
                    .close("option");
        }
        html.close("select");
        html.element("button", text.apply(), "type", "submit", "class", "js-hidden");
        html.close("form");
    }

    private static void hits(Html html, ResultPage page, UiText text, Site site) {
        ReaderQuery query = page.query();
        html.open("ol", "class", "hits", "start", Long.toString(query.offset() + 1));
        int n = 0;
        for (Hit hit : page.hits()) {
            n++;
            CashlRecord record = hit.record();
            String title = RecordText.title(record);
            String headingId = "hit-" + n;
            html.open("li", "class", "hit").open("article", "aria-labelledby", headingId);
            html.open("h2", "id", headingId)
                    .open("a", "href", site.recordPath(hit.id()), "lang", titleLanguage(record), "dir", "auto")
                    .text(title)
                    .close("a")
                    .close("h2");
            html.open("p", "class", "meta");
            html.element("span", text.type(RecordText.type(record)), "class", "type");
            List<String> authors = RecordText.authors(record);
            if (!authors.isEmpty()) {
                html.raw(" · ").element("span", shortList(authors), "class", "authors");
            }
            if (RecordText.year(record) != null) {
                html.raw(" · ").element("span", RecordText.year(record), "class", "year");
            }
            html.close("p");
            String source = RecordText.source(record);
            if (source != null) {
                html.open("p", "class", "source")
                        .text(text.in() + " ")
                        .open("cite")
                        .text(source);
                html.close("cite").close("p");
            }
            availability(html, hit, text);
            action(html, hit, title, query.library(), text, site);
            html.close("article").close("li");
        }
        html.close("ol");
    }

    /** Availability at a glance: short badges, the strongest first. */
    static void availability(Html html, Hit hit, UiText text) {
        Availability a = hit.availability();
        html.open("ul", "class", "availability", "aria-label", text.availability());
        for (Availability.Badge badge : a.badges()) {
            html.element(
                    "li",
                    text.badge(badge, a),
                    "class",
                    badge.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        html.close("ul");
    }

    /**
     * The one click to the text: the resolver's best way, through the resolver (which sends the
     * reader on to the text when it is a link to it); else a request for a copy; and always the
     * resolver's page of every way.
     */
    static void action(Html html, Hit hit, String title, String library, UiText text, Site site) {
        Availability a = hit.availability();
        html.open("p", "class", "actions");
        if (a.bestIsFullText()) {
            html.open("a", "class", "go", "href", site.resolverPath(hit.id(), library, true))
                    .text(text.fullText())
                    .open("span", "class", "visually-hidden")
                    .text(" – " + title)
                    .close("span")
                    .close("a");
        } else if (a.best() != null && a.best().url() != null) {
            html.open("a", "class", "go request", "href", site.resolverPath(hit.id(), library, false))
                    .text(text.requestCopy())
                    .open("span", "class", "visually-hidden")
                    .text(" – " + title)
                    .close("span")
                    .close("a");
        }
        html.open("a", "class", "ways", "href", site.resolverPath(hit.id(), library, false))
                .text(text.ways())
                .open("span", "class", "visually-hidden")
                .text(" – " + title)
                .close("span")
                .close("a");
        html.close("p");
    }

    private static void pages(Html html, ResultPage page, UiText text, Site site) {
        ReaderQuery query = page.query();
        long last = page.lastPage();
        if (last <= 1) {
            return;
        }
        html.open("nav", "class", "pages", "aria-label", text.pagination()).open("ul");
        if (query.page() > 1) {
            pageLink(html, site, query, 1, text.first(), "first");
            pageLink(html, site, query, query.page() - 1, text.previous(), "prev");
        }
        long from = Math.max(1, query.page() - 2);
        long to = Math.min(last, query.page() + 2);
        for (long n = from; n <= to; n++) {
            boolean current = n == query.page();
            html.open("li")
                    .open("a", "href", search(site, query.toPage((int) n)), "aria-current", current ? "page" : null)
                    .open("span", "class", "visually-hidden")
                    .text(text.page(n))
                    .close("span")
                    .open("span", "aria-hidden", "true")
                    .text(String.format("%,d", n))
                    .close("span")
                    .close("a")
                    .close("li");
        }
        if (query.page() < last) {
            pageLink(html, site, query, query.page() + 1, text.next(), "next");
            pageLink(html, site, query, last, text.last(), "last");
        }
        html.close("ul").close("nav");
    }

    private static void pageLink(Html html, Site site, ReaderQuery query, long page, String label, String rel) {
        if (page > Integer.MAX_VALUE) {
            return;
        }
        html.open("li")
                .open(
                        "a",
                        "href",
                        search(site, query.toPage((int) page)),
                        "rel",
                        rel.equals("first") || rel.equals("last") ? null : rel);
        html.text(label).close("a").close("li");
    }

    /** The facets: each value a link that narrows to it (or removes it, when in force), with its count. */
    private static void facets(Html html, ResultPage page, UiText text, Site site) {
        ReaderQuery query = page.query();
        if (page.facets().values().stream().allMatch(List::isEmpty)) {
            return;
        }
        html.open("aside", "class", "facets", "aria-labelledby", "facets-heading");
        html.element("h2", text.facetsHeading(), "id", "facets-heading");
        for (Facet facet : Facet.values()) {
            List<TermCount> counts = page.facets().getOrDefault(facet, List.of());
            if (counts.isEmpty()) {
                continue;
            }
            String id = "facet-" + facet.param();
            html.open("section", "class", "facet", "aria-labelledby", id);
            html.element("h3", text.facet(facet), "id", id);
            html.open("ul");
            for (TermCount count : counts) {
                String label = valueLabel(facet, count.term(), text, site);
                boolean on = query.has(facet, count.term());
                ReaderQuery target = on ? query.without(facet, count.term()) : query.with(facet, count.term());
                html.open("li").open("a", "href", search(site, target), "aria-current", on ? "true" : null);
                if (on) {
                    html.open("span", "class", "visually-hidden")
                            .text(text.remove(""))
                            .close("span");
                }
                html.element("span", label, "class", "label");
                html.raw(" ").element("span", String.format("%,d", count.count()), "class", "n");
                html.close("a").close("li");
            }
            html.close("ul").close("section");
        }
        html.close("aside");
    }

    /** A facet value as readers know it: a library's name, a type's, a language's. */
    static String valueLabel(Facet facet, String value, UiText text, Site site) {
        return switch (facet) {
            case HOLDING -> text.labels().library(value, site.libraries());
            case TYPE -> text.type(value);
            case LANGUAGE -> text.language(value);
            case ACCESS -> text.access(value);
            case YEAR -> value;
        };
    }

    /** The language of a record's title, for its {@code lang} attribute (screen readers speak it right). */
    static String titleLanguage(CashlRecord record) {
        return record.getLanguage().isEmpty()
                ? null
                : Languages.tag(record.getLanguage().get(0));
    }

    private static String shortList(List<String> authors) {
        return authors.size() <= 3 ? String.join("; ", authors) : String.join("; ", authors.subList(0, 3)) + " …";
    }

    private static String search(Site site, ReaderQuery query) {
        String parameters = query.queryString();
        return site.path("/search") + (parameters.isEmpty() ? "" : "?" + parameters);
    }

    private static String join(String query, String more) {
        return query.isEmpty() ? more : query + "&" + more;
    }
}

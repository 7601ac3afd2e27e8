package cn.edu.cashl.hub.resolver;

import cn.edu.cashl.hub.openurl.OpenUrlRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The answer as a page for the reader (docs/efirst.md): the best way first as one prominent link,
 * the other ways below it, the ways ruled out in a collapsed list, in Chinese or English. One
 * self-contained document: no script, no external asset, one style element whose hash the
 * {@link #CONTENT_SECURITY_POLICY} names, so that the strictest policy serves it unchanged. Landmarks,
 * headings, labelled form fields and visible focus for keyboard and screen-reader users.
 */
public final class ResolutionPage {

    private static final String STYLE =
            "body{margin:0;font-family:system-ui,-apple-system,\"Segoe UI\",\"PingFang SC\","
                    + "\"Microsoft YaHei\",sans-serif;line-height:1.5;color:#1a1a1a;background:#fff}"
                    + "header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}"
                    + "header{display:flex;justify-content:space-between;align-items:baseline;border-bottom:1px solid #bbb}"
                    + "footer{color:#555;font-size:.9rem;border-top:1px solid #bbb;margin-top:2rem}"
                    + "a{color:#0b4f8a}"
                    + "a:focus-visible,summary:focus-visible,input:focus-visible,button:focus-visible"
                    + "{outline:3px solid #c77c00;outline-offset:2px}"
                    + ".brand{font-weight:700}"
                    + ".best{border:2px solid #0b4f8a;border-radius:.5rem;padding:1rem;margin:1rem 0}"
                    + ".go{display:inline-block;background:#0b4f8a;color:#fff;padding:.6rem 1.2rem;border-radius:.4rem;"
                    + "font-size:1.2rem;font-weight:600;text-decoration:none}"
                    + ".go:hover{background:#07365e}"
                    + ".go:focus-visible{color:#fff}"
                    + ".detail{color:#444;margin:.25rem 0}"
                    + "dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}"
                    + "dt{font-weight:600}dd{margin:0}"
                    + "ol,ul{padding-left:1.5rem}li{margin:.6rem 0}"
                    + "summary{cursor:pointer;font-weight:600}"
                    + ".problem{border-left:4px solid #a34a00;background:#fff6ee;padding:.5rem 1rem}"
                    + "form{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.4rem 1rem;align-items:center}"
                    + "form button{grid-column:2;justify-self:start;padding:.4rem 1.2rem}";

    /**
     * The policy the page is served under: nothing but its own style element, no script, forms to
     * the hub only, no base URL. Framing stays allowed: discovery systems show the resolver in a
     * frame of their own pages.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; img-src 'none'; form-action 'self'; base-uri 'none'";

    private final Labels labels;
    private final StringBuilder html = new StringBuilder(8192);

    private ResolutionPage(Labels labels) {
        this.labels = labels;
    }

    /**
     * The page.
     *
     * @param query the request's query as sent (for the link to the other language), or null
     */
    public static String write(Resolution resolution, Labels labels, String query) {
        return new ResolutionPage(labels).page(resolution, query);
    }

    private String page(Resolution r, String query) {
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(labels.tag())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n<title>");
        text(labels.pageTitle()).append(" · ").append(labels.brand()).append("</title>\n<style>");
        html.append(STYLE).append("</style>\n</head>\n<body>\n<header>\n<p class=\"brand\">");
        text(labels.brand()).append("</p>\n<nav aria-label=\"");
        text(labels.languageSwitch()).append("\"><a href=\"");
        text(otherLanguage(query))
                .append("\" lang=\"")
                .append(labels.otherLanguageTag())
                .append("\" hreflang=\"");
        html.append(labels.otherLanguageTag()).append("\">");
        text(labels.otherLanguage()).append("</a></nav>\n</header>\n<main>\n<h1>");
        text(labels.pageTitle()).append("</h1>\n");
        if (r.problem() != null) {
            html.append("<p class=\"problem\" role=\"status\">");
            text(labels.problem(r.problem())).append("</p>\n");
        }
        citation(r);
        if (r.options().isEmpty()) {
            if (r.problem() == null) {
                html.append("<p class=\"problem\" role=\"status\">");
                text(labels.nothingFound()).append("</p>\n");
            }
        } else {
            best(r);
            others(r);
        }
        excluded(r);
        if (r.problem() == Problem.EMPTY || r.problem() == Problem.NOTHING_TO_LOOK_FOR) {
            form(r);
        }
        matches(r);
        notes(r);
        html.append("</main>\n<footer>\n<p>OpenURL · ");
        text(labels.brand()).append("</p>\n</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private void citation(Resolution r) {
        OpenUrlRequest q = r.request();
        List<String[]> rows = new ArrayList<>();
        add(rows, labels.articleTitle(), q.articleTitle());
        add(rows, labels.containerTitle(), q.containerTitle());
        add(rows, labels.author(), q.author());
        add(rows, "DOI", q.doi());
        add(rows, "ISSN", String.join(", ", q.issns()));
        add(rows, "ISBN", String.join(", ", q.isbns()));
        add(rows, labels.date(), q.date());
        add(rows, labels.volume(), q.volume());
        add(rows, labels.issue(), q.issue());
        add(rows, labels.startPage(), q.startPage());
        add(
                rows,
                labels.homeLibrary(),
                r.home() == null ? null : labels.library(r.home().code(), r.libraries()));
        if (rows.isEmpty()) {
            return;
        }
        html.append("<section aria-labelledby=\"citation\">\n<h2 id=\"citation\">");
        text(labels.citation()).append("</h2>\n<dl>\n");
        for (String[] row : rows) {
            html.append("<dt>");
            text(row[0]).append("</dt><dd>");
            text(row[1]).append("</dd>\n");
        }
        html.append("</dl>\n</section>\n");
    }

    private static void add(List<String[]> rows, String label, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(new String[] {label, value});
        }
    }

    private void best(Resolution r) {
        Option best = r.best();
        html.append("<section aria-labelledby=\"best\" class=\"best\">\n<h2 id=\"best\">");
        text(labels.best()).append("</h2>\n<p>");
        if (linkable(best.url())) {
            html.append("<a class=\"go\" href=\"");
            text(best.url()).append("\">");
            text(title(best, r)).append("</a>");
        } else {
            html.append("<strong>");
            text(title(best, r)).append("</strong>");
        }
        html.append("</p>\n");
        details(best);
        html.append("</section>\n");
    }

    private void others(Resolution r) {
        if (r.options().size() < 2) {
            return;
        }
        html.append("<section aria-labelledby=\"others\">\n<h2 id=\"others\">");
        text(labels.others()).append("</h2>\n<ol start=\"2\">\n");
        for (Option option : r.options().subList(1, r.options().size())) {
            html.append("<li>");
            if (linkable(option.url())) {
                html.append("<a href=\"");
                text(option.url()).append("\">");
                text(title(option, r)).append("</a>");
            } else {
                text(title(option, r));
            }
            html.append('\n');
            details(option);
            html.append("</li>\n");
        }
        html.append("</ol>\n</section>\n");
    }

    /** What the link is: the kind of way, whose, and the package. */
    private String title(Option option, Resolution r) {
        StringBuilder title = new StringBuilder(labels.kind(option.kind()));
        String library = labels.library(option.library(), r.libraries());
        if (!library.isEmpty()) {
            title.append(labels == Labels.ZH ? "：" : ": ").append(library);
        }
        if (option.packageName() != null) {
            title.append(" · ").append(option.packageName());
        }
        return title.toString();
    }

    private void details(Option option) {
        html.append("<p class=\"detail\">");
        text(labels.why(option.why()));
        if (option.coverage() != null) {
            html.append(" · ");
            text(
                    option.kind() == OptionKind.PRINT || option.kind() == OptionKind.PRINT_DELIVERY
                            ? labels.shelf()
                            : labels.coverage());
            html.append(labels == Labels.ZH ? "：" : ": ");
            text(option.coverage());
        }
        if (option.url() == null
                && (option.kind() == OptionKind.ELECTRONIC_DELIVERY || option.kind() == OptionKind.PRINT_DELIVERY)) {
            html.append(" · ");
            text(labels.noLink());
        }
        html.append("</p>\n");
    }

    private void excluded(Resolution r) {
        if (r.excluded().isEmpty()) {
            return;
        }
        html.append("<details>\n<summary>");
        text(labels.excluded()).append(" (").append(r.excluded().size()).append(")</summary>\n<ul>\n");
        for (Exclusion exclusion : r.excluded()) {
            html.append("<li>");
            StringBuilder what = new StringBuilder(labels.kind(exclusion.kind()));
            String library = labels.library(exclusion.library(), r.libraries());
            if (!library.isEmpty()) {
                what.append(labels == Labels.ZH ? "：" : ": ").append(library);
            }
            if (exclusion.packageName() != null) {
                what.append(" · ").append(exclusion.packageName());
            }
            text(what.toString()).append(" — ");
            text(labels.why(exclusion.why()));
            if (exclusion.coverage() != null) {
                html.append(" · ");
                text(labels.coverage()).append(labels == Labels.ZH ? "：" : ": ");
                text(exclusion.coverage());
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n</details>\n");
    }

    private void matches(Resolution r) {
        if (r.matches().isEmpty()) {
            return;
        }
        html.append("<details>\n<summary>");
        text(labels.matches()).append(" (").append(r.matches().size()).append(")</summary>\n<ul>\n");
        for (Match match : r.matches()) {
            html.append("<li>");
            text(match.title() == null ? match.id() : match.title()).append(" <span class=\"detail\">(");
            text(match.type()).append(", ");
            text(match.id()).append(")</span></li>\n");
        }
        html.append("</ul>\n</details>\n");
    }

    private void notes(Resolution r) {
        if (r.notes().isEmpty()) {
            return;
        }
        html.append("<details>\n<summary>");
        text(labels.notes()).append("</summary>\n<ul lang=\"en\">\n");
        for (String note : r.notes()) {
            html.append("<li>");
            text(note).append("</li>\n");
        }
        html.append("</ul>\n</details>\n");
    }

    /** A form to ask again, with what the request did give: for a request the hub could not read. */
    private void form(Resolution r) {
        OpenUrlRequest q = r.request();
        html.append("<section aria-labelledby=\"ask\">\n<h2 id=\"ask\">");
        text(labels.formHeading()).append("</h2>\n<form method=\"get\">\n");
        field("f-atitle", "rft.atitle", labels.articleTitle(), q.articleTitle());
        field("f-title", "rft.jtitle", labels.containerTitle(), q.containerTitle());
        field("f-doi", "rft.doi", "DOI", q.doi());
        field(
                "f-issn",
                "rft.issn",
                "ISSN",
                q.issns().isEmpty() ? null : q.issns().get(0));
        field(
                "f-isbn",
                "rft.isbn",
                "ISBN",
                q.isbns().isEmpty() ? null : q.isbns().get(0));
        field("f-date", "rft.date", labels.date(), q.date());
        field("f-volume", "rft.volume", labels.volume(), q.volume());
        field("f-issue", "rft.issue", labels.issue(), q.issue());
        field("f-spage", "rft.spage", labels.startPage(), q.startPage());
        field(
                "f-library",
                "library",
                labels.homeLibrary(),
                r.home() == null ? q.library() : r.home().code());
        html.append("<input type=\"hidden\" name=\"lang\" value=\"")
                .append(labels == Labels.ZH ? "zh" : "en")
                .append("\">\n<button type=\"submit\">");
        text(labels.search()).append("</button>\n</form>\n</section>\n");
    }

    private void field(String id, String name, String label, String value) {
        html.append("<label for=\"").append(id).append("\">");
        text(label)
                .append("</label><input id=\"")
                .append(id)
                .append("\" name=\"")
                .append(name);
        html.append("\" type=\"text\"");
        if (value != null) {
            html.append(" value=\"");
            text(value).append('"');
        }
        html.append(">\n");
    }

    /** The same request in the other language: its query without {@code lang}, and the other one. */
    private String otherLanguage(String query) {
        StringBuilder link = new StringBuilder("?");
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("lang=")) {
                    link.append(pair).append('&');
                }
            }
        }
        return link.append("lang=").append(labels.otherLanguageTag()).toString();
    }

    /** Only web links become links: a holding's URL is data from outside. */
    private static boolean linkable(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    /** Text and attribute values escaped for HTML. */
    private StringBuilder text(String value) {
        if (value == null) {
            return html;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

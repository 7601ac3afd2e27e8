package cn.edu.cashl.hub.discovery.page;

import cn.edu.cashl.hub.discovery.Site;
import cn.edu.cashl.hub.resolver.Member;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /widget/}: where a member library's web team builds its search box (docs/search.md). The
 * options are a plain form: without script, submitting it shows the snippet and the preview for the
 * options chosen; with script, both follow every change, and a button copies the snippet.
 */
public final class WidgetBuilderPage {

    /** Where results open: on the hub in the same window, in a new one, or listed in the box. */
    static final List<String> TARGETS = List.of("_top", "_blank", "inline");

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String DEFAULT_ACCENT = "#0b4f8a";

    private WidgetBuilderPage() {}

    /**
     * The options chosen, as the builder's form sends them; anything unknown falls back to the default.
     *
     * @param library the member library whose readers the box serves, or null
     * @param lang    {@code zh} or {@code en}
     * @param target  one of {@link #TARGETS}
     * @param accent  the button colour, {@code #rrggbb}
     */
    public record Options(String library, String lang, String target, String accent) {

        public static Options from(Map<String, List<String>> params, Set<String> libraries) {
            String library = first(params, "library");
            String lang = first(params, "lang");
            String target = first(params, "target");
            String accent = first(params, "accent");
            return new Options(
                    library != null && libraries.contains(library) ? library : null,
                    "en".equals(lang) ? "en" : "zh",
                    target != null && TARGETS.contains(target) ? target : "_top",
                    accent != null && COLOUR.matcher(accent).matches() ? accent.toLowerCase() : DEFAULT_ACCENT);
        }

        private static String first(Map<String, List<String>> params, String name) {
            List<String> values = params.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    public static String write(Options options, UiText text, Site site) {
        Html html = new Html();
        PageFrame.open(html, text, site, text.builderTitle(), site.path("/widget/"), Map.of(), null, null, "main");
        html.open("main", "id", "main", "class", "builder");
        html.element("h1", text.builderTitle());
        html.element("p", text.builderIntro(), "class", "intro");

        html.open("form", "id", "builder", "method", "get", "action", site.path("/widget/"));
        html.open("fieldset").element("legend", text.builderOptions());
        html.element("label", text.myLibrary(), "for", "w-library");
        html.open("select", "id", "w-library", "name", "library");
        html.open("option", "value", "", "selected", options.library() == null ? "" : null)
                .text(text.noLibrary())
                .close("option");
        for (Member member : PageFrame.members(text, site)) {
            html.open(
                            "option",
                            "value",
                            member.code(),
                            "selected",
                            member.code().equals(options.library()) ? "" : null)
                    .text(text.labels().library(member.code(), site.libraries()) + " (" + member.code() + ")")
                    .close("option");
        }
        html.close("select");
        html.element("label", text.language(), "for", "w-lang");
        html.open("select", "id", "w-lang", "name", "lang");
        html.open("option", "value", "zh", "selected", options.lang().equals("zh") ? "" : null)
                .text("中文")
                .close("option");
        html.open("option", "value", "en", "selected", options.lang().equals("en") ? "" : null)
                .text("English")
                .close("option");
        html.close("select");
        html.element("label", text.builderTarget(), "for", "w-target");
        html.open("select", "id", "w-target", "name", "target");
        for (String target : TARGETS) {
            html.open("option", "value", target, "selected", target.equals(options.target()) ? "" : null)
                    .text(text.builderTargetName(target))
                    .close("option");
        }
        html.close("select");
        html.element("label", text.builderAccent(), "for", "w-accent");
        html.open("input", "type", "color", "id", "w-accent", "name", "accent", "value", options.accent());
        html.close("fieldset");
        html.element("button", text.builderShow(), "type", "submit", "class", "js-hidden");
        html.close("form");

        html.element("h2", text.builderPreview(), "id", "preview-heading");
        html.open("div", "id", "preview", "class", "preview", "data-accent", options.accent());
        html.raw(element(options, site, text));
        html.close("div");
        html.open("script", "type", "module", "src", site.path("/widget/cashl-search.js"))
                .close("script");

        html.element("h2", text.builderSnippet(), "id", "snippet-heading");
        html.element("p", text.builderSnippetHelp(), "id", "snippet-help");
        html.open(
                        "textarea",
                        "id",
                        "snippet",
                        "readonly",
                        "",
                        "rows",
                        "12",
                        "aria-labelledby",
                        "snippet-heading",
                        "aria-describedby",
                        "snippet-help",
                        "data-hub",
                        site.baseUrl())
                .text(snippet(options, site, text))
                .close("textarea");
        html.open("p").element("button", text.builderCopy(), "type", "button", "id", "copy", "hidden", "");
        html.element("span", "", "id", "copied", "role", "status").close("p");
        html.open("script", "type", "module", "src", site.path("/assets/widget-builder.js"))
                .close("script");
        PageFrame.close(html, text, site);
        return html.toString();
    }

    /** The code a library pastes into its page: the script, the element, and its fallback form. */
    public static String snippet(Options options, Site site, UiText text) {
        StringBuilder snippet = new StringBuilder();
        snippet.append("<script type=\"module\" src=\"")
                .append(site.url("/widget/cashl-search.js"))
                .append("\"></script>\n");
        if (!options.accent().equals(DEFAULT_ACCENT)) {
            snippet.append("<style>cashl-search { --cashl-accent: ")
                    .append(options.accent())
                    .append("; }</style>\n");
        }
        snippet.append(element(options, site, text)).append('\n');
        return snippet.toString();
    }

    /** The element with its fallback form, which browsers without script show as it is. */
    public static String element(Options options, Site site, UiText text) {
        UiText in = options.lang().equals("en") ? UiText.EN : UiText.ZH;
        Html html = new Html();
        html.open(
                "cashl-search",
                "library",
                options.library(),
                "lang",
                options.lang(),
                "target",
                options.target().equals("_top") ? null : options.target());
        html.raw("\n  ").open("form", "action", site.url("/search"), "method", "get");
        html.raw("\n    ")
                .open("label")
                .text(in.widgetLabel() + " ")
                .open("input", "type", "search", "name", "q")
                .close("label");
        if (options.library() != null) {
            html.raw("\n    ").open("input", "type", "hidden", "name", "library", "value", options.library());
        }
        html.raw("\n    ").open("input", "type", "hidden", "name", "lang", "value", options.lang());
        html.raw("\n    ").element("button", in.searchButton(), "type", "submit");
        html.raw("\n  ").close("form").raw("\n").close("cashl-search");
        return html.toString();
    }
}

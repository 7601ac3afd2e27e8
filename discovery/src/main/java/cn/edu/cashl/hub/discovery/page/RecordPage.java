package cn.edu.cashl.hub.discovery.page;

import cn.edu.cashl.hub.coverage.CoverageRange;
import cn.edu.cashl.hub.discovery.Hit;
import cn.edu.cashl.hub.discovery.RecordText;
import cn.edu.cashl.hub.discovery.RecordView;
import cn.edu.cashl.hub.discovery.Site;
import cn.edu.cashl.hub.discovery.cite.CitationFormat;
import cn.edu.cashl.hub.resolver.ElectronicHolding;
import cn.edu.cashl.hub.resolver.Holdings;
import cn.edu.cashl.hub.resolver.LibraryDirectory;
import cn.edu.cashl.hub.resolver.Match;
import cn.edu.cashl.hub.resolver.Member;
import cn.edu.cashl.hub.resolver.Option;
import cn.edu.cashl.hub.resolver.PrintHolding;
import cn.edu.cashl.hub.resolver.Resolution;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Contributor;
import cn.edu.cashl.hub.schema.v1.Host;
import cn.edu.cashl.hub.schema.v1.Series;
import cn.edu.cashl.hub.schema.v1.Subject;
import cn.edu.cashl.hub.schema.v1.VariantTitle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A master record's page ({@code /record/{id}}, docs/search.md): the record, every way to the full
 * text as the E-first resolver ranks it for the reader's home library, every library's holdings
 * (names in Chinese and English, call numbers, electronic coverage), citation export, and the
 * record's OAI-PMH and SRU addresses.
 */
public final class RecordPage {

    private RecordPage() {}

    public static String write(RecordView view, String library, UiText text, Site site) {
        Hit hit = view.hit();
        CashlRecord record = hit.record();
        String title = RecordText.title(record);
        Html html = new Html();
        PageFrame.open(html, text, site, title, site.recordPath(hit.id()), Map.of(), library, null, "main");
        html.open("main", "id", "main", "class", "record");
        html.open("p", "class", "back")
                .open("a", "href", site.path("/search"))
                .text(text.backToSearch())
                .close("a")
                .close("p");
        html.open("article", "aria-labelledby", "title");
        html.open("h1", "id", "title", "lang", SearchPage.titleLanguage(record), "dir", "auto")
                .text(title)
                .close("h1");
        html.open("p", "class", "meta").element("span", text.type(RecordText.type(record)), "class", "type");
        if (RecordText.year(record) != null) {
            html.raw(" · ").element("span", RecordText.year(record), "class", "year");
        }
        html.close("p");
        SearchPage.availability(html, hit, text);
        SearchPage.action(html, hit, title, library, text, site);

        details(html, record, view, text, site);
        ways(html, view.resolution(), text, site);
        holdings(html, view.resolution(), text, site);
        export(html, hit.id(), text, site);
        machines(html, hit.id(), text, site);
        html.close("article");
        PageFrame.close(html, text, site);
        return html.toString();
    }

    /** The page for an id no live master record has: a 404 with the way back to searching. */
    public static String missing(String id, String library, UiText text, Site site) {
        Html html = new Html();
        PageFrame.open(html, text, site, text.noRecord(), site.path("/search"), Map.of(), library, null, "main");
        html.open("main", "id", "main", "class", "record");
        html.element("h1", text.noRecord());
        html.open("p").text(text.noRecordHelp()).raw(" ").element("code", id).close("p");
        html.open("p")
                .open("a", "href", site.path("/"))
                .text(text.backToSearch())
                .close("a")
                .close("p");
        PageFrame.close(html, text, site);
        return html.toString();
    }

    private static void details(Html html, CashlRecord record, RecordView view, UiText text, Site site) {
        html.element("h2", text.details(), "id", "details");
        html.open("dl", "class", "details");
        List<Contributor> contributors = record.getContributor();
        if (!contributors.isEmpty()) {
            html.element("dt", text.authors()).open("dd").open("ul", "class", "plain");
            for (Contributor contributor : contributors) {
                html.open("li").text(contributor.getName());
                if (contributor.getDates() != null) {
                    html.text(", " + contributor.getDates());
                }
                if (contributor.getOrcid() != null) {
                    html.raw(" ")
                            .open("a", "href", "https://orcid.org/" + contributor.getOrcid(), "class", "orcid")
                            .text("ORCID " + contributor.getOrcid())
                            .close("a");
                }
                if (!contributor.getAffiliation().isEmpty()) {
                    html.open("span", "class", "affiliation")
                            .text(" (" + String.join("; ", contributor.getAffiliation()) + ")");
                    html.close("span");
                }
                html.close("li");
            }
            html.close("ul").close("dd");
        }
        Host host = record.getIsPartOf();
        if (host != null && host.getTitle() != null) {
            html.element("dt", text.in()).open("dd");
            if (host.getRecord() != null) {
                html.open("a", "href", site.recordPath(host.getRecord()))
                        .text(RecordText.source(record))
                        .close("a");
            } else {
                html.text(RecordText.source(record));
            }
            html.close("dd");
        }
        if (record.getPublication() != null) {
            var publication = record.getPublication();
            List<String> parts = new ArrayList<>();
            if (publication.getPlace() != null) {
                parts.add(publication.getPlace());
            }
            if (publication.getPublisher() != null) {
                parts.add(publication.getPublisher());
            }
            String when = publication.getDate() != null ? publication.getDate() : publication.getYear();
            if (when != null) {
                parts.add(when);
            }
            if (!parts.isEmpty()) {
                row(html, text.published(), String.join(", ", parts));
            }
        }
        row(html, text.edition(), record.getEdition());
        row(html, text.extent(), record.getExtent());
        if (!record.getSeries().isEmpty()) {
            row(
                    html,
                    text.series(),
                    record.getSeries().stream().map(RecordPage::series).collect(Collectors.joining("; ")));
        }
        if (!record.getVariantTitle().isEmpty()) {
            html.element("dt", text.otherTitles()).open("dd").open("ul", "class", "plain");
            for (VariantTitle variant : record.getVariantTitle()) {
                html.open(
                                "li",
                                "lang",
                                variant.getLanguage() == null ? null : Languages.tag(variant.getLanguage()),
                                "dir",
                                "auto")
                        .text(variant.getValue())
                        .close("li");
            }
            html.close("ul").close("dd");
        }
        identifiers(html, record, text);
        if (!record.getLanguage().isEmpty()) {
            row(
                    html,
                    text.language(),
                    record.getLanguage().stream().map(text::language).collect(Collectors.joining(", ")));
        }
        if (!record.getSubject().isEmpty()) {
            html.element("dt", text.subjects()).open("dd").open("ul", "class", "plain");
            for (Subject subject : record.getSubject()) {
                String search = site.path("/search?field=subject&q=" + Site.encode(subject.getValue()));
                html.open("li")
                        .open("a", "href", search)
                        .text(subject.getValue())
                        .close("a")
                        .close("li");
            }
            html.close("ul").close("dd");
        }
        if (record.getLicence() != null) {
            html.element("dt", text.licence()).open("dd");
            if (record.getLicence().startsWith("http")) {
                html.open("a", "href", record.getLicence())
                        .text(record.getLicence())
                        .close("a");
            } else {
                html.text(record.getLicence());
            }
            html.close("dd");
        }
        if (view.articleCount() > 0) {
            row(html, text.articles(), text.articlesInCatalogue(view.articleCount()));
        }
        html.close("dl");
        if (record.getDescription() != null && record.getDescription().getValue() != null) {
            html.element("h2", text.abstractHeading());
            String language = record.getDescription().getLanguage();
            html.open("p", "class", "abstract", "lang", language == null ? null : Languages.tag(language))
                    .text(record.getDescription().getValue())
                    .close("p");
        }
    }

    private static void identifiers(Html html, CashlRecord record, UiText text) {
        List<String[]> ids = new ArrayList<>();
        RecordText.isbns(record).forEach(isbn -> ids.add(new String[] {"ISBN", isbn, null}));
        RecordText.issns(record).forEach(issn -> ids.add(new String[] {"ISSN", issn, null}));
        String doi = RecordText.doi(record);
        if (doi != null) {
            ids.add(new String[] {"DOI", doi, "https://doi.org/" + doi});
        }
        if (record.getIdentifiers() != null) {
            record.getIdentifiers().getOclc().forEach(oclc -> ids.add(new String[] {"OCLC", oclc, null}));
            if (record.getIdentifiers().getLccn() != null) {
                ids.add(new String[] {"LCCN", record.getIdentifiers().getLccn(), null});
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        html.element("dt", text.identifiers()).open("dd").open("ul", "class", "plain");
        for (String[] id : ids) {
            html.open("li").element("abbr", id[0]).raw(" ");
            if (id[2] != null) {
                html.open("a", "href", id[2]).text(id[1]).close("a");
            } else {
                html.text(id[1]);
            }
            html.close("li");
        }
        html.close("ul").close("dd");
    }

    /** Every way the resolver offers, best first, each with its link. */
    private static void ways(Html html, Resolution resolution, UiText text, Site site) {
        html.element("h2", text.waysHeading(), "id", "ways");
        html.element("p", text.waysExplained(), "class", "hint");
        if (resolution.options().isEmpty()) {
            html.element("p", text.noWays());
            return;
        }
        html.open("ol", "class", "ways");
        for (Option option : resolution.options()) {
            html.open("li");
            html.element("strong", text.labels().kind(option.kind()));
            html.text(" – " + text.labels().library(option.library(), resolution.libraries()));
            if (option.packageName() != null) {
                html.text(" · " + option.packageName());
            }
            if (option.coverage() != null) {
                html.open("span", "class", "coverage")
                        .text(" · " + option.coverage())
                        .close("span");
            }
            html.open("span", "class", "why")
                    .text(" (" + text.labels().why(option.why()) + ")")
                    .close("span");
            if (option.url() != null) {
                html.raw(" ")
                        .open("a", "href", option.url(), "class", "open")
                        .text(
                                isRequest(option)
                                        ? text.labels().request()
                                        : text.labels().open())
                        .close("a");
            }
            html.close("li");
        }
        html.close("ol");
    }

    private static boolean isRequest(Option option) {
        return switch (option.kind()) {
            case ELECTRONIC_DELIVERY, PRINT_DELIVERY, ILL -> true;
            default -> false;
        };
    }

    /** The print and electronic holdings of the record (and of an article's journal), by library. */
    private static void holdings(Html html, Resolution resolution, UiText text, Site site) {
        List<Match> matches = resolution.matches();
        List<PrintHolding> print = Holdings.print(matches);
        List<ElectronicHolding> electronic = Holdings.electronic(matches);
        html.element("h2", text.holdings(), "id", "holdings");
        if (print.isEmpty() && electronic.isEmpty()) {
            html.element("p", text.notHeld());
            return;
        }
        LibraryDirectory libraries = resolution.libraries();
        if (!print.isEmpty()) {
            table(html, text.printHoldings(), text.library(), text.callNumber(), text.holdingsStatement());
            for (PrintHolding copy : print) {
                holdingRow(html, copy.library(), libraries, text);
                html.element("td", String.join("; ", copy.callNumbers()));
                html.element("td", String.join("; ", copy.statements()));
                html.raw("</tr>");
            }
            html.raw("</tbody></table>");
        }
        if (!electronic.isEmpty()) {
            table(html, text.electronicHoldings(), text.library(), text.packageName(), text.coverage());
            for (ElectronicHolding holding : electronic) {
                holdingRow(html, holding.library(), libraries, text);
                html.open("td").text(holding.packageName() == null ? "" : holding.packageName());
                if (holding.openAccess()) {
                    html.raw(" ").element("span", text.openAccess(), "class", "badge oa");
                }
                html.close("td");
                html.element(
                        "td",
                        holding.coverage().ranges().stream()
                                .map(CoverageRange::statement)
                                .filter(s -> s != null && !s.isEmpty())
                                .collect(Collectors.joining("; ")));
                html.raw("</tr>");
            }
            html.raw("</tbody></table>");
        }
    }

    /** A holdings table up to its body: its caption and column headings. */
    private static void table(Html html, String caption, String... columns) {
        html.open("table", "class", "holdings").element("caption", caption).raw("<thead><tr>");
        for (String column : columns) {
            html.element("th", column, "scope", "col");
        }
        html.raw("</tr></thead><tbody>");
    }

    /** A holdings row up to its first cell: the library, as the row's heading. */
    private static void holdingRow(Html html, String library, LibraryDirectory libraries, UiText text) {
        html.raw("<tr>").open("th", "scope", "row");
        libraryName(html, library, libraries, text);
        html.close("th");
    }

    /** A library's name in the page's language, with its name in the other language beside it. */
    private static void libraryName(Html html, String code, LibraryDirectory libraries, UiText text) {
        Member member = libraries.member(code).orElse(null);
        html.text(text.labels().library(code, libraries));
        if (member != null && member.nameZh() != null && member.name() != null) {
            boolean zh = text == UiText.ZH;
            html.raw(" ")
                    .open("span", "class", "other-name", "lang", zh ? "en" : "zh-Hans")
                    .text(zh ? member.name() : member.nameZh())
                    .close("span");
        }
    }

    private static void export(Html html, String id, UiText text, Site site) {
        html.element("h2", text.export(), "id", "export");
        html.open("ul", "class", "inline");
        for (CitationFormat format : CitationFormat.values()) {
            html.open("li")
                    .open(
                            "a",
                            "href",
                            site.recordPath(id) + "?format=" + format.param(),
                            "download",
                            "",
                            "type",
                            format.mediaType())
                    .text(format.label())
                    .close("a")
                    .close("li");
        }
        html.close("ul");
    }

    private static void machines(Html html, String id, UiText text, Site site) {
        html.element("h2", text.forMachines(), "id", "machines");
        String identifier = Site.encode(site.oaiIdentifier(id));
        html.open("ul", "class", "inline");
        for (String prefix : List.of("oai_dc", "marc21", "mods", "cashl")) {
            html.open("li")
                    .open(
                            "a",
                            "href",
                            site.path("/oai?verb=GetRecord&metadataPrefix=" + prefix + "&identifier=" + identifier))
                    .text("OAI-PMH " + prefix)
                    .close("a")
                    .close("li");
        }
        String cql = Site.encode("rec.identifier=\"" + id + "\"");
        html.open("li")
                .open(
                        "a",
                        "href",
                        site.path("/sru?version=1.2&operation=searchRetrieve&recordSchema=marcxml&query=" + cql))
                .text("SRU")
                .close("a")
                .close("li");
        html.close("ul");
    }

    private static void row(Html html, String label, String value) {
        if (value != null && !value.isBlank()) {
            html.element("dt", label).element("dd", value);
        }
    }

    private static String series(Series series) {
        String text = series.getTitle();
        if (series.getVolume() != null) {
            text += " ; " + series.getVolume();
        }
        return text;
    }
}

package cn.edu.cashl.hub.discovery.cite;

import java.util.stream.Collectors;

/**
 * BibTeX (and biblatex, which reads the same entries): UTF-8, braces around values, the characters
 * TeX treats specially escaped, authors joined with {@code and}.
 */
final class BibTex {

    private BibTex() {}

    static String write(CitedWork work) {
        String type = switch (work.kind()) {
            case BOOK, EBOOK -> "book";
            case ARTICLE -> "article";
            case CHAPTER -> "incollection";
            case THESIS -> "phdthesis";
            case JOURNAL, OTHER -> "misc";
        };
        StringBuilder bib = new StringBuilder(1024);
        bib.append('@').append(type).append('{').append(work.id().replaceAll("[^A-Za-z0-9_-]", "_"));
        field(bib, "title", work.title());
        if (!work.authors().isEmpty()) {
            escaped(bib, "author", work.authors().stream().map(BibTex::name).collect(Collectors.joining(" and ")));
        }
        if (!work.editors().isEmpty()) {
            escaped(bib, "editor", work.editors().stream().map(BibTex::name).collect(Collectors.joining(" and ")));
        }
        field(bib, "year", work.year());
        field(bib, work.kind() == CitedWork.Kind.CHAPTER ? "booktitle" : "journal", work.container());
        field(bib, "volume", work.volume());
        field(bib, "number", work.issue());
        field(bib, "pages", work.pages() == null ? null : work.pages().replaceAll("\\s*[-–]\\s*", "--"));
        field(bib, "publisher", work.publisher());
        field(bib, "address", work.place());
        field(bib, "edition", work.edition());
        field(bib, "isbn", work.isbns().isEmpty() ? null : work.isbns().get(0));
        field(bib, "issn", work.issns().isEmpty() ? null : work.issns().get(0));
        field(bib, "doi", work.doi());
        field(bib, "language", work.language());
        field(bib, "keywords", work.keywords().isEmpty() ? null : String.join(", ", work.keywords()));
        field(bib, "abstract", work.abstractText());
        field(bib, "url", work.url());
        return bib.append("\n}\n").toString();
    }

    private static void field(StringBuilder bib, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        // A URL is verbatim in BibTeX's url field: only its braces would break it.
        escaped(
                bib,
                name,
                name.equals("url") || name.equals("doi")
                        ? value.replace("{", "%7B").replace("}", "%7D")
                        : escape(value));
    }

    /** A field whose value is BibTeX already. */
    private static void escaped(StringBuilder bib, String name, String value) {
        bib.append(",\n  ")
                .append(name)
                .append(" = {")
                .append(value.replaceAll("\\s+", " ").strip())
                .append('}');
    }

    /** A name, escaped; an organisation's in braces, so that BibTeX does not split it into given and family names. */
    private static String name(CitedWork.Name name) {
        return name.literal() ? "{" + escape(name.family()) + "}" : escape(name.inverted());
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '%', '&', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

package cn.edu.cashl.hub.discovery.cite;

/** RIS, the tagged format every reference manager imports (tags of two letters, CRLF line ends, {@code ER} last). */
final class Ris {

    private Ris() {}

    static String write(CitedWork work) {
        StringBuilder ris = new StringBuilder(1024);
        tag(
                ris,
                "TY",
                switch (work.kind()) {
                    case BOOK -> "BOOK";
                    case EBOOK -> "EBOOK";
                    case ARTICLE -> "JOUR";
                    case JOURNAL -> "JFULL";
                    case CHAPTER -> "CHAP";
                    case THESIS -> "THES";
                    case OTHER -> "GEN";
                });
        tag(ris, "TI", work.title());
        work.authors().forEach(a -> tag(ris, "AU", a.inverted()));
        work.editors().forEach(e -> tag(ris, "ED", e.inverted()));
        tag(ris, "PY", work.year());
        tag(ris, "T2", work.container());
        tag(ris, "VL", work.volume());
        tag(ris, "IS", work.issue());
        tag(ris, "SP", work.startPage());
        tag(ris, "EP", work.endPage());
        tag(ris, "PB", work.publisher());
        tag(ris, "CY", work.place());
        tag(ris, "ET", work.edition());
        work.isbns().forEach(isbn -> tag(ris, "SN", isbn));
        work.issns().forEach(issn -> tag(ris, "SN", issn));
        tag(ris, "DO", work.doi());
        tag(ris, "LA", work.language());
        work.keywords().forEach(k -> tag(ris, "KW", k));
        tag(ris, "AB", work.abstractText());
        tag(ris, "UR", work.url());
        tag(ris, "ID", work.id());
        ris.append("ER  - \r\n");
        return ris.toString();
    }

    private static void tag(StringBuilder ris, String tag, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        // A value is one line: line breaks inside it would start a new tag.
        ris.append(tag)
                .append("  - ")
                .append(value.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip())
                .append("\r\n");
    }
}

package cn.edu.cashl.hub.testkit;

/**
 * KBART title lists written by tests: the header of the Phase II columns through
 * {@code publication_type}, in the recommended order, and rows of cells under it.
 */
public final class KbartLists {

    /** The header line, LF-terminated. */
    public static final String HEADER = String.join(
                    "\t",
                    "publication_title",
                    "print_identifier",
                    "online_identifier",
                    "date_first_issue_online",
                    "num_first_vol_online",
                    "num_first_issue_online",
                    "date_last_issue_online",
                    "num_last_vol_online",
                    "num_last_issue_online",
                    "title_url",
                    "first_author",
                    "title_id",
                    "embargo_info",
                    "coverage_depth",
                    "coverage_notes",
                    "publisher_name",
                    "publication_type")
            + "\n";

    private KbartLists() {}

    /** One row under {@link #HEADER}: its cells joined by tabs, LF-terminated. */
    public static String row(String... cells) {
        return String.join("\t", cells) + "\n";
    }

    /**
     * A journal's row: its title, ISSNs, first date and volume, last date and volume (blank: open),
     * link, title id and embargo (blank: none), full text, published by {@code publisher}.
     */
    public static String journal(
            String title,
            String printIssn,
            String onlineIssn,
            String firstDate,
            String firstVolume,
            String lastDate,
            String lastVolume,
            String url,
            String titleId,
            String embargo,
            String publisher) {
        return row(
                title,
                printIssn,
                onlineIssn,
                firstDate,
                firstVolume,
                "",
                lastDate,
                lastVolume,
                "",
                url,
                "",
                titleId,
                embargo,
                "fulltext",
                "",
                publisher,
                "serial");
    }
}

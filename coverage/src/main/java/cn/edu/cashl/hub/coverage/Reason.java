package cn.edu.cashl.hub.coverage;

/** Why a holding does or does not cover a citation: the code the resolver shows and explains. */
public enum Reason {
    /** Inside a range, not embargoed, full text. */
    COVERED("covered", true),
    /** Inside a range whose provider offers only selected articles: the article may be missing. */
    SELECTED_ARTICLES("selected-articles", true),
    /** The citation gives neither a date nor a volume: nothing to check against, offered as is. */
    UNDATED("undated", true),
    /** Before the first range. */
    BEFORE_COVERAGE("before-coverage", false),
    /** After the last range (a closed range: the title left the package). */
    AFTER_COVERAGE("after-coverage", false),
    /** Between two ranges. */
    IN_GAP("in-gap", false),
    /** Inside a range by date, outside it by volume or issue. */
    VOLUME_OUTSIDE("volume-outside", false),
    /** Inside a range, held back by its moving wall. */
    EMBARGOED("embargoed", false),
    /** Inside a range whose provider offers abstracts only. */
    ABSTRACTS_ONLY("abstracts-only", false),
    /** Inside a range of a print holdings list: no electronic access at all. */
    PRINT_ONLY("print-only", false),
    /**
     * Covered by another member's licence that allows no electronic document delivery: the text is
     * there, but not for a reader of another library ({@link Decision#forOtherMember}).
     */
    NO_ILL_RIGHTS("no-ill-rights", false);

    private final String code;
    private final boolean available;

    Reason(String code, boolean available) {
        this.code = code;
        this.available = available;
    }

    /** The code in JSON and on the page: {@code covered}, {@code in-gap}... */
    public String code() {
        return code;
    }

    /** Whether the full text is to be had. */
    public boolean available() {
        return available;
    }
}

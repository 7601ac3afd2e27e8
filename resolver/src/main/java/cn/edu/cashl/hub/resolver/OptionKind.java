package cn.edu.cashl.hub.resolver;

/**
 * The ways to the full text, in the order the resolver ranks them (docs/efirst.md, "The ranking
 * policy"): electronic first, then print, then the home library's interlibrary-loan system.
 */
public enum OptionKind {
    /** (1) Free to read for anyone: an open-access holding. */
    OPEN_ACCESS("open-access"),
    /** (2) The home library's own e-licence, or the consortium's, through the home library's proxy. */
    ELECTRONIC("electronic"),
    /** (3) Another member's e-licence whose package allows electronic document delivery. */
    ELECTRONIC_DELIVERY("electronic-delivery"),
    /** (4) A print copy on the home library's shelves. */
    PRINT("print"),
    /** (5) Another member's print copy, by document delivery. */
    PRINT_DELIVERY("print-delivery"),
    /** (6) The citation handed on to the home library's interlibrary-loan system. */
    ILL("ill");

    private final String code;

    OptionKind(String code) {
        this.code = code;
    }

    /** The kind in JSON and on the page: {@code open-access}, {@code print-delivery}... */
    public String code() {
        return code;
    }
}

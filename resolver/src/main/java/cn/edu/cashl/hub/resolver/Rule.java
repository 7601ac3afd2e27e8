package cn.edu.cashl.hub.resolver;

/**
 * The resolver's own reasons, for what the coverage engine does not decide: print copies, lenders
 * and the interlibrary-loan hand-off. An electronic option or exclusion carries the coverage
 * engine's {@link cn.edu.cashl.hub.coverage.Reason} instead.
 */
public enum Rule {
    /** A print copy on the home library's shelves. */
    HELD_IN_PRINT("held-in-print"),
    /** A centre library lends it: centre libraries lend first. */
    CENTRE_LENDER("centre-library"),
    /** A service library lends it, after the centre libraries. */
    SERVICE_LENDER("service-library"),
    /** The citation handed on to the home library's interlibrary-loan system. */
    ILL_REQUEST("ill-request"),
    /** The holding library takes no part in document delivery (no tier, or not a member). */
    NOT_A_LENDER("not-a-lender"),
    /** The home library has no interlibrary-loan system to hand the citation on to. */
    NO_ILL_SYSTEM("no-ill-system"),
    /** The request names no member library as the reader's home library. */
    NO_HOME_LIBRARY("no-home-library");

    private final String code;

    Rule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

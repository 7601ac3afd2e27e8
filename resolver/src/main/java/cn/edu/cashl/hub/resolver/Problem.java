package cn.edu.cashl.hub.resolver;

/** Why a request could not be resolved in full: each is explained to the reader, none is an error page. */
public enum Problem {
    /** Nothing was sent: no citation at all. */
    EMPTY("empty-request"),
    /** A request that names nothing the hub could look for: no identifier and no title. */
    NOTHING_TO_LOOK_FOR("nothing-to-look-for"),
    /** The catalogue did not answer: only the ILL hand-off, which needs no catalogue, is offered. */
    CATALOGUE_UNAVAILABLE("catalogue-unavailable");

    private final String code;

    Problem(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

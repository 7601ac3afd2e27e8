package cn.edu.cashl.hub.discovery;

/**
 * Why a search has no results other than that nothing matched: the page says it in the reader's
 * words, never as an error page.
 *
 * @param kind   what went wrong
 * @param detail the SRU diagnostic's words, for a query the catalogue cannot run; else null
 */
public record SearchProblem(Kind kind, String detail) {

    public enum Kind {
        /** The words cannot be searched as typed (a lone mask, a term too short to truncate...). */
        QUERY,
        /** The catalogue cannot be read just now. */
        UNAVAILABLE
    }
}

package cn.edu.cashl.hub.sru.cql;

/**
 * A query that is not valid CQL. The message is the text cql-java (the reference parser) gives for
 * the same query, so that diagnostics, SRU diagnostics and the regression suite agree with it.
 */
public class CqlSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int position;

    CqlSyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    /**
     * The 0-based character offset in the query where the error was detected: just after the
     * token the parser was looking at, as cql-java reports it.
     */
    public int position() {
        return position;
    }

    /** The message with its position, for people: {@code expected ')', got EOF (at character 2)}. */
    public String detail() {
        return getMessage() + " (at character " + position + ")";
    }
}

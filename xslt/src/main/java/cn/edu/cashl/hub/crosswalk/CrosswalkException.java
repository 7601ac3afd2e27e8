package cn.edu.cashl.hub.crosswalk;

/**
 * A record the crosswalk could not transform: a dynamic error in the stylesheet, an
 * {@code xsl:message terminate="yes"}, or input that is not well-formed XML. The message says which
 * crosswalk and, where Saxon knows it, the stylesheet line.
 */
public final class CrosswalkException extends Exception {

    public CrosswalkException(String message, Throwable cause) {
        super(message, cause);
    }
}

package cn.edu.cashl.hub.crosswalk;

/**
 * One reason a stylesheet does not compile, where the admin's editor can point at it.
 *
 * @param line    line in the stylesheet, from 1; -1 when unknown
 * @param column  column in that line, from 1; -1 when unknown (Saxon gives the end of the start tag
 *                of the element that holds the error)
 * @param message what is wrong, without the position
 */
public record CompileError(int line, int column, String message) {

    /** "line N, column M: message", or less when the position is not known. */
    public String describe() {
        if (line <= 0) {
            return message;
        }
        return "line " + line + (column > 0 ? ", column " + column : "") + ": " + message;
    }
}

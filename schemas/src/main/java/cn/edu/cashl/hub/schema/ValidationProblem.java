package cn.edu.cashl.hub.schema;

/**
 * One schema violation. Line and column are 1-based, or -1 when the document was not read from text
 * (a record built in memory).
 */
public record ValidationProblem(int line, int column, String message) {

    @Override
    public String toString() {
        return line > 0 ? "line " + line + ", column " + column + ": " + message : message;
    }
}

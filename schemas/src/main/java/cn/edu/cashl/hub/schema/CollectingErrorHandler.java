package cn.edu.cashl.hub.schema;

import java.util.List;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Collects every parse and validation error with its position, instead of stopping at the first. */
final class CollectingErrorHandler implements ErrorHandler {

    private final List<ValidationProblem> problems;
    private final ElementPathTracker path;

    CollectingErrorHandler(List<ValidationProblem> problems, ElementPathTracker path) {
        this.problems = problems;
        this.path = path;
    }

    @Override
    public void warning(SAXParseException e) {
        // Warnings (e.g. unresolved schema hints) do not make a record invalid.
    }

    @Override
    public void error(SAXParseException e) {
        problems.add(new ValidationProblem(
                e.getLineNumber(), e.getColumnNumber(), "at " + path.currentPath() + ": " + e.getMessage()));
    }

    @Override
    public void fatalError(SAXParseException e) {
        error(e);
    }
}

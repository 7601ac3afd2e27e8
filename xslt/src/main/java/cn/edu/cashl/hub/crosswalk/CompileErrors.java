package cn.edu.cashl.hub.crosswalk;

import java.util.ArrayList;
import java.util.List;
import net.sf.saxon.lib.ErrorReporter;
import net.sf.saxon.s9api.Location;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XmlProcessingError;

/** Collects what Saxon reports while compiling one stylesheet, as {@link CompileError}s. */
final class CompileErrors implements ErrorReporter {

    private final String principalModule;
    private final List<CompileError> problems = new ArrayList<>();

    /** @param principalModule system id of the stylesheet itself: errors in other modules name theirs */
    CompileErrors(String principalModule) {
        this.principalModule = principalModule;
    }

    @Override
    public void report(XmlProcessingError error) {
        if (error.isWarning()) {
            return;
        }
        Location location = error.getLocation();
        int line = location == null ? -1 : location.getLineNumber();
        int column = location == null ? -1 : location.getColumnNumber();
        String module = location == null ? null : location.getSystemId();
        String message = error.getMessage();
        if (module != null && !module.equals(principalModule)) {
            message += " (in " + module + ")";
        }
        problems.add(new CompileError(line > 0 ? line : -1, line > 0 && column > 0 ? column : -1, message));
    }

    /** The exception for a failed compilation, with Saxon's own message when it reported nothing. */
    CrosswalkCompileException failure(String crosswalk, SaxonApiException e) {
        List<CompileError> all = new ArrayList<>(problems);
        if (all.isEmpty()) {
            int line = e.getLineNumber();
            all.add(new CompileError(line > 0 ? line : -1, -1, e.getMessage()));
        }
        return new CrosswalkCompileException(crosswalk, all);
    }
}

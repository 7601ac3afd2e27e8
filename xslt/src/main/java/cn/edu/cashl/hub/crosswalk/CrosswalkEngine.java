package cn.edu.cashl.hub.crosswalk;

import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.Source;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XsltCompiler;

/** Compiles crosswalk stylesheets with Saxon-HE (XSLT 3.0). Thread-safe. */
public final class CrosswalkEngine {

    private final Processor processor = new Processor(false);

    /**
     * Compiles a stylesheet. {@code xsl:import} and {@code xsl:include} resolve against the source's
     * system id, so give one.
     */
    public Crosswalk compile(String id, int version, Source stylesheet) throws CrosswalkCompileException {
        List<String> errors = new ArrayList<>();
        XsltCompiler compiler = processor.newXsltCompiler();
        compiler.setErrorReporter(error -> {
            if (!error.isWarning()) {
                int line = error.getLocation() == null ? -1 : error.getLocation().getLineNumber();
                int column = error.getLocation() == null ? -1 : error.getLocation().getColumnNumber();
                String module = error.getLocation() == null ? null : error.getLocation().getSystemId();
                errors.add((line > 0 ? "line " + line + ", column " + column + ": " : "")
                        + error.getMessage() + (module != null && !module.equals(stylesheet.getSystemId()) ? " (in " + module + ")" : ""));
            }
        });
        try {
            return new Crosswalk(id, version, processor, compiler.compile(stylesheet));
        } catch (SaxonApiException e) {
            if (errors.isEmpty()) {
                errors.add(e.getMessage());
            }
            throw new CrosswalkCompileException(id, errors);
        }
    }
}

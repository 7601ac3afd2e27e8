package cn.edu.cashl.hub.crosswalk;

import javax.xml.transform.Source;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XsltCompiler;

/**
 * Compiles the hub's own crosswalk stylesheets with Saxon-HE (XSLT 3.0). Thread-safe. Stylesheets
 * written by admins go through the {@link Sandbox} instead.
 */
public final class CrosswalkEngine {

    private final Processor processor = processor();

    private static Processor processor() {
        Processor processor = new Processor(false);
        // Every transformation gets Crosswalk's reporter and every compilation CompileErrors: Saxon's
        // default reporter, which it builds for each transformer before ours replaces it, only opened
        // a PrintWriter on System.err each time (3 % of an OAI-PMH page's CPU).
        processor.getUnderlyingConfiguration().setErrorReporterFactory(configuration -> Crosswalk.SILENT);
        return processor;
    }

    /**
     * Compiles a stylesheet. {@code xsl:import} and {@code xsl:include} resolve against the source's
     * system id, so give one.
     */
    public Crosswalk compile(String id, int version, Source stylesheet) throws CrosswalkCompileException {
        XsltCompiler compiler = processor.newXsltCompiler();
        CompileErrors errors = new CompileErrors(stylesheet.getSystemId());
        compiler.setErrorReporter(errors);
        try {
            return new Crosswalk(id, version, processor, compiler.compile(stylesheet));
        } catch (SaxonApiException e) {
            throw errors.failure(id, e);
        }
    }
}

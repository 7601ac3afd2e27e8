package cn.edu.cashl.hub.crosswalk;

import cn.edu.cashl.hub.xml.SecureXml;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import org.xml.sax.InputSource;

/**
 * Compiles stylesheets written by admins (in the web editor) so that a careless or hostile one can
 * neither reach the server's files, network or environment nor hang the hub:
 * <ul>
 * <li>functions and instructions that read or write resources, or read environment variables, are
 *     refused when compiling, at their line; {@code function-lookup} and {@code xsl:evaluate} cannot
 *     reach them either; extension functions and instructions are off; imports are limited to the
 *     packaged library modules ({@code <xsl:import href="lib/functions.xsl"/>} works as in the
 *     packaged stylesheets). Resolvers that refuse everything stand behind all that;</li>
 * <li>each record gets a time limit, enforced by checkpoints compiled into the stylesheet: a
 *     transformation that runs longer fails with a {@link CrosswalkException} saying so, and runaway
 *     recursion ends in one too.</li>
 * </ul>
 * Thread-safe; one Saxon processor per sandbox. What it cannot bound is memory: a stylesheet that
 * builds a huge value fast can still exhaust the heap before its time is up.
 */
public final class Sandbox {

    /** Compiling may evaluate static expressions ({@code use-when}, static variables): bounded too. */
    private static final Duration COMPILE_LIMIT = Duration.ofSeconds(10);

    private final Duration perRecord;
    private final Duration perCompilation;
    private final Processor processor = new Processor(new SandboxConfiguration());

    /** @param perRecord how long one record may take (the hub's default is 2 s) */
    public Sandbox(Duration perRecord) {
        this(perRecord, COMPILE_LIMIT);
    }

    Sandbox(Duration perRecord, Duration perCompilation) {
        this.perRecord = positive(perRecord, "per record");
        this.perCompilation = positive(perCompilation, "per compilation");
    }

    private static Duration positive(Duration limit, String what) {
        Objects.requireNonNull(limit, what);
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the time limit " + what + " must be positive, not " + limit);
        }
        return limit;
    }

    public Duration perRecord() {
        return perRecord;
    }

    /**
     * Compiles a stylesheet, given as text, for the sandbox.
     *
     * @throws CrosswalkCompileException when it does not compile, or uses what the sandbox refuses;
     *                                   {@link CrosswalkCompileException#problems()} gives each at its line
     */
    public Crosswalk compile(String id, int version, String stylesheet) throws CrosswalkCompileException {
        String systemId = LibraryResolver.systemId(id);
        List<CompileError> refused = StylesheetScreen.check(stylesheet, systemId);
        if (!refused.isEmpty()) {
            throw new CrosswalkCompileException(id, refused);
        }

        XsltCompiler compiler = processor.newXsltCompiler();
        CompileErrors errors = new CompileErrors(systemId);
        compiler.setErrorReporter(errors);
        compiler.setResourceResolver(new LibraryResolver());
        BudgetInjector injector = new BudgetInjector();
        compiler.getUnderlyingCompilerInfo().setCodeInjector(injector);

        SAXSource source = new SAXSource(SecureXml.newXmlReader(), new InputSource(new StringReader(stylesheet)));
        source.setSystemId(systemId);
        try (Budget ignored = Budget.start(perCompilation)) {
            XsltExecutable executable = compiler.compile(source);
            injector.finish();
            return new Crosswalk(id, version, processor, executable, perRecord);
        } catch (SaxonApiException e) {
            throw errors.failure(id, e);
        } catch (StackOverflowError e) {
            throw new CrosswalkCompileException(
                    id,
                    List.of(new CompileError(
                            -1, -1, "compiling recursed too deeply (a static expression that never stops?)")));
        }
    }
}

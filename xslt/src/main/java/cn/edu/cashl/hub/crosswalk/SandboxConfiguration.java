package cn.edu.cashl.hub.crosswalk;

import cn.edu.cashl.hub.xml.SecureXml;
import java.util.List;
import java.util.Properties;
import javax.xml.transform.TransformerFactoryConfigurationError;
import net.sf.saxon.Configuration;
import net.sf.saxon.event.Receiver;
import net.sf.saxon.expr.Expression;
import net.sf.saxon.expr.StaticContext;
import net.sf.saxon.expr.parser.XPathParser;
import net.sf.saxon.functions.FunctionLibraryList;
import net.sf.saxon.functions.registry.BuiltInFunctionSet;
import net.sf.saxon.functions.registry.UseWhen30FunctionSet;
import net.sf.saxon.lib.Feature;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.pattern.Pattern;
import net.sf.saxon.pattern.PatternParser;
import net.sf.saxon.regex.RegularExpression;
import net.sf.saxon.str.UnicodeString;
import net.sf.saxon.style.ExpressionContext;
import net.sf.saxon.style.XSLFunction;
import net.sf.saxon.style.XSLTemplate;
import net.sf.saxon.trans.XPathException;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The Saxon configuration of the sandbox: the standard one, with
 * <ul>
 * <li>the function sets filtered ({@link SandboxFunctions}), wherever Saxon asks for them;</li>
 * <li>no extension functions, no Java system properties ({@code ALLOW_EXTERNAL_FUNCTIONS} off), no
 *     Java class loaded by name (collations, output methods);</li>
 * <li>resolvers that refuse every read, and no URI scheme allowed ({@link Refusals});</li>
 * <li>regular expressions only with Saxon's engine, whose backtracking is bounded;</li>
 * <li>the hub's secure parser for everything Saxon parses itself ({@code parse-xml()}, library
 *     modules): no DOCTYPE, no external entity;</li>
 * <li>budget checkpoints placed in expressions as Saxon parses them, where the compiler's
 *     {@link BudgetInjector} does not reach: static expressions, keys, patterns, {@code xsl:evaluate}.</li>
 * </ul>
 * Overrides run during Saxon's own constructor, so they use no instance fields.
 */
final class SandboxConfiguration extends Configuration {

    private static final int REGEX_BACKTRACKING_LIMIT = 1_000_000;

    SandboxConfiguration() {
        setConfigurationProperty(Feature.ALLOW_EXTERNAL_FUNCTIONS, false);
        setResourceResolver(Refusals.INSTANCE);
        // Saxon's own resolvers, should one still be reached, check the scheme against this list: none.
        setConfigurationProperty(Feature.ALLOWED_PROTOCOLS, "");
        setUnparsedTextURIResolver(Refusals.INSTANCE);
        setCollectionFinder(Refusals.INSTANCE);
        // One regex operation has no checkpoint inside: Saxon's own bound on backtracking, a tenth
        // of its default, keeps it to a fraction of a second.
        setConfigurationProperty(Feature.REGEX_BACKTRACKING_LIMIT, REGEX_BACKTRACKING_LIMIT);
    }

    /**
     * Refuses the flags that select the JDK's regex engine ({@code ;j}, {@code !}): it has no bound
     * on backtracking, so one {@code matches()} could outlast any time limit.
     */
    @Override
    public RegularExpression compileRegularExpression(
            UnicodeString regex, String flags, String hostLanguage, List<String> warnings) throws XPathException {
        int semicolon = flags.indexOf(';');
        if (flags.contains("!") || semicolon >= 0 && flags.indexOf('j', semicolon) >= 0) {
            throw new XPathException(
                    "the regex flags '" + flags + "' are not allowed in the hub's stylesheets: "
                            + "they select a regex engine that cannot be time-limited",
                    "FORX0001");
        }
        return super.compileRegularExpression(regex, flags, hostLanguage, warnings);
    }

    /**
     * Refuses to load Java classes by name, which a stylesheet could otherwise ask for through a
     * collation URI ({@code http://saxon.sf.net/collation?class=...}).
     */
    @Override
    public Object getInstance(String className) throws XPathException {
        throw new XPathException("loading the Java class " + className + " is not allowed in the hub's stylesheets");
    }

    /** Refuses output methods named by a Java class ({@code method="Q{uri}com.example.Emitter"}). */
    @Override
    public Receiver makeEmitter(String eqName, Properties props) throws XPathException {
        throw new XPathException(
                "the output method " + eqName + " is not allowed in the hub's stylesheets", "SXCH0004");
    }

    @Override
    public BuiltInFunctionSet getXSLTFunctionSet(int version) {
        return SandboxFunctions.filter(super.getXSLTFunctionSet(version));
    }

    @Override
    public BuiltInFunctionSet getXPathFunctionSet(int version) {
        return SandboxFunctions.filter(super.getXPathFunctionSet(version));
    }

    @Override
    public UseWhen30FunctionSet getUseWhenFunctionLibrary(int version) {
        return SandboxFunctions.useWhen();
    }

    @Override
    protected FunctionLibraryList makeBuiltInExtensionLibraryList(int version) {
        return SandboxFunctions.filter(super.makeBuiltInExtensionLibraryList(version));
    }

    @Override
    public BuiltInFunctionSet getVendorFunctionSet() {
        return SandboxFunctions.filter(super.getVendorFunctionSet());
    }

    @Override
    public XMLReader getSourceParser() throws TransformerFactoryConfigurationError {
        return secureParser();
    }

    @Override
    public void reuseSourceParser(XMLReader parser) {
        // Not pooled: getSourceParser() makes a new one each time.
    }

    @Override
    public XMLReader getStyleParser() throws TransformerFactoryConfigurationError {
        return secureParser();
    }

    @Override
    public void reuseStyleParser(XMLReader parser) {
        // Not pooled either.
    }

    private static XMLReader secureParser() {
        XMLReader parser = SecureXml.newXmlReader();
        try {
            // What Saxon sets on the parsers it makes itself.
            parser.setFeature("http://xml.org/sax/features/namespaces", true);
            parser.setFeature("http://xml.org/sax/features/namespace-prefixes", false);
        } catch (SAXException e) {
            throw new TransformerFactoryConfigurationError(e);
        }
        return parser;
    }

    @Override
    public XPathParser newExpressionParser(String language, boolean updating, StaticContext env) throws XPathException {
        return switch (language) {
            case "XP" -> new CheckpointedXPathParser(env);
            case "PATTERN" -> new CheckpointedPatternParser(env);
            default -> super.newExpressionParser(language, updating, env);
        };
    }

    /**
     * Whether the compiler's {@link BudgetInjector} will see an expression: those in templates and
     * functions, which it checkpoints after Saxon has optimised them (checkpoints placed earlier
     * would hide the expressions from the optimiser).
     */
    private static boolean reachedByInjector(StaticContext env) {
        if (env instanceof ExpressionContext context) {
            for (NodeInfo node = context.getStyleElement(); node != null; node = node.getParent()) {
                if (node instanceof XSLTemplate || node instanceof XSLFunction) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Parses XPath, then places checkpoints: all of them unless the injector will see the expression. */
    private static final class CheckpointedXPathParser extends XPathParser {

        CheckpointedXPathParser(StaticContext env) {
            super(env);
        }

        @Override
        public Expression parse(String expression, int start, int terminator, StaticContext env) throws XPathException {
            Expression parsed = super.parse(expression, start, terminator, env);
            if (reachedByInjector(env)) {
                return BudgetInjector.ranges(parsed);
            }
            return BudgetCheck.around(BudgetInjector.inside(parsed), false);
        }
    }

    /** Parses patterns (of templates, keys, xsl:number...), then places checkpoints in them. */
    private static final class CheckpointedPatternParser extends PatternParser {

        CheckpointedPatternParser(StaticContext env) {
            super(env);
        }

        @Override
        public Pattern parsePattern(String pattern, StaticContext env) throws XPathException {
            Pattern parsed = super.parsePattern(pattern, env);
            BudgetInjector.inside(parsed);
            return parsed;
        }
    }
}

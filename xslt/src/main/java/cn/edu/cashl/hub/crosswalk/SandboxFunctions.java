package cn.edu.cashl.hub.crosswalk;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.saxon.expr.Expression;
import net.sf.saxon.expr.StaticContext;
import net.sf.saxon.functions.FunctionLibrary;
import net.sf.saxon.functions.FunctionLibraryList;
import net.sf.saxon.functions.registry.BuiltInFunctionSet;
import net.sf.saxon.functions.registry.UseWhen30FunctionSet;
import net.sf.saxon.om.FunctionItem;
import net.sf.saxon.om.NamespaceUri;
import net.sf.saxon.om.StructuredQName;
import net.sf.saxon.trans.SymbolicName;
import net.sf.saxon.trans.XPathException;

/**
 * The built-in functions a sandboxed stylesheet may not call, and the function sets that hide them.
 *
 * <p>Saxon finds every built-in function through the sets its {@link net.sf.saxon.Configuration}
 * hands out: when compiling the stylesheet, its static expressions ({@code use-when}, static
 * variables), {@code xsl:evaluate} and {@code function-lookup} at run time. {@link SandboxConfiguration}
 * hands out these filtered copies instead, so no route reaches a refused function. A direct call
 * fails to compile with the reason; {@code function-available} says false; {@code function-lookup}
 * returns the empty sequence, as for any function that does not exist.
 */
final class SandboxFunctions {

    private static final String FILES = "no file or network access";
    private static final String ENVIRONMENT = "the server's environment is private";

    /** In the fn: namespace, by local name (every arity). */
    private static final Map<String, String> FN = Map.ofEntries(
            Map.entry("doc", FILES),
            Map.entry("doc-available", FILES),
            Map.entry("document", FILES),
            Map.entry("unparsed-text", FILES),
            Map.entry("unparsed-text-lines", FILES),
            Map.entry("unparsed-text-available", FILES),
            Map.entry("collection", FILES),
            Map.entry("uri-collection", FILES),
            Map.entry("json-doc", FILES),
            // Both compile and run code found at a URI.
            Map.entry("transform", FILES),
            Map.entry("load-xquery-module", FILES),
            // The hub's environment holds its database passwords.
            Map.entry("environment-variable", ENVIRONMENT),
            Map.entry("available-environment-variables", ENVIRONMENT));

    /** In the saxon: namespace: the one Saxon-HE extension that reads a resource. */
    private static final Map<String, String> SAXON = Map.of("doc", FILES);

    private static final Map<BuiltInFunctionSet, BuiltInFunctionSet> FILTERED = new ConcurrentHashMap<>();
    private static final UseWhen30FunctionSet USE_WHEN = new FilteredUseWhen();

    private SandboxFunctions() {}

    /** The sandbox's copy of a standard function set (fn: or saxon:); others are returned as they are. */
    static BuiltInFunctionSet filter(BuiltInFunctionSet standard) {
        Map<String, String> refused = refusedIn(standard.getNamespace());
        if (refused.isEmpty()) {
            return standard;
        }
        return FILTERED.computeIfAbsent(standard, s -> new Filtered(s, refused));
    }

    /** The functions available to static expressions (use-when, static variables), filtered. */
    static UseWhen30FunctionSet useWhen() {
        return USE_WHEN;
    }

    /** Saxon's list of extension function sets, with its vendor set (saxon:) filtered. */
    static FunctionLibraryList filter(FunctionLibraryList standard) {
        FunctionLibraryList filtered = new FunctionLibraryList();
        for (FunctionLibrary library : standard.getLibraryList()) {
            filtered.addFunctionLibrary(library instanceof BuiltInFunctionSet set ? filter(set) : library);
        }
        return filtered;
    }

    /** Why a stylesheet may not call this function, as shown to the admin; null when it may. */
    static String refusal(StructuredQName name) {
        String why = refusedIn(name.getNamespaceUri()).get(name.getLocalPart());
        if (why == null) {
            return null;
        }
        String shown = name.hasURI(NamespaceUri.FN) ? name.getLocalPart() : "saxon:" + name.getLocalPart();
        return shown + "() is not allowed in the hub's stylesheets: " + why;
    }

    private static Map<String, String> refusedIn(NamespaceUri namespace) {
        if (namespace.equals(NamespaceUri.FN)) {
            return FN;
        }
        return namespace.equals(NamespaceUri.SAXON) ? SAXON : Map.of();
    }

    /**
     * Refuses a call by name. A static error (XPST0017, "no such function"), so that Saxon reports it
     * at the calling line while compiling, and function-lookup treats it as a missing function.
     */
    private static void refuse(SymbolicName.F function) throws XPathException {
        String refusal = refusal(function.getComponentName());
        if (refusal != null) {
            throw new XPathException(refusal).withErrorCode("XPST0017").asStaticError();
        }
    }

    /** A copy of a standard function set without the refused functions. */
    private static final class Filtered extends BuiltInFunctionSet {

        private final NamespaceUri namespace;
        private final String prefix;
        private final Map<String, String> refused;

        Filtered(BuiltInFunctionSet standard, Map<String, String> refused) {
            this.namespace = standard.getNamespace();
            this.prefix = standard.getConventionalPrefix();
            this.refused = refused;
            importFunctionSet(standard);
        }

        @Override
        public NamespaceUri getNamespace() {
            return namespace;
        }

        @Override
        public String getConventionalPrefix() {
            return prefix;
        }

        @Override
        public Entry getFunctionDetails(String name, int arity) {
            return refused.containsKey(name) ? null : super.getFunctionDetails(name, arity);
        }

        @Override
        public Expression bind(
                SymbolicName.F function,
                Expression[] arguments,
                Map<StructuredQName, Integer> keywords,
                StaticContext env,
                List<String> reasons)
                throws XPathException {
            refuse(function);
            return super.bind(function, arguments, keywords, env, reasons);
        }

        @Override
        public FunctionItem getFunctionItem(SymbolicName.F function, StaticContext env) throws XPathException {
            refuse(function);
            return super.getFunctionItem(function, env);
        }
    }

    /** Saxon's set for static expressions, which imports the XPath functions itself: same filter. */
    private static final class FilteredUseWhen extends UseWhen30FunctionSet {

        FilteredUseWhen() {
            super(31);
        }

        @Override
        public Entry getFunctionDetails(String name, int arity) {
            return FN.containsKey(name) ? null : super.getFunctionDetails(name, arity);
        }

        @Override
        public Expression bind(
                SymbolicName.F function,
                Expression[] arguments,
                Map<StructuredQName, Integer> keywords,
                StaticContext env,
                List<String> reasons)
                throws XPathException {
            refuse(function);
            return super.bind(function, arguments, keywords, env, reasons);
        }

        @Override
        public FunctionItem getFunctionItem(SymbolicName.F function, StaticContext env) throws XPathException {
            refuse(function);
            return super.getFunctionItem(function, env);
        }
    }
}

package cn.edu.cashl.hub.crosswalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sandbox for admins' stylesheets: what it refuses (at compile time, at the right line), what it
 * stops (runaway stylesheets, with the limit in the message), and what it leaves alone (the packaged
 * crosswalks give byte for byte the output of the plain engine).
 */
class SandboxTest {

    /** Short, so that the runaway tests take half a second each. */
    private static final Sandbox SANDBOX = new Sandbox(Duration.ofMillis(500));

    private static final String LIMIT = "exceeded the limit of 500 ms per record";

    /** The body starts on line 2. */
    private static String stylesheet(String body) {
        return "<xsl:stylesheet version=\"3.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\""
                + " xmlns:fn=\"http://www.w3.org/2005/xpath-functions\" xmlns:f=\"https://ns.cashl.edu.cn/xslt/functions\" xmlns:t=\"urn:t\""
                + " exclude-result-prefixes=\"#all\">\n" + body + "\n</xsl:stylesheet>\n";
    }

    /** A template for "/" whose content is on line 3. */
    private static String onLine3(String content) {
        return stylesheet("<xsl:template match=\"/\">\n<out>" + content + "</out>\n</xsl:template>");
    }

    private static Crosswalk compile(String stylesheet) throws CrosswalkCompileException {
        return SANDBOX.compile("test", 2, stylesheet);
    }

    // ------------------------------------------------------------------------------ refused

    static Stream<Arguments> refusedAtCompileTime() {
        String files = "is not allowed in the hub's stylesheets: no file or network access";
        return Stream.of(
                Arguments.of(
                        onLine3("<xsl:value-of select=\"unparsed-text('/etc/passwd')\"/>"), "unparsed-text() " + files),
                Arguments.of(
                        onLine3("<xsl:value-of select=\"unparsed-text('file:///etc/passwd')\"/>"),
                        "unparsed-text() " + files),
                Arguments.of(
                        onLine3("<xsl:value-of select=\"unparsed-text-lines('file:///etc/passwd')\"/>"),
                        "unparsed-text-lines() " + files),
                Arguments.of(
                        onLine3("<xsl:value-of select=\"unparsed-text-available('file:///etc/passwd')\"/>"),
                        "unparsed-text-available() " + files),
                Arguments.of(
                        onLine3("<xsl:copy-of select=\"document('file:///etc/passwd')\"/>"), "document() " + files),
                Arguments.of(onLine3("<xsl:copy-of select=\"doc('file:///etc/hosts')\"/>"), "doc() " + files),
                Arguments.of(
                        onLine3("<xsl:value-of select=\"doc-available('http://example.org/')\"/>"),
                        "doc-available() " + files),
                Arguments.of(onLine3("<xsl:value-of select=\"count(collection())\"/>"), "collection() " + files),
                Arguments.of(
                        onLine3("<xsl:value-of select=\"uri-collection('file:///etc/')\"/>"),
                        "uri-collection() " + files),
                Arguments.of(
                        onLine3("<xsl:value-of select=\"json-doc('file:///etc/x.json')\"/>"), "json-doc() " + files),
                Arguments.of(
                        onLine3("<xsl:copy-of select=\"transform(map{'stylesheet-location': 'file:///tmp/x.xsl'})\"/>"),
                        "transform() " + files),
                Arguments.of(
                        onLine3("<xsl:value-of select=\"load-xquery-module('urn:x')\"/>"),
                        "load-xquery-module() " + files),
                Arguments.of(
                        onLine3("<xsl:value-of select=\"environment-variable('PATH')\"/>"),
                        "environment-variable() is not allowed in the hub's stylesheets: the server's environment is private"),
                Arguments.of(
                        onLine3("<xsl:value-of select=\"available-environment-variables()\"/>"),
                        "available-environment-variables() is not allowed"),
                Arguments.of(
                        onLine3("<xsl:value-of select=\"unparsed-text#1('file:///etc/passwd')\"/>"),
                        "unparsed-text() " + files),
                Arguments.of(
                        onLine3("<xsl:copy-of select=\"Q{http://saxon.sf.net/}doc('file:///etc/hosts', map{})\"/>"),
                        "saxon:doc() " + files),
                // Static expressions run while compiling: filtered too.
                Arguments.of(
                        stylesheet(
                                "<!-- -->\n<xsl:variable name=\"v\" static=\"yes\" select=\"unparsed-text('file:///etc/passwd')\"/>"),
                        "unparsed-text() " + files),
                Arguments.of(
                        stylesheet(
                                "<!-- -->\n<xsl:template match=\"/\" use-when=\"environment-variable('HOME') = '/root'\"><out/></xsl:template>"),
                        "environment-variable() is not allowed"),
                Arguments.of(
                        onLine3("<xsl:result-document href=\"/tmp/x\"><x/></xsl:result-document>"),
                        "xsl:result-document is not allowed"),
                Arguments.of(
                        onLine3(
                                "<xsl:source-document href=\"file:///etc/hosts\"><xsl:copy-of select=\".\"/></xsl:source-document>"),
                        "xsl:source-document " + files),
                Arguments.of(
                        stylesheet(
                                "<!-- -->\n<xsl:import-schema namespace=\"urn:x\" schema-location=\"http://example.org/x.xsd\"/>"),
                        "xsl:import-schema " + files),
                Arguments.of(stylesheet("<!-- -->\n<xsl:use-package name=\"urn:x\"/>"), "xsl:use-package " + files),
                Arguments.of(
                        stylesheet("<!-- -->\n<xsl:include href=\"/etc/passwd\"/>"),
                        "xsl:include of /etc/passwd is not allowed"),
                Arguments.of(
                        stylesheet("<!-- -->\n<xsl:include href=\"file:///etc/passwd\"/>"),
                        "xsl:include of file:///etc/passwd is not allowed"),
                Arguments.of(
                        stylesheet("<!-- -->\n<xsl:import href=\"../../../etc/passwd\"/>"),
                        "xsl:import of ../../../etc/passwd is not allowed"),
                Arguments.of(
                        stylesheet("<!-- -->\n<xsl:import href=\"lib/../../other.xsl\"/>"),
                        "xsl:import of lib/../../other.xsl is not allowed"),
                Arguments.of(onLine3("<xsl:value-of select=\"Q{java:System}exit(1)\"/>"), "Q{java:System}exit()"),
                Arguments.of(
                        onLine3("<x xsl:extension-element-prefixes=\"t\"><t:run/></x>"),
                        "extension instructions are not allowed"),
                Arguments.of(
                        onLine3("<xsl:merge><xsl:merge-source for-each-source=\"'file:///etc/hosts'\" select=\"*\">"
                                + "<xsl:merge-key select=\".\"/></xsl:merge-source><xsl:merge-action/></xsl:merge>"),
                        "for-each-source " + files));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void refusedAtCompileTime(String stylesheet, String message) {
        CrosswalkCompileException e = assertThrows(CrosswalkCompileException.class, () -> compile(stylesheet));
        CompileError first = e.problems().get(0);
        assertTrue(first.message().contains(message), first.toString());
        assertEquals(3, first.line(), first.toString());
        assertTrue(e.errors().get(0).startsWith("line 3"), e.errors().toString());
        assertFalse(e.getMessage().contains("root:"), "never a line of /etc/passwd");
    }

    @Test
    void aDoctypeInTheStylesheetIsRefused() {
        String xxe = "<!DOCTYPE xsl:stylesheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + onLine3("<xsl:value-of select=\"'&x;'\"/>");
        CrosswalkCompileException e = assertThrows(CrosswalkCompileException.class, () -> compile(xxe));
        assertTrue(e.problems().get(0).message().contains("DOCTYPE is not allowed"), e.getMessage());
        assertEquals(1, e.problems().get(0).line());
        assertFalse(e.getMessage().contains("root:"));
    }

    @Test
    void syntaxErrorsComeWithTheirLineToo() {
        CrosswalkCompileException e = assertThrows(
                CrosswalkCompileException.class, () -> compile(onLine3("<xsl:value-of select=\"concat(\"/>")));
        assertEquals(3, e.problems().get(0).line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("crosswalk test does not compile"), e.getMessage());
    }

    @Test
    void theEngineGivesProblemsWithTheirLineAsWell() {
        StreamSource broken =
                new StreamSource(new StringReader(onLine3("<xsl:value-of select=\"concat(\"/>")), "memory:broken.xsl");
        CrosswalkCompileException e =
                assertThrows(CrosswalkCompileException.class, () -> new CrosswalkEngine().compile("broken", 1, broken));
        assertEquals(3, e.problems().get(0).line(), e.getMessage());
        assertTrue(e.problems().get(0).column() > 0);
        assertEquals(e.problems().get(0).describe(), e.errors().get(0));
    }

    // ------------------------------------------------------------------- refused at run time

    @Test
    void functionLookupFindsNoRefusedFunction() throws Exception {
        Crosswalk lookup = compile(
                onLine3("<xsl:variable name=\"read\" select=\"function-lookup(xs:QName('fn:unparsed-text'), 1)\"/>"
                        + "<xsl:value-of select=\"if (exists($read)) then $read('file:///etc/passwd') else 'absent'\"/>"
                        + "|<xsl:value-of select=\"exists(function-lookup(xs:QName('fn:environment-variable'), 1)), function-available('unparsed-text'),"
                        + " function-available('doc', 1), exists(function-lookup(xs:QName('fn:upper-case'), 1))\"/>"));
        assertEquals("<out>absent|false false false true</out>", lookup.transform("<r/>", Map.of()));
    }

    @Test
    void xslEvaluateCannotReachRefusedFunctions() throws Exception {
        Crosswalk evaluating = compile(onLine3("<xsl:evaluate xpath=\"'unparsed-text(''file:///etc/passwd'')'\"/>"));
        CrosswalkException e = assertThrows(CrosswalkException.class, () -> evaluating.transform("<r/>", Map.of()));
        assertTrue(e.getMessage().contains("unparsed-text() is not allowed in the hub's stylesheets"), e.getMessage());
        assertFalse(e.getMessage().contains("root:"));

        Crosswalk byLookup =
                compile(onLine3("<xsl:evaluate xpath=\"'exists(function-lookup(xs:QName(''fn:doc''), 1))'\"/>"));
        assertEquals("<out>false</out>", byLookup.transform("<r/>", Map.of()));
    }

    @Test
    void parseXmlResolvesNoEntity() throws Exception {
        Crosswalk parsing = compile(
                onLine3(
                        "<xsl:copy-of select=\"parse-xml('&lt;!DOCTYPE r [&lt;!ENTITY x SYSTEM &quot;file:///etc/passwd&quot;&gt;]&gt;&lt;r&gt;&amp;x;&lt;/r&gt;')\"/>"));
        CrosswalkException e = assertThrows(CrosswalkException.class, () -> parsing.transform("<r/>", Map.of()));
        assertFalse(e.getMessage().contains("root:"));
        assertEquals(
                "<out><a>1</a></out>",
                compile(onLine3("<xsl:copy-of select=\"parse-xml('&lt;a&gt;1&lt;/a&gt;')\"/>"))
                        .transform("<r/>", Map.of()));
    }

    /** Behind the compile-time refusals: the sandbox's Saxon configuration itself reads and writes nothing. */
    @Test
    void theConfigurationRefusesReadsAndWritesEvenWithoutTheScreen() throws Exception {
        Processor processor = new Processor(new SandboxConfiguration());
        XsltCompiler compiler = processor.newXsltCompiler();
        CompileErrors errors = new CompileErrors("cashl-hub:/xslt/t.xsl");
        compiler.setErrorReporter(errors);
        // Saxon itself refuses xsl:result-document with an href once extension functions are off.
        SaxonApiException writing = assertThrows(
                SaxonApiException.class,
                () -> compiler.compile(new StreamSource(
                        new StringReader(
                                onLine3(
                                        "<xsl:result-document href=\"/tmp/cashl-sandbox-test.xml\"><x/></xsl:result-document>")),
                        "cashl-hub:/xslt/t.xsl")));
        CompileError refused = errors.failure("t", writing).problems().get(0);
        assertEquals(3, refused.line());
        assertTrue(refused.message().contains("xsl:result-document is disabled"), refused.message());

        Xslt30Transformer reading = compiler.compile(new StreamSource(
                        new StringReader(
                                onLine3(
                                        "<xsl:source-document href=\"file:///etc/hosts\"><xsl:copy-of select=\".\"/></xsl:source-document>")),
                        "cashl-hub:/xslt/t.xsl"))
                .load30();
        reading.setErrorReporter(error -> {});
        SaxonApiException e = assertThrows(
                SaxonApiException.class,
                () -> reading.transform(
                        new StreamSource(new StringReader("<r/>")), processor.newSerializer(new StringWriter())));
        // Saxon's scheme filter (no scheme allowed) answers first; the refusing resolvers stand behind it.
        assertTrue(e.getMessage().contains("file:///etc/hosts has been prohibited"), e.getMessage());
        assertFalse(Files.exists(Path.of("/tmp/cashl-sandbox-test.xml")));
    }

    // ------------------------------------------------------------------------------ stopped

    static Stream<Arguments> runaways() {
        return Stream.of(
                Arguments.of("endless tail recursion in a function", stylesheet("""
                        <xsl:function name="t:loop" as="xs:integer">
                          <xsl:param name="n" as="xs:integer"/>
                          <xsl:sequence select="t:loop($n + 1)"/>
                        </xsl:function>
                        <xsl:template match="/"><out><xsl:value-of select="t:loop(0)"/></out></xsl:template>""")),
                Arguments.of("endless tail recursion in a template", stylesheet("""
                        <xsl:template name="loop">
                          <xsl:param name="n" select="0"/>
                          <xsl:call-template name="loop"><xsl:with-param name="n" select="$n + 1"/></xsl:call-template>
                        </xsl:template>
                        <xsl:template match="/"><out><xsl:call-template name="loop"/></out></xsl:template>""")),
                Arguments.of(
                        "a long predicate",
                        onLine3("<xsl:value-of select=\"count((1 to 2000000000)[. mod 7 = 0])\"/>")),
                Arguments.of(
                        "a long sum, no loop of its own", onLine3("<xsl:value-of select=\"sum(1 to 2000000000)\"/>")),
                Arguments.of(
                        "fold-left",
                        onLine3(
                                "<xsl:value-of select=\"fold-left(1 to 2000000000, 0, function($a, $b) { $a + $b })\"/>")),
                Arguments.of(
                        "xsl:iterate",
                        onLine3(
                                "<xsl:iterate select=\"1 to 2000000000\"><xsl:param name=\"s\" select=\"0\"/>"
                                        + "<xsl:on-completion><xsl:value-of select=\"$s\"/></xsl:on-completion>"
                                        + "<xsl:next-iteration><xsl:with-param name=\"s\" select=\"$s + .\"/></xsl:next-iteration></xsl:iterate>")),
                Arguments.of(
                        "xsl:evaluate", onLine3("<xsl:evaluate xpath=\"'count((1 to 2000000000)[. mod 7 = 0])'\"/>")),
                Arguments.of(
                        "a stylesheet catching its limit",
                        onLine3("<xsl:try><xsl:value-of select=\"count((1 to 2000000000)[. mod 7 = 0])\"/>"
                                + "<xsl:catch errors=\"*\">caught</xsl:catch></xsl:try>")),
                Arguments.of("a key", stylesheet("""
                        <xsl:key name="k" match="*" use="count((1 to 2000000000)[. mod 7 = 0])"/>
                        <xsl:template match="/"><out><xsl:value-of select="count(key('k', 1))"/></out></xsl:template>""")),
                Arguments.of(
                        "apply-templates to itself",
                        stylesheet("<xsl:template match=\"/\"><xsl:apply-templates select=\".\"/></xsl:template>")),
                Arguments.of(
                        "nested loops over the record",
                        onLine3("<xsl:value-of select=\"count(for $a in //*, $b in //*, $c in //* return 1)\"/>")),
                Arguments.of(
                        "nested maps over the record",
                        onLine3("<xsl:value-of select=\"count((//*) ! (//*) ! (//*))\"/>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void runaways(String name, String stylesheet) throws Exception {
        Crosswalk runaway = compile(stylesheet);
        String record = "<r>" + "<a><b/><b/></a>".repeat(400) + "</r>";
        CrosswalkException e = assertThrows(CrosswalkException.class, () -> runaway.transform(record, Map.of()));
        assertEquals("test@2 " + LIMIT, e.getMessage());
    }

    /** As the brief had it: beyond Saxon's longest sequence, refused at once, by Saxon. */
    @Test
    void aRangeBeyondSaxonsLimitFailsAtOnce() throws Exception {
        Crosswalk runaway = compile(onLine3("<xsl:value-of select=\"count((1 to 10000000000)[. mod 7 = 0])\"/>"));
        CrosswalkException e = assertThrows(CrosswalkException.class, () -> runaway.transform("<r/>", Map.of()));
        assertTrue(e.getMessage().contains("Maximum length of sequence"), e.getMessage());
    }

    @Test
    void noJavaClassIsLoadedByName() throws Exception {
        Crosswalk collating = compile(onLine3(
                "<xsl:value-of select=\"compare('a', 'b', " + "'http://saxon.sf.net/collation?class=Thread')\"/>"));
        CrosswalkException e = assertThrows(CrosswalkException.class, () -> collating.transform("<r/>", Map.of()));
        assertTrue(e.getMessage().contains("loading the Java class Thread is not allowed"), e.getMessage());

        // An output method named by a class: Saxon-HE refuses it itself (the sandbox would too, at run time).
        assertThrows(
                CrosswalkCompileException.class,
                () -> compile(
                        stylesheet(
                                "<xsl:output xmlns:j=\"urn:x\" method=\"j:Thread\"/>\n<xsl:template match=\"/\"><out/></xsl:template>")));
    }

    /** One regex operation has no checkpoint inside; Saxon's bound on backtracking cuts it short. */
    @Test
    void aCatastrophicRegexIsCutShortAndTheJdkEngineIsRefused() throws Exception {
        // The backtracking limit is under test, not the clock: with the 500 ms budget a busy machine
        // (a parallel build) let the time limit fire first. Ten seconds, as for the parity test below.
        Crosswalk backtracking = new Sandbox(Duration.ofSeconds(10))
                .compile(
                        "test",
                        2,
                        onLine3("<xsl:value-of select=\"matches(string-join((1 to 40) ! 'a') || '!', '^(a+)+$')\"/>"));
        CrosswalkException e = assertThrows(CrosswalkException.class, () -> backtracking.transform("<r/>", Map.of()));
        assertTrue(e.getMessage().contains("backtracking limit"), e.getMessage());

        for (String flags : List.of(";j", "!")) {
            Crosswalk jdk = compile(onLine3("<xsl:value-of select=\"matches(/r, '^(a+)+$', '" + flags + "')\"/>"));
            CrosswalkException refused =
                    assertThrows(CrosswalkException.class, () -> jdk.transform("<r>aaaa</r>", Map.of()));
            assertTrue(refused.getMessage().contains("are not allowed in the hub's stylesheets"), refused.getMessage());
        }
    }

    @Test
    void endlessRecursionFailsCleanlyAndTheThreadPoolGoesOn() throws Exception {
        Crosswalk deep = compile(stylesheet("""
                <xsl:function name="t:deep" as="xs:integer">
                  <xsl:param name="n" as="xs:integer"/>
                  <xsl:sequence select="1 + t:deep($n + 1)"/>
                </xsl:function>
                <xsl:template match="/"><out><xsl:value-of select="t:deep(0)"/></out></xsl:template>"""));
        Crosswalk inline = compile(
                onLine3(
                        "<xsl:variable name=\"f\" select=\"function($f, $n) { 1 + $f($f, $n + 1) }\"/><xsl:value-of select=\"$f($f, 0)\"/>"));
        Crosswalk template = compile(stylesheet("""
                <xsl:template name="deep"><x><xsl:call-template name="deep"/></x></xsl:template>
                <xsl:template match="/"><out><xsl:call-template name="deep"/></out></xsl:template>"""));
        Crosswalk fine = compile(onLine3("<xsl:value-of select=\"/r/@a\"/>"));
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            for (Crosswalk runaway : List.of(deep, inline, template)) {
                ExecutionException failed = assertThrows(
                        ExecutionException.class,
                        () -> pool.submit(() -> runaway.transform("<r/>", Map.of()))
                                .get());
                assertTrue(failed.getCause() instanceof CrosswalkException, String.valueOf(failed.getCause()));
                assertTrue(
                        failed.getCause().getMessage().startsWith("test@2 "),
                        failed.getCause().getMessage());
            }
            assertEquals(
                    "<out>ok</out>",
                    pool.submit(() -> fine.transform("<r a=\"ok\"/>", Map.of())).get());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each transformation has its own budget: a runaway on one thread stops nobody else. */
    @Test
    void budgetsArePerTransformation() throws Exception {
        Crosswalk runaway = compile(onLine3("<xsl:value-of select=\"sum(1 to 2000000000)\"/>"));
        Crosswalk echo = compile(onLine3("<xsl:value-of select=\"/r\"/>"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                results.add(pool.submit(() -> runawayAt(n)
                        ? runaway.transform("<r/>", Map.of())
                        : echo.transform("<r>" + n + "</r>", Map.of())));
            }
            for (int i = 0; i < 200; i++) {
                if (runawayAt(i)) {
                    ExecutionException e = assertThrows(ExecutionException.class, results.get(i)::get);
                    assertEquals("test@2 " + LIMIT, e.getCause().getMessage());
                } else {
                    assertEquals("<out>" + i + "</out>", results.get(i).get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean runawayAt(int i) {
        return i % 50 == 0;
    }

    @Test
    void compilingIsBoundedToo() {
        Sandbox quick = new Sandbox(Duration.ofMillis(500), Duration.ofMillis(500));
        CrosswalkCompileException e = assertThrows(
                CrosswalkCompileException.class,
                () -> quick.compile(
                        "static",
                        1,
                        stylesheet(
                                "<!-- -->\n<xsl:variable name=\"v\" static=\"yes\" select=\"count((1 to 2000000000)[. mod 7 = 0])\"/>")));
        assertTrue(e.getMessage().contains("exceeded the time limit of 500 ms"), e.getMessage());
    }

    // ---------------------------------------------------------------------------- left alone

    @Test
    void anOrdinaryStylesheetWorks() throws Exception {
        Crosswalk ordinary = compile(stylesheet("""
                <xsl:import href="lib/functions.xsl"/>
                <xsl:param name="source" select="''"/>
                <xsl:template match="/">
                  <out source="{$source}" year="{f:year(/r/date)}">
                    <xsl:for-each select="/r/item"><xsl:sort select="." order="descending"/><i><xsl:value-of select="upper-case(.)"/></i></xsl:for-each>
                    <xsl:value-of select="sum(1 to 100), string-join(tokenize('a b c') ! upper-case(.), '-')"/>
                  </out>
                </xsl:template>"""));
        assertEquals(
                "<out source=\"pku\" year=\"1999\"><i>B</i><i>A</i>5050 A-B-C</out>",
                ordinary.transform(
                        "<r><date>c1999.</date><item>a</item><item>b</item></r>", Map.of("source", "pku"), true));
        assertEquals("test", ordinary.id());
        assertEquals(2, ordinary.version());
        assertEquals(Duration.ofMillis(500), SANDBOX.perRecord());
    }

    @Test
    void deepButFiniteTailRecursionStillWorks() throws Exception {
        Crosswalk counting = compile(stylesheet("""
                <xsl:function name="t:count" as="xs:integer">
                  <xsl:param name="n" as="xs:integer"/>
                  <xsl:param name="acc" as="xs:integer"/>
                  <xsl:sequence select="if ($n eq 0) then $acc else t:count($n - 1, $acc + 1)"/>
                </xsl:function>
                <xsl:template match="/"><out><xsl:value-of select="t:count(100000, 0)"/></out></xsl:template>"""));
        assertEquals("<out>100000</out>", counting.transform("<r/>", Map.of()));
    }

    @Test
    void aPublishedVersionIsInstalled() throws Exception {
        Crosswalks crosswalks = Crosswalks.packaged(new CrosswalkEngine());
        Crosswalk packaged = crosswalks.get("cashl-to-oai_dc");
        Crosswalk edited = SANDBOX.compile("cashl-to-oai_dc", 2, packagedText("cashl-to-oai_dc"));
        assertSame(packaged, crosswalks.install(edited));
        assertSame(edited, crosswalks.get("cashl-to-oai_dc"));
        assertNull(crosswalks.install(SANDBOX.compile("new-one", 1, onLine3("x"))));
    }

    /** Every packaged crosswalk, compiled in the sandbox, gives byte for byte what the plain engine gives. */
    @Test
    void packagedStylesheetsGiveIdenticalOutputInTheSandbox() throws Exception {
        Crosswalks plain = Crosswalks.packaged(new CrosswalkEngine());
        Sandbox sandbox = new Sandbox(Duration.ofSeconds(10)); // parity, not speed: a slow CI machine must not matter
        int samples = 0;
        for (String id : Crosswalks.allIds()) {
            Crosswalk sandboxed = sandbox.compile(id, 1, packagedText(id));
            List<Path> inputs;
            try (Stream<Path> files = Files.list(Path.of("samples", id))) {
                inputs = files.filter(f ->
                                f.toString().endsWith(".xml") && !f.toString().endsWith(".expected.xml"))
                        .sorted()
                        .toList();
            }
            for (Path input : inputs) {
                String xml = Files.readString(input);
                Map<String, String> params = CrosswalkSamplesTest.params(input);
                assertEquals(plain.get(id).transform(xml, params), sandboxed.transform(xml, params), input.toString());
                assertEquals(
                        plain.get(id).transform(xml, params, true),
                        sandboxed.transform(xml, params, true),
                        input.toString());
                samples++;
            }
        }
        assertTrue(samples >= 30, "only " + samples + " samples");
    }

    static String packagedText(String id) throws IOException {
        try (InputStream in = SandboxTest.class.getResourceAsStream("/xslt/" + id + ".xsl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

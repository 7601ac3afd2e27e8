package cn.edu.cashl.hub.crosswalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;

class CrosswalksTest {

    private static StreamSource stylesheet(String body) {
        StreamSource source = new StreamSource(
                new StringReader("<xsl:stylesheet version=\"3.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
                        + "<xsl:param name=\"n\" select=\"''\"/>\n" + body + "\n</xsl:stylesheet>"));
        source.setSystemId("memory:test.xsl");
        return source;
    }

    @Test
    void everyPackagedCrosswalkCompiles() {
        Crosswalks crosswalks = Crosswalks.packaged(new CrosswalkEngine());
        for (String id : Crosswalks.allIds()) {
            assertEquals(id + "@1", crosswalks.get(id).ref());
        }
    }

    @Test
    void compileErrorsComeWithTheirLine() {
        CrosswalkCompileException e = assertThrows(
                CrosswalkCompileException.class,
                () -> new CrosswalkEngine()
                        .compile(
                                "broken",
                                2,
                                stylesheet(
                                        "<xsl:template match=\"/\">\n<xsl:value-of select=\"concat(\"/>\n</xsl:template>")));
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
        assertTrue(e.getMessage().startsWith("crosswalk broken does not compile"), e.getMessage());
    }

    @Test
    void aVersionThatDoesNotCompileLeavesTheCurrentOneInService() throws Exception {
        Crosswalks crosswalks = Crosswalks.packaged(new CrosswalkEngine());
        Crosswalk current = crosswalks.get("marc21-to-cashl");
        assertThrows(
                CrosswalkCompileException.class,
                () -> crosswalks.replace(
                        "marc21-to-cashl", 2, stylesheet("<xsl:template match=\"/\"><oops</xsl:template>")));
        assertSame(current, crosswalks.get("marc21-to-cashl"));

        Crosswalk next =
                crosswalks.replace("marc21-to-cashl", 2, stylesheet("<xsl:template match=\"/\"><ok/></xsl:template>"));
        assertSame(next, crosswalks.get("marc21-to-cashl"));
        assertEquals("marc21-to-cashl@2", next.ref());
    }

    @Test
    void terminatingMessageIsTheReason() throws Exception {
        Crosswalk refusing = new CrosswalkEngine()
                .compile(
                        "refusing",
                        1,
                        stylesheet(
                                "<xsl:template match=\"/\"><xsl:message terminate=\"yes\">record has no title</xsl:message></xsl:template>"));
        CrosswalkException e = assertThrows(CrosswalkException.class, () -> refusing.transform("<r/>", Map.of()));
        assertEquals("refusing@1 rejected the record: record has no title", e.getMessage());
    }

    @Test
    void compactOutputDropsOnlyTheIndentation() throws Exception {
        Crosswalk copy = new CrosswalkEngine()
                .compile(
                        "indenting",
                        1,
                        stylesheet(
                                "<xsl:output indent=\"yes\"/><xsl:template match=\"/\"><a><b>x</b><c>y z</c></a></xsl:template>"));
        assertTrue(copy.transform("<r/>", Map.of()).contains("\n"), "as the stylesheet says");
        assertEquals("<a><b>x</b><c>y z</c></a>", copy.transform("<r/>", Map.of(), true));
    }

    /** 008/06-14 of the MARCXML crosswalk: the type of date and the dates, from the publication. */
    @Test
    void marcDatesOf008() throws Exception {
        Crosswalk marc = Crosswalks.packaged(new CrosswalkEngine()).get("cashl-to-marcxml");
        BiFunction<String, String, String> dates = (type, publication) -> {
            try {
                String out = marc.transform(
                        "<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"t:1\" type=\"" + type
                                + "\"><title><main>T</main></title><publication>" + publication
                                + "</publication></record>",
                        Map.of(),
                        true);
                int at = out.indexOf("tag=\"008\">") + "tag=\"008\">".length();
                return out.substring(at + 6, at + 15);
            } catch (CrosswalkException e) {
                throw new AssertionError(e);
            }
        };
        assertEquals("d19902005", dates.apply("journal", "<date>1990-2005</date>"));
        assertEquals("m19902005", dates.apply("book", "<date>[1990 - 2005]</date>"));
        assertEquals("c19909999", dates.apply("journal", "<date>1990-</date>"));
        assertEquals("s1998    ", dates.apply("book", "<year>1998</year><date>c1998</date>"));
        assertEquals("nuuuuuuuu", dates.apply("book", "<place>Paris</place>"));
    }

    @Test
    void inputWithADoctypeIsRefused() throws Exception {
        Crosswalk copy = new CrosswalkEngine()
                .compile("copy", 1, stylesheet("<xsl:template match=\"/\"><xsl:copy-of select=\".\"/></xsl:template>"));
        String xxe = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        assertThrows(CrosswalkException.class, () -> copy.transform(xxe, Map.of()));
    }

    @Test
    void oneCompiledCrosswalkServesManyThreadsWithTheirOwnParameters() throws Exception {
        Crosswalk echo = new CrosswalkEngine()
                .compile(
                        "echo",
                        1,
                        stylesheet("<xsl:template match=\"/\"><n><xsl:value-of select=\"$n\"/></n></xsl:template>"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String n = String.valueOf(i);
                results.add(pool.submit(() -> echo.transform("<r/>", Map.of("n", n))));
            }
            for (int i = 0; i < 400; i++) {
                assertEquals("<n>" + i + "</n>", results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package cn.edu.cashl.hub.discovery.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A record's citation as reference managers read it: RIS, BibTeX and CSL-JSON, each by its rules. */
class CitationFormatTest {

    private static final String URL = "https://hub.example/record/m-rural";

    private static final CashlRecord ARTICLE = read("m-rural", "article", """
            <identifiers><doi>10.1177/009770040102700201</doi></identifiers>
            <title><main>Rural markets &amp; the state</main><sub>China, 1850–1950 {revised}</sub></title>
            <contributor kind="person" role="aut"><name>Huang, Philip C. C.</name></contributor>
            <contributor kind="organisation" role="aut"><name>Center for Chinese Studies</name></contributor>
            <publication><year>2001</year></publication>
            <isPartOf><title>Modern China</title><issn>0097-7004</issn><eissn>1552-6836</eissn><volume>27</volume><issue>2</issue><pages>141–160</pages></isPartOf>
            <language>eng</language><subject>Markets</subject><subject>Peasants</subject>
            <discipline>hss</discipline>
            <description>Markets grew; the state
            followed. 100% of it.</description>""");

    private static final CashlRecord BOOK = read("pku:b12", "book", """
            <identifiers><isbn>9787101003048</isbn></identifiers>
            <title><main>中国近代史</main></title>
            <contributor kind="person" role="aut"><name>蒋廷黻</name></contributor>
            <contributor kind="person" role="edt"><name>Smith, Anne</name></contributor>
            <publication><place>北京</place><publisher>中华书局</publisher><year>1998</year></publication>
            <edition>2nd ed.</edition><language>chi</language><discipline>hss</discipline>""");

    @Test
    void risHasTwoLetterTagsOneValuePerLineAndEndsTheRecord() {
        String ris = CitationFormat.RIS.write("m-rural", ARTICLE, URL);
        assertTrue(ris.startsWith("TY  - JOUR\r\n"), ris);
        assertTrue(ris.endsWith("ER  - \r\n"), ris);
        assertTrue(ris.contains("TI  - Rural markets & the state : China, 1850–1950 {revised}\r\n"), ris);
        assertTrue(ris.contains("AU  - Huang, Philip C. C.\r\nAU  - Center for Chinese Studies\r\n"), ris);
        assertTrue(ris.contains("T2  - Modern China\r\nVL  - 27\r\nIS  - 2\r\nSP  - 141\r\nEP  - 160\r\n"), ris);
        assertTrue(ris.contains("SN  - 0097-7004\r\nSN  - 1552-6836\r\n"), ris);
        assertTrue(ris.contains("DO  - 10.1177/009770040102700201\r\n"), ris);
        assertTrue(ris.contains("AB  - Markets grew; the state followed. 100% of it.\r\n"), "one line: " + ris);
        assertTrue(ris.contains("KW  - Markets\r\nKW  - Peasants\r\n"), ris);
        assertTrue(ris.contains("UR  - " + URL + "\r\n"), ris);
        for (String line : ris.split("\r\n")) {
            assertTrue(line.matches("[A-Z][A-Z0-9]  - .*"), line);
        }
        String book = CitationFormat.RIS.write("pku:b12", BOOK, URL);
        assertTrue(book.startsWith("TY  - BOOK\r\n"), book);
        assertTrue(book.contains("ED  - Smith, Anne\r\n"), book);
        assertTrue(book.contains("PB  - 中华书局\r\nCY  - 北京\r\nET  - 2nd ed.\r\nSN  - 9787101003048\r\n"), book);
    }

    @Test
    void bibtexEscapesWhatTexReadsAndKeepsOrganisationsWhole() {
        String bib = CitationFormat.BIBTEX.write("m-rural", ARTICLE, URL);
        assertTrue(bib.startsWith("@article{m-rural,\n"), bib);
        assertTrue(bib.contains("  title = {Rural markets \\& the state : China, 1850–1950 \\{revised\\}},\n"), bib);
        assertTrue(bib.contains("  author = {Huang, Philip C. C. and {Center for Chinese Studies}},\n"), bib);
        assertTrue(
                bib.contains("  journal = {Modern China},\n  volume = {27},\n  number = {2},\n  pages = {141--160},\n"),
                bib);
        assertTrue(bib.contains("  abstract = {Markets grew; the state followed. 100\\% of it.},\n"), bib);
        assertTrue(bib.contains("  url = {" + URL + "}\n}"), bib);
        String book = CitationFormat.BIBTEX.write("pku:b12", BOOK, URL);
        assertTrue(book.startsWith("@book{pku_b12,\n"), "a key BibTeX accepts: " + book);
        assertTrue(book.contains("  editor = {Smith, Anne},\n"), book);
        assertTrue(book.contains("  publisher = {中华书局},\n  address = {北京},\n"), book);
        for (String entry : List.of(bib, book)) {
            String plain = entry.replace("\\{", "").replace("\\}", "");
            assertEquals(countOf(plain, '{'), countOf(plain, '}'), "balanced braces: " + entry);
        }
    }

    @Test
    void cslJsonIsAnArrayOfOneItemWithCslVariables() throws Exception {
        JsonNode items = new ObjectMapper().readTree(CitationFormat.CSL_JSON.write("m-rural", ARTICLE, URL));
        assertTrue(items.isArray());
        assertEquals(1, items.size());
        JsonNode item = items.get(0);
        assertEquals("article-journal", item.get("type").asText());
        assertEquals("m-rural", item.get("id").asText());
        assertEquals("Huang", item.get("author").get(0).get("family").asText());
        assertEquals("Philip C. C.", item.get("author").get(0).get("given").asText());
        assertEquals(
                "Center for Chinese Studies",
                item.get("author").get(1).get("literal").asText());
        assertEquals(2001, item.get("issued").get("date-parts").get(0).get(0).asInt());
        assertEquals("Modern China", item.get("container-title").asText());
        assertEquals("141–160", item.get("page").asText());
        assertEquals("10.1177/009770040102700201", item.get("DOI").asText());
        assertEquals(URL, item.get("URL").asText());
        JsonNode book = new ObjectMapper()
                .readTree(CitationFormat.CSL_JSON.write("pku:b12", BOOK, URL))
                .get(0);
        assertEquals("book", book.get("type").asText());
        assertEquals("蒋廷黻", book.get("author").get(0).get("literal").asText(), "a name without a comma is not split");
        assertEquals("Smith", book.get("editor").get(0).get("family").asText());
        assertEquals("中华书局", book.get("publisher").asText());
        assertFalse(book.has("DOI"));
    }

    @Test
    void formatsAreNamedAsTheRecordPageLinksThem() {
        assertEquals(CitationFormat.RIS, CitationFormat.of("RIS"));
        assertEquals(CitationFormat.CSL_JSON, CitationFormat.of("csl-json"));
        assertNull(CitationFormat.of("endnote"));
        assertEquals("pku_b12.bib", CitationFormat.BIBTEX.fileName("pku:b12"));
        assertEquals(
                List.of("ris", "bibtex", "csl-json"),
                List.of(CitationFormat.values()).stream()
                        .map(CitationFormat::param)
                        .toList());
    }

    private static long countOf(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    private static CashlRecord read(String id, String type, String body) {
        try {
            return CashlRecords.get()
                    .read("<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"" + id + "\" type=\"" + type
                            + "\" schemaVersion=\"1.2\">" + body + "</record>");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.edu.cashl.hub.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.sru.cql.CqlParser;
import cn.edu.cashl.hub.sru.query.CqlTranslator;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A reader's URL read as a search, said in CQL the SRU translation accepts, and written back unchanged. */
class ReaderQueryTest {

    @Test
    void anUrlReadsAsASearchWhateverItHolds() {
        ReaderQuery query = ReaderQuery.from(
                params(
                        "q",
                        "  Confucian  ",
                        "field",
                        "TITLE",
                        "holding",
                        "pku",
                        "holding",
                        "pku",
                        "holding",
                        "whu",
                        "type",
                        "book",
                        "sort",
                        "newest",
                        "page",
                        "3",
                        "size",
                        "50",
                        "library",
                        "fudan"),
                null);
        assertEquals("Confucian", query.text());
        assertEquals(SearchField.TITLE, query.field());
        assertEquals(List.of("pku", "whu"), query.filters().get(Facet.HOLDING), "a repeated value counts once");
        assertEquals(List.of("book"), query.filters().get(Facet.TYPE));
        assertEquals(SortOrder.NEWEST, query.sort());
        assertEquals(3, query.page());
        assertEquals(50, query.size());
        assertEquals(100, query.offset());
        assertEquals("fudan", query.library());

        ReaderQuery odd = ReaderQuery.from(
                params("q", "x", "field", "everything", "sort", "random", "page", "-4", "size", "1000"), "pku");
        assertEquals(SearchField.ALL, odd.field());
        assertEquals(SortOrder.RELEVANCE, odd.sort());
        assertEquals(1, odd.page());
        assertEquals(ReaderQuery.DEFAULT_SIZE, odd.size());
        assertEquals("pku", odd.library(), "the cookie's library when the URL names none");
        assertEquals(1, ReaderQuery.from(params("page", "many"), null).page());
        assertTrue(ReaderQuery.from(params("q", "   "), null).isEmpty());
        assertFalse(ReaderQuery.from(params("access", "openAccess"), null).isEmpty());
    }

    @Test
    void theSearchIsCqlTheSruEndpointTranslates() throws Exception {
        assertEquals(
                "cql.serverChoice all \"Chinese history\"",
                ReaderQuery.of("Chinese history").cql());
        assertEquals("cql.allRecords = 1", ReaderQuery.of("").cql());
        ReaderQuery narrowed = ReaderQuery.from(
                params("q", "empire", "field", "subject", "holding", "pku", "access", "openAccess"), null);
        assertEquals(
                "(dc.subject all \"empire\") and (bath.possessingInstitution = \"pku\") and (cashl.access = \"openAccess\")",
                narrowed.cql());
        assertEquals("bath.issn = \"0097-7004\"", field("isbn-issn", "0097-7004"));
        assertEquals("bath.issn = \"1552683X\"", field("isbn-issn", "1552683X"));
        assertEquals("bath.isbn = \"978-0-674-01770-8\"", field("isbn-issn", "978-0-674-01770-8"));
        assertEquals("cashl.doi = \"10.1177/0097700401027002\\*\"", field("doi", "10.1177/0097700401027002*"));
        // Quotes, backslashes and CQL's anchor are the reader's characters, never syntax; masks stay masks.
        String odd = ReaderQuery.of("\"war\" and peace\\ ^start hist* wom?n").cql();
        assertEquals("cql.serverChoice all \"\\\"war\\\" and peace\\\\ \\^start hist* wom?n\"", odd);
        for (String cql : List.of(
                odd,
                narrowed.cql(),
                field("isbn-issn", "0097-7004"),
                field("doi", "10.1/x"),
                ReaderQuery.from(params("year", "2001", "language", "chi", "type", "article"), null)
                        .cql())) {
            CqlTranslator.translate(CqlParser.parse(cql), id -> null);
        }
    }

    @Test
    void theUrlOfASearchReadsBackAsTheSameSearch() {
        ReaderQuery query = ReaderQuery.from(
                params(
                        "q",
                        "中国 & society",
                        "field",
                        "author",
                        "holding",
                        "pku",
                        "year",
                        "2001",
                        "sort",
                        "title",
                        "page",
                        "2",
                        "size",
                        "10",
                        "library",
                        "whu"),
                null);
        String url = query.queryString();
        assertEquals(
                "q=%E4%B8%AD%E5%9B%BD+%26+society&field=author&holding=pku&year=2001&sort=title&page=2&size=10&library=whu",
                url);
        assertEquals(query, ReaderQuery.from(parse(url), null));
        assertEquals("q=x", ReaderQuery.of("x").queryString(), "defaults are left out");
        ReaderQuery narrowed = query.with(Facet.TYPE, "book");
        assertEquals(1, narrowed.page(), "a new filter starts from the first page");
        assertTrue(narrowed.has(Facet.TYPE, "book"));
        assertFalse(narrowed.without(Facet.TYPE, "book").has(Facet.TYPE, "book"));
        assertNull(narrowed.without(Facet.TYPE, "book").filters().get(Facet.TYPE));
        assertEquals(7, query.toPage(7).page());
        assertEquals(SortOrder.OLDEST, query.sortedBy(SortOrder.OLDEST).sort());
    }

    private static String field(String field, String words) {
        return ReaderQuery.from(params("q", words, "field", field), null).cql();
    }

    private static Map<String, List<String>> params(String... pairs) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return params;
    }

    private static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.computeIfAbsent(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}

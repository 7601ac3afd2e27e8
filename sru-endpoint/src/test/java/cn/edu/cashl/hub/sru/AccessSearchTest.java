package cn.edu.cashl.hub.sru;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.catalog.solr.SolrCatalogStore;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import cn.edu.cashl.hub.crosswalk.CrosswalkEngine;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.merge.Books;
import cn.edu.cashl.hub.merge.UnionCatalog;
import cn.edu.cashl.hub.publish.RecordRenderer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access index {@code cashl.access} and holding libraries of electronic holdings, on embedded
 * Solr over a catalogue the union catalogue filled: search with every relation, facet counts that
 * their drill-down queries reproduce, scan, and explain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessSearchTest {

    private static final String BASE = "http://127.0.0.1/sru";

    @TempDir
    static Path dir;

    private SolrCatalogStore store;
    private SruEndpoint endpoint;

    @BeforeAll
    void fill() {
        store = SolrStores.open(SolrSettings.EMBEDDED, dir);
        UnionCatalog union = new UnionCatalog(store, DatestampClock.serving());
        union.apply(List.of(
                // One e-book: pku licenses it, fudan reads it in open access.
                Books.book("pku", "e1")
                        .isbn("9780306406157")
                        .electronic()
                        .url("https://ebooks.example/e1")
                        .accepted(),
                Books.book("fudan", "e1")
                        .isbn("9780306406157")
                        .openAccess()
                        .url("https://oa.example/e1")
                        .accepted(),
                // A licensed e-book of whu alone.
                Books.book("whu", "e2").title("Emma").electronic().accepted(),
                // An open-access e-book of sdu, which holds nothing in print.
                Books.book("sdu", "e3").title("Persuasion").openAccess().accepted(),
                // Two print books.
                Books.book("pku", "p1").title("Mansfield Park").accepted(),
                Books.book("fudan", "p2").title("Sanditon").accepted()));
        union.refresh();
        endpoint = new SruEndpoint(
                store,
                new RecordRenderer(Crosswalks.packaged(new CrosswalkEngine())),
                SruSettings.defaults(),
                Map.of(),
                Clock.systemUTC());
    }

    @AfterAll
    void close() {
        store.close();
    }

    private SruResponse answer(String... pairs) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], List.of(pairs[i + 1]));
        }
        return endpoint.answer(params, BASE);
    }

    private long count(String cql) {
        SruResponse response =
                answer("version", "1.2", "operation", "searchRetrieve", "query", cql, "maximumRecords", "0");
        assertEquals(List.of(), response.diagnostics, cql);
        return response.numberOfRecords;
    }

    @Test
    void everyRelationOfTheAccessIndex() {
        assertEquals(5, count("cql.allRecords = 1"), "six source records, two of them merged");
        assertEquals(3, count("cashl.access = online"));
        assertEquals(3, count("cashl.access == online"));
        assertEquals(3, count("cashl.access cql.exact online"));
        assertEquals(3, count("access = ONLINE"), "case ignored, unprefixed in the cashl set");
        assertEquals(2, count("cashl.access = openAccess"));
        assertEquals(2, count("cashl.access = \"open access\""));
        assertEquals(2, count("cashl.access = print"));
        assertEquals(4, count("cashl.access any \"openAccess print\""));
        assertEquals(0, count("cashl.access all \"online print\""), "no record here is both");
        assertEquals(3, count("cashl.access <> print"));
        assertEquals(1, count("cashl.access = online not cashl.access = openAccess"));
        assertEquals(3, count("cashl.access = on*"), "masking, as on the other code indexes");
    }

    @Test
    void aValueThatIsNoneFindsNothingAndIsNoError() {
        assertEquals(0, count("cashl.access = licensed"));
        assertEquals(0, count("cashl.access = electronic"));
    }

    @Test
    void electronicHoldingsAreHoldingsOfTheirLibraries() {
        assertEquals(1, count("bath.possessingInstitution = sdu"), "an e-book is all sdu holds");
        assertEquals(2, count("bath.possessingInstitution = fudan"), "an open-access e-book and a print book");
        assertEquals(1, count("bath.possessingInstitution = fudan and cashl.access = openAccess"));
        assertEquals(1, count("cashl.library = whu and cashl.access = online"));
    }

    @Test
    void theAccessFacetCountsWhatItsDrillDownQueriesFind() {
        SruResponse response = answer(
                "version",
                "2.0",
                "query",
                "cql.allRecords = 1",
                "maximumRecords",
                "0",
                "facetLimit",
                "10:cashl.access",
                "facetSort",
                "alphanumeric");
        assertEquals(List.of(), response.diagnostics);
        assertEquals(1, response.facets.size());
        SruResponse.Facet facet = response.facets.get(0);
        assertEquals("cashl.access", facet.index());
        assertEquals("Access", facet.label());
        assertEquals(
                List.of("online 3", "openAccess 2", "print 2"),
                facet.terms().stream().map(t -> t.term() + " " + t.count()).toList());
        for (SruResponse.FacetTerm term : facet.terms()) {
            assertEquals(term.count(), count(term.query()), term.query());
            assertTrue(term.requestUrl().startsWith(BASE + "?version=2.0&query="));
        }
        SruResponse all = answer("version", "2.0", "query", "cql.allRecords = 1", "facetLimit", "10");
        assertTrue(all.facets.stream().anyMatch(f -> f.index().equals("cashl.access")), "among every facet");
    }

    @Test
    void scanListsTheAccessValues() {
        SruResponse response =
                answer("version", "1.2", "operation", "scan", "scanClause", "cashl.access = o", "maximumTerms", "10");
        assertEquals(List.of(), response.diagnostics);
        assertEquals(
                List.of("online 3", "openAccess 2", "print 2"),
                response.terms.stream().map(t -> t.value() + " " + t.count()).toList());
    }

    @Test
    void explainListsTheIndexWithItsTitleAndFacet() {
        SruResponse response = answer("version", "1.2", "operation", "explain");
        assertEquals(List.of(), response.diagnostics);
        assertTrue(response.explain.contains("<zr:title>Access: online (an electronic holding), openAccess"));
        assertTrue(response.explain.contains("<zr:name set=\"cashl\">access</zr:name>"), response.explain);
        assertTrue(response.explain.contains("<zr:supports type=\"facet\">cashl.access</zr:supports>"));
    }
}

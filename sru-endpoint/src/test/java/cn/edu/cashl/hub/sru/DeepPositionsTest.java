package cn.edu.cashl.hub.sru;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.catalog.solr.SolrCatalogStore;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import cn.edu.cashl.hub.crosswalk.CrosswalkEngine;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.merge.SearchDocs;
import cn.edu.cashl.hub.publish.RecordRenderer;
import cn.edu.cashl.hub.schema.CashlRecords;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Result positions past {@link SruEndpoint#DIRECT_OFFSETS}, where pages start from remembered Solr
 * cursors instead of offsets: paging through, and jumping deep with nothing remembered, give the
 * records of the same positions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepPositionsTest {

    private static final int RECORDS = 2_500;

    @TempDir
    static Path dir;

    private SolrCatalogStore store;
    private RecordRenderer renderer;

    @BeforeAll
    void fill() throws Exception {
        store = SolrStores.open(SolrSettings.EMBEDDED, dir);
        List<StoredRecord> masters = new ArrayList<>();
        for (int i = 1; i <= RECORDS; i++) {
            String id = String.format("deep:%05d", i);
            String xml =
                    "<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"" + id + "\" type=\"book\"><identifiers/>"
                            + "<title><main>Deep history " + (i % 7 == 0 ? "of China" : "of Europe") + " " + i
                            + "</main></title>"
                            + "<publication><year>" + (1900 + i % 120) + "</year></publication>"
                            + "<discipline rule=\"test\">hss</discipline><holding library=\"pku\" localId=\"b" + i
                            + "\" form=\"print\"/>"
                            + "</record>";
            StoredRecord.Builder master = StoredRecord.builder(id, Instant.parse("2026-01-01T00:00:00Z"))
                    .xml(xml)
                    .library("pku");
            SearchDocs.addTo(master, CashlRecords.get().read(xml));
            masters.add(master.build());
        }
        store.put(StoreCollection.CATALOG, masters);
        store.commit();
        renderer = new RecordRenderer(Crosswalks.packaged(new CrosswalkEngine()));
    }

    @AfterAll
    void close() {
        store.close();
    }

    private SruEndpoint endpoint() {
        return new SruEndpoint(store, renderer, SruSettings.defaults(), Map.of(), Clock.systemUTC());
    }

    private static List<String> ids(SruEndpoint endpoint, String query, int start, int rows) {
        SruResponse response = endpoint.answer(
                Map.of(
                        "version",
                        List.of("1.2"),
                        "operation",
                        List.of("searchRetrieve"),
                        "query",
                        List.of(query),
                        "startRecord",
                        List.of(String.valueOf(start)),
                        "maximumRecords",
                        List.of(String.valueOf(rows))),
                "http://127.0.0.1/sru");
        assertEquals(List.of(), response.diagnostics);
        return response.records.stream().map(SruResponse.Record::id).toList();
    }

    @Test
    void sortedPositionsPastTheOffsetLimitAreExact() {
        assertEquals(
                List.of("deep:02001", "deep:02002", "deep:02003"),
                ids(endpoint(), "cql.allRecords = 1 sortby rec.identifier", 2001, 3),
                "a jump with nothing remembered");
        assertEquals(
                List.of("deep:02498", "deep:02499", "deep:02500"),
                ids(endpoint(), "cql.allRecords = 1 sortby rec.identifier", 2498, 10),
                "the last page is short");
    }

    @Test
    void pagingThroughARankedResultAndJumpingDeepAgree() {
        SruEndpoint paging = endpoint();
        List<String> walk = new ArrayList<>();
        for (int start = 1; start <= RECORDS; start += 300) {
            walk.addAll(ids(paging, "dc.title = history", start, 300));
        }
        assertEquals(RECORDS, walk.size());
        assertEquals(RECORDS, new HashSet<>(walk).size(), "every record once");
        assertEquals(walk.subList(2400, 2410), ids(endpoint(), "dc.title = history", 2401, 10));
        assertEquals(walk.subList(1200, 1205), ids(paging, "dc.title = history", 1201, 5), "from a remembered cursor");
        assertTrue(ids(paging, "dc.title = china", 300, 10).size() > 0);
    }
}

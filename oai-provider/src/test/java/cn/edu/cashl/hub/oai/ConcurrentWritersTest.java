package cn.edu.cashl.hub.oai;

import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.elements;
import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.errorCode;
import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.catalog.Projection;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.RecordPage;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.catalog.solr.SolrCatalogStore;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import cn.edu.cashl.hub.merge.Books;
import cn.edu.cashl.hub.merge.UnionCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Datestamps never lag visibility: while three writers keep changing and deleting records (each
 * leaving its writes invisible for up to a second or more, as a harvest page does), a harvester
 * that always asks {@code from} the responseDate of its previous harvest's first request ends with
 * exactly the catalogue's final state: no change is ever missed. On real embedded Solr, whose
 * refreshes are what makes writes visible: the provider's run on Solr (the other tests use the
 * in-memory store).
 */
class ConcurrentWritersTest {

    private static final Pattern TITLE = Pattern.compile("<main>([^<]*)</main>");
    private static final int RECORDS_PER_WRITER = 30;

    @TempDir
    Path dataDir;

    @Test
    void aHarvesterFollowingResponseDatesMissesNoChange() throws Exception {
        DatestampClock clock = DatestampClock.serving();
        try (SolrCatalogStore store = SolrStores.open(SolrSettings.EMBEDDED, dataDir)) {
            OaiSettings settings = new OaiSettings(
                    null,
                    "test",
                    "hub.cashl.edu.cn",
                    List.of("a@example.edu.cn"),
                    25,
                    25,
                    Duration.ofHours(24),
                    OaiProviderTest.KEY,
                    Duration.ofSeconds(10));
            OaiResponses oai =
                    new OaiResponses(new OaiProvider(store, clock, OaiProviderTest.CROSSWALKS, settings, Map.of()));

            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(3);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                String library = "w" + w;
                long seed = 42 + w;
                done.add(writers.submit(() -> write(store, clock, library, seed, writing)));
            }

            Map<String, String> harvested = new TreeMap<>(); // identifier -> title, or "deleted"
            String from = null;
            int harvests = 0;
            long stop = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < stop) {
                from = harvest(oai, from, harvested);
                harvests++;
            }
            writing.set(false);
            for (Future<?> writer : done) {
                writer.get();
            }
            writers.shutdown();
            harvest(oai, from, harvested);

            Map<String, String> expected = new TreeMap<>();
            RecordPage all = store.listAfter(
                    StoreCollection.CATALOG, RecordFilter.ALL, null, 10_000, Projection.PUBLISHED, true);
            for (StoredRecord master : all.records()) {
                expected.put("oai:hub.cashl.edu.cn:" + master.id(), master.deleted() ? "deleted" : title(master.xml()));
            }
            assertEquals(3 * RECORDS_PER_WRITER, expected.size());
            assertTrue(harvests > 5, "the harvester ran while the writers wrote: " + harvests);
            assertEquals(expected, harvested, "the harvester's copy after following responseDates");
        }
    }

    /** One incremental harvest: every page of ListRecords from {@code from}; returns the next from. */
    private static String harvest(OaiResponses oai, String from, Map<String, String> copy) throws Exception {
        Document page = from == null
                ? oai.get("verb", "ListRecords", "metadataPrefix", "cashl")
                : oai.get("verb", "ListRecords", "metadataPrefix", "cashl", "from", from);
        String responseDate = value(page, "/oai:OAI-PMH/oai:responseDate");
        if (!errorCode(page).isEmpty()) {
            assertEquals("noRecordsMatch", errorCode(page), () -> value(page, "//oai:error"));
            return responseDate;
        }
        Document current = page;
        while (true) {
            for (Element record : elements(current, "//oai:record")) {
                String id = value(record, "oai:header/oai:identifier");
                copy.put(
                        id,
                        "deleted".equals(value(record, "oai:header/@status"))
                                ? "deleted"
                                : value(record, ".//c:title/c:main"));
            }
            String token = value(current, "//oai:resumptionToken");
            if (token.isEmpty()) {
                return responseDate;
            }
            current = oai.get("verb", "ListRecords", "resumptionToken", token);
        }
    }

    /**
     * A writer: changes or deletes one of its records at a time, and sometimes pauses long enough
     * (up to 1.3 s) that its writes stay invisible past a second boundary.
     */
    private static Void write(
            SolrCatalogStore store, DatestampClock clock, String library, long seed, AtomicBoolean writing) {
        UnionCatalog union = new UnionCatalog(store, clock);
        Random random = new Random(seed);
        List<cn.edu.cashl.hub.merge.SourceChange> first = new ArrayList<>();
        for (int i = 0; i < RECORDS_PER_WRITER; i++) {
            first.add(book(library, i, 0));
        }
        union.apply(first);
        int version = 1;
        try {
            while (writing.get()) {
                int i = random.nextInt(RECORDS_PER_WRITER);
                union.apply(List.of(
                        random.nextInt(6) == 0 ? Books.book(library, "r" + i).deleted() : book(library, i, version++)));
                Thread.sleep(random.nextInt(1300));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        union.refresh();
        return null;
    }

    private static cn.edu.cashl.hub.merge.SourceChange book(String library, int i, int version) {
        return Books.book(library, "r" + i)
                .title("Title " + library + " " + i + " version " + version)
                .isbn(OaiProviderTest.isbn(1000 * (library.charAt(1) - '0' + 1) + i))
                .accepted();
    }

    private static String title(String xml) {
        Matcher matcher = TITLE.matcher(xml);
        return matcher.find() ? matcher.group(1) : "";
    }
}

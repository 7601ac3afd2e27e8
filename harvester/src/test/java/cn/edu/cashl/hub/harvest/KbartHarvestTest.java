package cn.edu.cashl.hub.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.source.Licence;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.testkit.KbartLists;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A KBART source harvested over real HTTP (a loopback server): the list read whole, an unchanged
 * list skipped, a changed one updating coverage and retiring the titles it dropped, a list cut
 * short held back by the deletion guard.
 */
class KbartHarvestTest {

    private static final String HEADER = KbartLists.HEADER;

    private final AtomicReference<String> list = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/export", exchange -> {
            requests.incrementAndGet();
            byte[] body = list.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/tab-separated-values; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aListIsReadWholeAndItsChangesAndDropsFollowIt(@TempDir Path dir) throws Exception {
        Source jstor = Source.kbart(
                        "jstor-as1",
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/export?pkg=as1&format=kbart2",
                        new Licence("JSTOR Arts & Sciences I", List.of("pku"), false, true, Map.of()))
                .withNames("JSTOR Arts & Sciences I", null);
        list.set(titles(0, 20, "2020"));
        try (HarvestFixture fixture = new HarvestFixture(dir)) {
            Harvester harvester = fixture.harvester(HarvestFixture.FAST, jstor);
            RunRecord first = harvester.harvest("jstor-as1", false, "test");
            assertEquals(RunOutcome.COMPLETE, first.outcome(), first.reason());
            assertEquals(20, first.counts().accepted);
            assertEquals(20, fixture.mastersOf("pku"));

            RunRecord again = harvester.harvest("jstor-as1", false, "test");
            assertEquals(RunOutcome.COMPLETE, again.outcome(), again.reason());
            assertEquals(0, again.counts().records(), "an unchanged list is not read again");
            assertTrue(fixture.events(again, "file").get(0).contains("unchanged"));

            // Title 0 dropped, title 1's coverage now ends in 2024, the rest unchanged.
            String last = titles(1, 2, "2024") + titles(2, 20, "").substring(HEADER.length());
            list.set(last);
            RunRecord changed = harvester.harvest("jstor-as1", false, "test");
            assertEquals(RunOutcome.COMPLETE, changed.outcome(), changed.reason());
            assertEquals(1, changed.counts().deleted, "the dropped title retired");
            assertEquals(19, fixture.mastersOf("pku"));
            String j0 = idOf("j0@2001 40");
            assertFalse(fixture.sourceRecords("jstor-as1").containsKey(j0), j0);
            StoredRecord one = fixture.catalog
                    .get(StoreCollection.SOURCE, idOf("j1@2001 40"))
                    .orElseThrow();
            assertTrue(one.xml().contains("end=\"2024\""), one.xml());

            // A list cut short after its header would retire every title: held back.
            list.set(HEADER);
            RunRecord cut = harvester.harvest("jstor-as1", false, "test");
            assertEquals(RunOutcome.PARTIAL, cut.outcome(), cut.reason());
            assertEquals(19, fixture.mastersOf("pku"), "nothing retired");
            assertTrue(fixture.store.heldDeletions("jstor-as1").isPresent());
            assertEquals(4, requests.get());
        }
    }

    @Test
    void aListFileBesideTheConfigurationIsReadToo(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("cairn.txt"), titles(0, 3, ""));
        Source cairn =
                Source.kbart("cairn", "cairn.txt", new Licence("Cairn", List.of(Licence.ALL), true, null, Map.of()));
        try (HarvestFixture fixture = new HarvestFixture(dir)) {
            RunRecord run = fixture.harvester(HarvestFixture.FAST, cairn).harvest("cairn", false, "test");
            assertEquals(RunOutcome.COMPLETE, run.outcome(), run.reason());
            assertEquals(3, fixture.mastersOf(Licence.CONSORTIUM));
            StoredRecord master = fixture.catalog
                    .list(StoreCollection.CATALOG, cn.edu.cashl.hub.catalog.RecordFilter.ALL, null, 1)
                    .records()
                    .get(0);
            assertTrue(master.xml().contains("access=\"openAccess\""), master.xml());
            assertEquals(java.util.Set.of(Licence.CONSORTIUM), master.libraries());
        }
    }

    /** Titles {@code from} to {@code to - 1}, each from 2001 vol. 40, ending in {@code end} (blank: open). */
    private static String titles(int from, int to, String end) {
        StringBuilder text = new StringBuilder(HEADER);
        List<String> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String issn = issn(1000 + i);
            rows.add(String.join(
                    "\t",
                    "Journal " + i,
                    issn,
                    "",
                    "2001",
                    "40",
                    "",
                    end,
                    "",
                    "",
                    "https://www.jstor.org/journal/j" + i,
                    "",
                    "j" + i,
                    "",
                    "fulltext",
                    "",
                    "Publisher",
                    "serial"));
        }
        rows.forEach(row -> text.append(row).append('\n'));
        return text.toString();
    }

    private static String idOf(String localId) {
        return cn.edu.cashl.hub.ingest.RecordIds.sourceRecordId("jstor-as1", localId);
    }

    /** A valid ISSN from seven digits. */
    private static String issn(int seven) {
        String digits = String.format("%07d", seven);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (digits.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        return digits.substring(0, 4) + "-" + digits.substring(4) + (check == 10 ? "X" : String.valueOf(check));
    }
}

package cn.edu.cashl.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.catalog.solr.SolrCatalogStore;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.testkit.ProjectRoot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import, crosswalk and recrosswalk commands, run as the launcher runs them, in this JVM. */
class CommandsTest {

    private static final String CONFIG =
            ProjectRoot.find().resolve("config/cashl-hub.yaml").toString();
    private static final String RECORD =
            "<record><leader>00000cam a2200000 a 4500</leader><controlfield tag=\"001\">%s</controlfield>"
                    + "<datafield tag=\"050\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">%s</subfield></datafield>%s</record>";

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private Path marcxml(String... records) throws Exception {
        Path file = work.resolve("records-" + System.nanoTime() + ".xml");
        Files.writeString(
                file,
                "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">" + String.join("", records) + "</collection>");
        return file;
    }

    private static String book(String id, String lcc, String title) {
        return String.format(
                RECORD,
                id,
                lcc,
                title == null
                        ? ""
                        : "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">" + title
                                + "</subfield></datafield>");
    }

    /** A book with an ISBN: what deduplication recognises across libraries. */
    private static String book(String id, String isbn, String title, String extra) {
        return String.format(
                RECORD,
                id,
                "PR4034",
                "<datafield tag=\"020\" ind1=\" \" ind2=\" \"><subfield code=\"a\">" + isbn + "</subfield></datafield>"
                        + "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">" + title
                        + "</subfield></datafield>" + extra);
    }

    /** Master id to (datestamp, holding libraries) of every live master record. */
    private static Map<String, Map.Entry<Instant, TreeSet<String>>> masters(Path data) throws Exception {
        Map<String, Map.Entry<Instant, TreeSet<String>>> masters = new TreeMap<>();
        try (SolrCatalogStore store = SolrStores.open(SolrSettings.EMBEDDED, data)) {
            String cursor = "*";
            do {
                var page = store.list(StoreCollection.CATALOG, RecordFilter.ALL.withDeleted(false), cursor, 100);
                for (StoredRecord master : page.records()) {
                    CashlRecord record = CashlRecords.get().read(master.xml());
                    TreeSet<String> libraries = new TreeSet<>();
                    record.getHolding().forEach(h -> libraries.add(h.getLibrary()));
                    masters.put(master.id(), Map.entry(master.datestamp(), libraries));
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return masters;
    }

    @Test
    void theSameFilesFromTwoSourcesMakeOneMasterRecordPerTitleWithTwoHoldings() throws Exception {
        Path data = work.resolve("data");
        Path file = marcxml(
                book("b1", "9780141439518", "Pride and prejudice", ""),
                book("b2", "9780199535569", "Emma", ""),
                book("b3", "9780141439587", "Persuasion", ""));
        assertEquals(0, run("import", "--source", "pku", "--data", data.toString(), file.toString()), err.toString());
        out.reset();
        assertEquals(0, run("import", "--source", "fudan", "--data", data.toString(), file.toString()), err.toString());
        assertTrue(stdout().contains("master records: 3"), stdout());
        Map<String, Map.Entry<Instant, TreeSet<String>>> before = masters(data);
        assertEquals(3, before.size());
        before.values().forEach(m -> assertEquals(new TreeSet<>(List.of("fudan", "pku")), m.getValue()));

        Thread.sleep(1_100); // datestamps have a granularity of seconds
        out.reset();
        Path update = marcxml(book("w9", "9780199535569", "Emma", ""));
        assertEquals(0, run("import", "--source", "whu", "--data", data.toString(), update.toString()), err.toString());
        assertTrue(stdout().contains("master records: 3"), stdout());
        Map<String, Map.Entry<Instant, TreeSet<String>>> after = masters(data);
        assertEquals(before.keySet(), after.keySet(), "master ids are stable");
        for (String id : before.keySet()) {
            boolean emma = after.get(id).getValue().contains("whu");
            if (emma) {
                assertEquals(
                        new TreeSet<>(List.of("fudan", "pku", "whu")),
                        after.get(id).getValue());
                assertTrue(
                        after.get(id).getKey().isAfter(before.get(id).getKey()),
                        "the changed master record has a new datestamp");
            } else {
                assertEquals(before.get(id), after.get(id), "an untouched master record keeps content and datestamp");
            }
        }
        assertEquals(
                1,
                after.values().stream()
                        .filter(m -> m.getValue().contains("whu"))
                        .count());
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--config");
        all.add(2, CONFIG);
        return Main.run(all.toArray(String[]::new));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importPrintsOneNameNumberLinePerCount() throws Exception {
        Path data = work.resolve("data");
        Path file = marcxml(
                book("1", "DS735", "A history of China"),
                book("2", "QC174", "Quantum fields"),
                book("3", "HC427", null));
        assertEquals(0, run("import", "--data", data.toString(), file.toString()), err.toString());
        List<String> lines = stdout().lines().toList();
        assertEquals(
                List.of("read: 3", "accepted: 1", "filtered: 1", "quarantined: 1", "deleted: 0", "master records: 1"),
                lines);
        assertTrue(err.toString().contains("records in"), "progress and timing go to stderr");

        out.reset();
        assertEquals(0, run("recrosswalk", "--data", data.toString(), "--source", "local"), err.toString());
        assertTrue(stdout().contains("read: 3") && stdout().contains("master records: 1"), stdout());
    }

    @Test
    void importThatCouldImportNothingFails() throws Exception {
        Path file = marcxml(book("1", "HC427", null));
        assertEquals(Main.FAILURE, run("import", "--data", work.resolve("data").toString(), file.toString()));
        assertTrue(stdout().contains("quarantined: 1"), stdout());
    }

    @Test
    void unknownSourceIsAConfigurationError() throws Exception {
        Path file = marcxml(book("1", "HC427", "Economy"));
        assertEquals(
                Main.CONFIG_ERROR,
                run(
                        "import",
                        "--source",
                        "nowhere",
                        "--data",
                        work.resolve("data").toString(),
                        file.toString()));
        assertTrue(err.toString().contains("unknown source 'nowhere'"), err.toString());
    }

    @Test
    void aKbartListIsImportedOnlyThroughAKbartSource() throws Exception {
        Path list = Files.writeString(
                work.resolve("list.txt"),
                "publication_title\tprint_identifier\tonline_identifier\ttitle_url\tpublication_type\n"
                        + "Modern China\t0097-7004\t1552-6836\thttps://www.jstor.org/journal/modechin\tserial\n");
        String data = work.resolve("data").toString();
        assertEquals(2, run("import", "--format", "kbart", "--data", data, list.toString()));
        assertTrue(err.toString().contains("imported through a kbart source"), err.toString());
        assertEquals(0, run("import", "--format", "kbart", "--source", "jstor-as1", "--data", data, list.toString()));
        assertTrue(stdout().contains("accepted: 1"), stdout());
    }

    @Test
    void crosswalkPrintsTheCanonicalOrThePublishedForm() throws Exception {
        Path file = marcxml(book("1", "HC427", "Economic history"));
        assertEquals(0, run("crosswalk", file.toString()));
        assertTrue(stdout().contains("<main>Economic history</main>"), stdout());

        out.reset();
        assertEquals(0, run("crosswalk", "--to", "oai_dc", file.toString()));
        assertTrue(stdout().contains("<dc:title>Economic history</dc:title>"), stdout());
    }

    @Test
    void crosswalkReportsARefusedRecordAndFails() throws Exception {
        Path file = marcxml(book("1", "HC427", null));
        assertEquals(Main.FAILURE, run("crosswalk", file.toString()));
        assertTrue(err.toString().contains("rejected the record: record has no title"), err.toString());
    }

    @Test
    void crosswalkReportsACompileErrorWithItsLine() throws Exception {
        Path xslt = work.resolve("draft.xsl");
        Files.writeString(
                xslt,
                "<xsl:stylesheet version=\"3.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
                        + "<xsl:template match=\"/\"><xsl:value-of select=\"(\"/></xsl:template>\n</xsl:stylesheet>");
        assertEquals(
                Main.CONFIG_ERROR,
                run(
                        "crosswalk",
                        "--xslt",
                        xslt.toString(),
                        marcxml(book("1", "H1", "T")).toString()));
        assertTrue(err.toString().contains("line 2"), err.toString());
    }
}

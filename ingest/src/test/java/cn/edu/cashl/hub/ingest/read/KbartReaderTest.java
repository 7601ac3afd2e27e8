package cn.edu.cashl.hub.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.testkit.TestData;
import cn.edu.cashl.hub.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** KBART title lists: every real list of the shared test data, and the quirks one at a time. */
class KbartReaderTest {

    private static List<RawRecord> read(String text) {
        List<RawRecord> records = new ArrayList<>();
        try (KbartReader reader =
                new KbartReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "list.txt")) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    @Test
    void everyRealListIsReadRowByRowAndOnlyTheBrokenHeaderIsQuarantined() throws IOException {
        Assumptions.assumeTrue(TestData.available(), "the shared test data is absent");
        Map<String, int[]> counts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(TestData.file("kbart"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                int[] count = new int[2];
                try (KbartReader reader = new KbartReader(
                        RecordReaders.decompressed(Files.newInputStream(file)),
                        file.getFileName().toString())) {
                    while (reader.hasNext()) {
                        RawRecord record = reader.next();
                        if (record.readable()) {
                            count[0]++;
                            wellFormed(record.xml()); // whatever the list held
                        } else {
                            count[1]++;
                            assertTrue(record.position().matches(".*, line \\d+"), record.position());
                        }
                    }
                }
                counts.put(file.getFileName().toString(), count);
            }
        }
        counts.forEach(
                (file, count) -> System.out.printf("KBART %s: %d rows, %d quarantined%n", file, count[0], count[1]));
        assertEquals(72_056, counts.get("kbart.txt.gz")[0]);
        assertEquals(
                468, counts.get("journals.cambridge.org_AllTitles_2015-07-14.txt")[0], "a trailing tab is no cell");
        assertEquals(
                262,
                counts.get(
                                "ScienceDirectStandard_Global_EBook-AgriculturalAndBiologicalSciencesPre-2007_2016-05-23.txt")[
                        0]);
        assertEquals(768, counts.get("CAIRN_GLOBAL_ALLJOURNALS_2026-03-23.txt")[0]);
        assertEquals(965, counts.get("printHoldings.txt")[0]);
        assertEquals(100, counts.get("Example_Ebook_Package_Allfields_Original.txt")[0]);
        assertEquals(0, counts.get("availiability_test_1.tsv")[0]);
        assertEquals(1, counts.get("availiability_test_1.tsv")[1], "the broken header's row, quarantined");
        counts.forEach((file, count) -> {
            if (!file.equals("availiability_test_1.tsv")) {
                assertEquals(0, count[1], file);
            }
        });
    }

    private static void wellFormed(String xml) {
        try {
            XMLStreamReader reader = SecureXml.newInputFactory().createXMLStreamReader(new StringReader(xml));
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (XMLStreamException e) {
            throw new AssertionError(xml, e);
        }
    }

    @Test
    void aBrokenHeaderQuarantinesItsRowsWithTheFault() {
        List<RawRecord> records = read(
                "publication_title\tprint_identifier online_identifier\ttitle_id\n" + "A journal\t1234-5678\tX1\n");
        assertEquals(1, records.size());
        assertFalse(records.get(0).readable());
        assertEquals("list.txt, line 2", records.get(0).position());
        assertTrue(
                records.get(0)
                        .error()
                        .contains("'print_identifier online_identifier' is not a column name (two names joined?)"),
                records.get(0).error());
    }

    @Test
    void quirksOfRealListsAreReadAndAWrongRowIsQuarantinedAloneWithItsLine() {
        String list = "\uFEFFpublication_title\tprint_identifier \ttitle_id\tembargo_info\town_anchor\r\n"
                + "\"Journal, \"\"quoted\"\"\"\t 0002-8282 \tJ1\tR1Y\tanchor\r\n"
                + "\r\n"
                + "Ro&#269;enka\t\tJ2\t\t\t\r\n"
                + "Too many\t1\t2\t3\t4\t5\r\n"
                + "Too few\t1\r\n"
                + "Last\t\tJ3\t\t";
        List<RawRecord> records = read(list);
        assertEquals(5, records.size());
        RawRecord first = records.get(0);
        assertEquals(RecordFormat.KBART, first.format());
        assertEquals("J1", first.localId());
        assertEquals("list.txt, line 2", first.position());
        assertTrue(first.xml().contains("<publication_title>Journal, \"quoted\"</publication_title>"), first.xml());
        assertTrue(first.xml().contains("<print_identifier>0002-8282</print_identifier>"), first.xml());
        assertTrue(first.xml().contains("<extra name=\"own_anchor\">anchor</extra>"), first.xml());
        assertTrue(
                records.get(1).xml().contains("<publication_title>Ročenka</publication_title>"),
                records.get(1).xml());
        assertFalse(records.get(1).xml().contains("embargo_info"), "blank cells are left out");
        assertEquals("list.txt, line 5", records.get(2).position());
        assertEquals("6 cells where the header names 5 columns", records.get(2).error());
        assertEquals("2 cells where the header names 5 columns", records.get(3).error());
        assertTrue(records.get(4).readable(), "no final newline");
    }

    @Test
    void rowsOfOneTitleKeepApartByTheirFirstIssue() {
        List<RawRecord> records = read("publication_title\ttitle_id\tdate_first_issue_online\tnum_first_vol_online\n"
                + "Gappy\tG1\t1990\t1\n"
                + "Gappy\tG1\t2000\t11\n"
                + "Nameless\t\t\t\n");
        assertEquals("G1@1990 1", records.get(0).localId());
        assertEquals("G1@2000 11", records.get(1).localId());
        assertEquals("line4", records.get(2).localId());
    }

    @Test
    void anEmptyInputSaysSo() {
        List<RawRecord> records = read("\n\n");
        assertEquals(1, records.size());
        assertTrue(records.get(0).error().contains("no KBART header"));
    }
}

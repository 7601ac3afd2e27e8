package cn.edu.cashl.hub.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.testkit.TestData;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalListReaderTest {

    @Test
    void aPlainListHasOneJournalPerLineAndRejectsWhatIsNoIssn() throws IOException {
        JournalListReader.Result result = JournalListReader.read(
                "plain", new StringReader("# HSS core\n0097-7004\n00977004 1552-6836\n\nModern China\n0097-7005\n"));
        assertEquals(1, result.list().size(), "the two lines of Modern China are two journals only if they differ");
        // Line 3 lists both ISSNs of one journal separated by a space: not a table, so one cell, not an ISSN.
        assertEquals(
                List.of(3, 5, 6),
                result.rejected().stream().map(JournalListReader.Rejected::line).toList());
        assertEquals(List.of("0097-7004"), result.list().journals().get(0).issns());
    }

    @Test
    void aTableNamesItsColumnsAndEveryIssnFindsTheJournal() throws IOException {
        String table = "\uFEFFtitle\tissn_l\tprint_issn\tonline_issn\n"
                + "Modern China\t0097-7004\t0097-7004\t1552-6836\n"
                + "\"The China Quarterly\"\t0305-7410\t0305-7410\t1468-2648\n"
                + "Broken\tnone\t\t\n";
        JournalListReader.Result result = JournalListReader.read("hss", new StringReader(table));
        JournalList list = result.list();
        assertEquals(2, list.size());
        assertEquals(
                List.of(4),
                result.rejected().stream().map(JournalListReader.Rejected::line).toList());
        assertEquals(
                "Modern China", list.find(List.of("15526836")).orElseThrow().title());
        assertEquals("0305-7410", list.find(List.of("1468-2648")).orElseThrow().issnL());
        assertTrue(list.find(List.of("1234-5679")).isEmpty());
        assertEquals(List.of("0097-7004", "1552-6836", "0305-7410", "1468-2648"), List.copyOf(list.allIssns()));
    }

    @Test
    void aKbartTitleListIsAJournalList() throws IOException {
        try (Reader kbart = Files.newBufferedReader(
                TestData.file("kbart/gokb/journals.cambridge.org_AllTitles_2015-07-14.txt"), StandardCharsets.UTF_8)) {
            JournalListReader.Result result = JournalListReader.read("cambridge", kbart);
            // 468 rows; every journal of Cambridge's list has a print or an online ISSN.
            assertEquals(468, result.list().size() + result.rejected().size());
            assertTrue(result.list().size() > 400, "journals: " + result.list().size());
            JournalList.Journal first = result.list().journals().get(0);
            assertTrue(first.title() != null && !first.issns().isEmpty(), first.toString());
        }
    }

    @Test
    void aListOfManyBadLinesKeepsTheFirstThousandAndCountsThemAll() throws IOException {
        String list = "0097-7004\n" + "not an issn\n".repeat(1_005);
        JournalListReader.Result result = JournalListReader.read("bad", new StringReader(list));
        assertEquals(1, result.list().size());
        assertEquals(1_000, result.rejected().size());
        assertEquals(1_005, result.rejectedLines());
        assertEquals(2, result.rejected().get(0).line());
    }
}

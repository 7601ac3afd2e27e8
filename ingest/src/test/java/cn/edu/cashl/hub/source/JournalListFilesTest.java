package cn.edu.cashl.hub.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalListFilesTest {

    private static final String HSS =
            "issn_l\ttitle\n0097-7004\tModern China\n0305-7410\tThe China Quarterly\nnone\tBroken\n";

    @TempDir
    Path config;

    @Test
    void listsTheFilesNamedAsListsWithTheirJournalsAndLeftOutLines() throws Exception {
        JournalListFiles lists = JournalListFiles.inConfig(config);
        assertEquals(List.of(), lists.ids(), "no journals folder: no lists");
        Path dir = Files.createDirectories(config.resolve("journals"));
        Files.writeString(dir.resolve("hss-core.tsv"), HSS);
        Files.writeString(dir.resolve("plain.txt"), "1932-6203\n");
        Files.writeString(dir.resolve("plain.csv"), "0097-7004\n0305-7410\n");
        Files.writeString(dir.resolve("Upper.tsv"), "0097-7004\n");
        Files.writeString(dir.resolve(".hidden.upload"), "0097-7004\n");
        Files.writeString(dir.resolve("notes.md"), "0097-7004\n");
        Files.createDirectories(dir.resolve("folder.tsv"));

        assertEquals(List.of("hss-core", "plain"), lists.ids());
        JournalListFiles.Stored hss = lists.stored("hss-core").orElseThrow();
        assertEquals(2, hss.list().size());
        assertEquals(1, hss.rejectedLines());
        assertEquals(Files.getLastModifiedTime(dir.resolve("hss-core.tsv")).toInstant(), hss.modified());
        assertEquals(
                List.of(dir.resolve("plain.csv"), dir.resolve("plain.txt")),
                lists.files("plain"),
                "the file read first comes first");
        assertEquals(2, lists.find("plain").orElseThrow().size(), "plain.csv is read before plain.txt");
        assertEquals(dir.resolve("plain.tsv"), lists.fileToWrite("plain"));
        assertTrue(lists.find("Upper").isEmpty());
        assertTrue(lists.files("../journals/plain").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> lists.fileToWrite("../plain"));
    }

    @Test
    void aListReplacedWithinTheClocksGranularityIsReadAgain() throws Exception {
        Path dir = Files.createDirectories(config.resolve("journals"));
        Path file = dir.resolve("hss-core.tsv");
        Files.writeString(file, "0097-7004\n");
        FileTime time = Files.getLastModifiedTime(file);
        JournalListFiles lists = new JournalListFiles(dir);
        assertEquals(
                "0097-7004",
                lists.find("hss-core").orElseThrow().journals().get(0).issnL());

        // As the admin saves a list: a new file renamed over the old one, here of the same size and time.
        Path upload = dir.resolve(".hss-core.upload");
        Files.writeString(upload, "0305-7410\n");
        Files.setLastModifiedTime(upload, time);
        Files.move(upload, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals(
                "0305-7410",
                lists.find("hss-core").orElseThrow().journals().get(0).issnL());

        Files.delete(file);
        assertFalse(lists.find("hss-core").isPresent());
        assertEquals(List.of(), lists.ids());
    }

    @Test
    void idsAreLowerCaseCodesOfAtMost64Characters() {
        assertTrue(JournalListFiles.isListId("hss-core"));
        assertTrue(JournalListFiles.isListId("jstor_as1.2024"));
        assertTrue(JournalListFiles.isListId("a".repeat(64)));
        assertFalse(JournalListFiles.isListId("a".repeat(65)));
        for (String bad : new String[] {null, "", "HSS", "-core", ".hidden", "a/b", "a b", "é"}) {
            assertFalse(JournalListFiles.isListId(bad), bad);
        }
    }
}

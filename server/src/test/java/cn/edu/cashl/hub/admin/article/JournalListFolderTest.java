package cn.edu.cashl.hub.admin.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.admin.article.JournalListFolder.Outcome;
import cn.edu.cashl.hub.source.JournalListFiles;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalListFolderTest {

    private static final String HSS =
            "issn_l\ttitle\n0097-7004\tModern China\nnone\tBroken\n0305-7410\tThe China Quarterly\n";

    @TempDir
    Path config;

    @Test
    void savesAListThatHoldsAJournalAsTheFileTheReadersRead() throws Exception {
        JournalListFiles files = JournalListFiles.inConfig(config);
        JournalListFolder folder = new JournalListFolder(files);
        assertEquals(List.of(), folder.lists());

        JournalListFolder.Upload upload = folder.save("hss-core", text(HSS));
        assertEquals(Outcome.SAVED, upload.outcome());
        assertEquals(2, upload.journals());
        assertEquals(1, upload.rejectedLines());
        assertEquals(3, upload.rejected().get(0).line());
        Path file = config.resolve("journals/hss-core.tsv");
        assertEquals(HSS, Files.readString(file));
        assertEquals(2, files.find("hss-core").orElseThrow().size(), "what the harvests read");

        JournalListFolder.Entry entry = folder.lists().get(0);
        assertEquals("hss-core", entry.id());
        assertEquals(2, entry.journals());
        assertEquals(1, entry.rejectedLines());
        assertEquals(Files.getLastModifiedTime(file).toInstant(), entry.modifiedAt());
        assertNull(entry.error());
        try (JournalListFolder.Download download = folder.open("hss-core").orElseThrow()) {
            assertEquals("hss-core.tsv", download.fileName());
            assertEquals(HSS, new String(download.content().readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of(), uploadsLeft());
    }

    @Test
    void replacesTheListAndTheFilesOfOtherExtensionsOfTheSameId() throws Exception {
        Path dir = Files.createDirectories(config.resolve("journals"));
        Files.writeString(dir.resolve("hss-core.csv"), "0097-7004\n");
        Files.writeString(dir.resolve("hss-core.txt"), "0097-7004\n");
        Files.writeString(dir.resolve("other.txt"), "0097-7004\n");
        JournalListFolder folder = new JournalListFolder(JournalListFiles.inConfig(config));
        assertEquals(Outcome.SAVED, folder.save("hss-core", text(HSS)).outcome());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(
                    List.of("hss-core.tsv", "other.txt"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(Outcome.SAVED, folder.save("hss-core", text("1932-6203\n")).outcome());
        assertEquals(1, folder.lists().get(0).journals());
    }

    @Test
    void refusesWhatIsNoListAndKeepsTheOldOne() throws Exception {
        JournalListFolder folder = new JournalListFolder(JournalListFiles.inConfig(config), 1024);
        assertEquals(Outcome.SAVED, folder.save("hss-core", text(HSS)).outcome());

        JournalListFolder.Upload none = folder.save("hss-core", text("Modern China\n1234-5678\n"));
        assertEquals(Outcome.NO_JOURNAL, none.outcome());
        assertEquals(2, none.rejectedLines());
        assertEquals(Outcome.NO_JOURNAL, folder.save("empty", text("")).outcome());
        assertEquals(
                Outcome.TOO_LARGE,
                folder.save("hss-core", text("0097-7004\n".repeat(103))).outcome());
        assertEquals(
                Outcome.NOT_UTF8,
                folder.save(
                                "hss-core",
                                new ByteArrayInputStream(
                                        "0097-7004\tRevue d'\u00e9tudes\n".getBytes(StandardCharsets.ISO_8859_1)))
                        .outcome());

        assertEquals(HSS, Files.readString(config.resolve("journals/hss-core.tsv")));
        assertFalse(folder.exists("empty"));
        assertEquals(List.of(), uploadsLeft());
    }

    @Test
    void listsAFileItCannotReadWithWhy() throws Exception {
        Path dir = Files.createDirectories(config.resolve("journals"));
        Files.write(dir.resolve("latin.txt"), "0097-7004 \u00e9tudes\n".getBytes(StandardCharsets.ISO_8859_1));
        JournalListFolder.Entry entry =
                new JournalListFolder(JournalListFiles.inConfig(config)).lists().get(0);
        assertEquals("latin", entry.id());
        assertEquals("the file is not UTF-8 text", entry.error());
        assertEquals(Files.getLastModifiedTime(dir.resolve("latin.txt")).toInstant(), entry.modifiedAt());
    }

    @Test
    void deletesEveryFileOfAList() throws Exception {
        Path dir = Files.createDirectories(config.resolve("journals"));
        Files.writeString(dir.resolve("hss-core.tsv"), HSS);
        Files.writeString(dir.resolve("hss-core.csv"), "0097-7004\n");
        JournalListFolder folder = new JournalListFolder(JournalListFiles.inConfig(config));
        assertTrue(folder.exists("hss-core"));
        assertTrue(folder.delete("hss-core"));
        assertFalse(folder.exists("hss-core"));
        assertFalse(folder.delete("hss-core"));
        assertTrue(folder.open("hss-core").isEmpty());
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> uploadsLeft() throws Exception {
        try (Stream<Path> files = Files.list(config.resolve("journals"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("."))
                    .toList();
        }
    }
}

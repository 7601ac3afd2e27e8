package cn.edu.cashl.hub.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.testkit.TestData;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of the shared corpus goes through the readers without an exception, and every record
 * comes out either readable or with a reason. ISO 2709 files yield one record per record terminator.
 */
class CorpusReadingTest {

    static List<Path> corpusFiles(String dir) throws IOException {
        try (Stream<Path> files = Files.walk(TestData.file(dir))) {
            return files.filter(Files::isRegularFile)
                    .filter(f ->
                            !f.getFileName().toString().matches("(?i).*\\.(txt|md|json|yml|yaml)$|README.*|LICENSE.*"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyMarcAndOaiFileIsReadWithoutAnException() throws IOException {
        TreeMap<String, int[]> byDir = new TreeMap<>();
        for (String dir : List.of("marc", "oai")) {
            for (Path file : corpusFiles(dir)) {
                int[] counts = byDir.computeIfAbsent(
                        TestData.root().relativize(file.getParent()).toString(), k -> new int[4]);
                int readable = 0;
                int unreadable = 0;
                try (RecordReader reader = RecordReaders.open(file, InputFormat.AUTO)) {
                    while (reader.hasNext()) {
                        RawRecord record = reader.next();
                        assertNotNull(record.position());
                        if (record.readable()) {
                            readable++;
                            assertTrue(record.deleted() || record.xml() != null, record.position());
                            assertTrue(record.deleted() || record.format() != null, record.position());
                        } else {
                            unreadable++;
                            assertTrue(record.error() != null && !record.error().isBlank(), record.position());
                        }
                    }
                }
                if (!isXml(file)) {
                    long terminators = terminators(file);
                    assertTrue(
                            readable + unreadable >= terminators && readable + unreadable <= terminators + 1,
                            file + ": " + (readable + unreadable) + " records for " + terminators + " terminators");
                }
                counts[0]++;
                counts[1] += readable;
                counts[2] += unreadable;
            }
        }
        byDir.forEach(
                (dir, c) -> System.out.printf("%-45s files %3d readable %5d unreadable %4d%n", dir, c[0], c[1], c[2]));
    }

    static boolean isXml(Path file) throws IOException {
        try (var in = new BufferedInputStream(Files.newInputStream(file))) {
            return RecordReaders.looksLikeXml(in);
        }
    }

    static long terminators(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long n = 0;
        for (byte b : bytes) {
            if (b == 0x1D) {
                n++;
            }
        }
        return n;
    }

    @Test
    void utf8DeclaredAsMarc8IsReadAsUtf8AndReported() throws IOException {
        try (RecordReader reader =
                RecordReaders.open(TestData.file("marc/catmandu-marc/bu_bibs.part1-of-2.mrc"), InputFormat.AUTO)) {
            boolean reported = false;
            int unreadable = 0;
            while (reader.hasNext()) {
                RawRecord record = reader.next();
                reported |= record.repairs().stream()
                        .anyMatch(r -> r.contains("declares MARC-8 but the record is valid UTF-8"));
                if (!record.readable()) {
                    // Record 31's directory counts 33 fields where its data has 44: beyond repair.
                    assertTrue(record.error().contains("directory does not match the data"), record.error());
                    unreadable++;
                }
            }
            assertTrue(reported);
            assertEquals(1, unreadable);
        }
    }

    @Test
    void marc8IsConvertedToComposedUnicode() throws IOException {
        try (RecordReader reader =
                RecordReaders.open(TestData.file("marc/evergreen/lul_fre_500.mrc"), InputFormat.AUTO)) {
            StringBuilder all = new StringBuilder();
            while (reader.hasNext()) {
                RawRecord record = reader.next();
                assertTrue(record.readable(), record.error());
                all.append(record.xml());
            }
            String text = all.toString();
            assertTrue(text.contains("é"), "French accents decoded");
            assertEquals(text, Normalizer.normalize(text, Normalizer.Form.NFC), "NFC");
        }
    }
}

package cn.edu.cashl.hub.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Crossref works in every shape they come in, found by their content, one record per work. */
class CrossrefReaderTest {

    private static List<RawRecord> read(String json) throws IOException {
        List<RawRecord> records = new ArrayList<>();
        try (RecordReader reader = RecordReaders.open(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "works.json", InputFormat.AUTO)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    @Test
    void aWorkAnswerAListAnswerAnArrayAndOneWorkPerLine() throws IOException {
        String a = "{\"DOI\":\"10.1/a\",\"title\":[\"A <i>x</i>\"]}";
        String b = "{\"DOI\":\"10.1/b\",\"title\":[\"B\"]}";
        assertEquals(
                List.of("10.1/a"), dois(read("{\"status\":\"ok\",\"message-type\":\"work\",\"message\":" + a + "}")));
        assertEquals(
                List.of("10.1/a", "10.1/b"),
                dois(read("{\"status\":\"ok\",\"message-type\":\"work-list\",\"message\":{\"items\":[" + a + "," + b
                        + "],\"next-cursor\":\"x\"}}")));
        assertEquals(List.of("10.1/a", "10.1/b"), dois(read("[" + a + "," + b + "]")));
        assertEquals(List.of("10.1/a", "10.1/b"), dois(read("\uFEFF" + a + "\n" + b + "\n")));
        RawRecord work = read(a).get(0);
        assertEquals(RecordFormat.CROSSREF, work.format());
        assertTrue(work.xml().contains("&lt;i>x&lt;/i>") || work.xml().contains("&lt;i&gt;x&lt;/i&gt;"), work.xml());
    }

    @Test
    void brokenJsonEndsTheFileWithWhereItBroke() throws IOException {
        List<RawRecord> records = read("{\"DOI\":\"10.1/a\"}\n{\"DOI\": 10.1/b}\n{\"DOI\":\"10.1/c\"}");
        assertEquals("10.1/a", records.get(0).localId());
        assertFalse(records.get(1).readable());
        assertTrue(
                records.get(1).error().startsWith("not Crossref JSON"),
                records.get(1).error());
        assertTrue(records.get(1).position().contains("work 2"), records.get(1).position());
        assertEquals(2, records.size());
    }

    private static List<String> dois(List<RawRecord> records) {
        return records.stream().map(RawRecord::localId).toList();
    }
}

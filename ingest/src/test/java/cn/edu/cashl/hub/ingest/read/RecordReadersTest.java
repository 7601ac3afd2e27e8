package cn.edu.cashl.hub.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Reader behaviour on small inputs made for the purpose. */
class RecordReadersTest {

    private static List<RawRecord> read(byte[] bytes, InputFormat format) throws IOException {
        List<RawRecord> records = new ArrayList<>();
        try (RecordReader reader = RecordReaders.open(new ByteArrayInputStream(bytes), "test", format)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    private static final String MARCXML =
            "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>00000cam a2200000 a 4500</leader>"
                    + "<controlfield tag=\"001\">r1</controlfield><datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">Title</subfield></datafield>"
                    + "</record></collection>";

    @Test
    void gzipIsRecognisedFromTheBytes() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(MARCXML.getBytes(StandardCharsets.UTF_8));
        }
        List<RawRecord> records = read(zipped.toByteArray(), InputFormat.AUTO);
        assertEquals(1, records.size());
        assertEquals("r1", records.get(0).localId());
        assertEquals(RecordFormat.MARC21, records.get(0).format());
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE collection [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>"
                + MARCXML.replace("Title", "&secret;");
        List<RawRecord> records = read(xxe.getBytes(StandardCharsets.UTF_8), InputFormat.AUTO);
        assertEquals(1, records.size());
        assertFalse(records.get(0).readable(), "a document with a DOCTYPE is refused");
        assertTrue(records.get(0).xml() == null
                || !records.get(0)
                        .xml()
                        .contains(InetAddress.getLoopbackAddress().getHostName()));
    }

    @Test
    void utf8DeclaredButMarc8IsReadAsMarc8AndReported() {
        // Leader/09 'a' (UTF-8), but the bytes E2 65 are MARC-8 for "é": not valid UTF-8.
        byte[] record = ("00000cam a2200000 a 4500").getBytes(StandardCharsets.ISO_8859_1);
        byte[] withData = new byte[record.length + 3];
        System.arraycopy(record, 0, withData, 0, record.length);
        withData[record.length] = (byte) 0xE2;
        withData[record.length + 1] = 'e';
        withData[record.length + 2] = 0x1D;
        List<String> repairs = new ArrayList<>();
        assertEquals("MARC8", Iso2709Reader.encoding(withData, RecordFormat.MARC21, repairs));
        assertTrue(repairs.get(0).contains("declares UTF-8 but the record is not valid UTF-8"), repairs.toString());
        assertEquals("Unimarc", Iso2709Reader.encoding(withData, RecordFormat.UNIMARC, new ArrayList<>()));
    }

    @Test
    void marc8EscapesInAsciiBytesMeanMarc8() {
        byte[] record = "00000cam  2200000 a 4500\u001B(3abc\u001D".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("MARC8", Iso2709Reader.encoding(record, RecordFormat.MARC21, new ArrayList<>()));
    }

    @Test
    void namedFormatThatDoesNotMatchQuarantinesTheRecord() throws IOException {
        List<RawRecord> records = read(MARCXML.getBytes(StandardCharsets.UTF_8), InputFormat.MODS);
        assertFalse(records.get(0).readable());
        assertTrue(
                records.get(0).error().contains("expected mods"), records.get(0).error());
        assertEquals(
                "expected mods XML, but the input is not XML",
                read("00042cam".getBytes(StandardCharsets.US_ASCII), InputFormat.MODS)
                        .get(0)
                        .error());
    }

    @Test
    void doajAndArxivFormatsAreNamedOrFoundByTheirContent() throws IOException {
        byte[] doaj = ("<doajArticle xmlns=\"http://doaj.org/features/oai_doaj/1.0/\"><title>T</title></doajArticle>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] arxiv = "<arXivRaw xmlns=\"http://arxiv.org/OAI/arXivRaw/\"><id>1</id><title>T</title></arXivRaw>"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(InputFormat.OAI_DOAJ, InputFormat.parse("oai_doaj"));
        assertEquals(InputFormat.ARXIV, InputFormat.parse("arxiv"));
        assertEquals(InputFormat.ARXIV, InputFormat.parse("arXivRaw"));
        for (InputFormat format : List.of(InputFormat.AUTO, InputFormat.OAI_DOAJ)) {
            assertEquals(RecordFormat.OAI_DOAJ, read(doaj, format).get(0).format(), format.name());
        }
        for (InputFormat format : List.of(InputFormat.AUTO, InputFormat.ARXIV)) {
            assertEquals(RecordFormat.ARXIV, read(arxiv, format).get(0).format(), format.name());
        }
        RawRecord wrong = read(arxiv, InputFormat.OAI_DOAJ).get(0);
        assertFalse(wrong.readable());
        assertEquals("expected oai_doaj but found a arxiv record", wrong.error());
        assertEquals(
                "expected arxiv XML, but the input is not XML",
                read("{\"DOI\":\"10.1/x\"}".getBytes(StandardCharsets.UTF_8), InputFormat.ARXIV)
                        .get(0)
                        .error());
    }

    @Test
    void aReaderSaysWhenItGaveUpBeforeTheEndOfItsInput() throws IOException {
        String broken = MARCXML.replace("</collection>", "") + "<record><leader>00000cam a2200000 a 4500</leader>";
        assertFalse(readsToTheEnd(broken.getBytes(StandardCharsets.UTF_8), InputFormat.MARCXML), "cut off");
        assertFalse(readsToTheEnd("<top/>".getBytes(StandardCharsets.UTF_8), InputFormat.AUTO), "no records");
        assertFalse(
                readsToTheEnd("00042cam".getBytes(StandardCharsets.US_ASCII), InputFormat.MODS),
                "not the format named");
        assertTrue(readsToTheEnd(MARCXML.getBytes(StandardCharsets.UTF_8), InputFormat.MARCXML));
        assertTrue(readsToTheEnd(new byte[0], InputFormat.MARC21), "an empty ISO 2709 file holds no records");
    }

    /** Reads every record; says whether the reader got to the end of the input. */
    private static boolean readsToTheEnd(byte[] bytes, InputFormat format) throws IOException {
        try (RecordReader reader = RecordReaders.open(new ByteArrayInputStream(bytes), "test", format)) {
            assertFalse(reader.gaveUp(), "nothing read yet");
            reader.forEachRemaining(record -> {});
            return !reader.gaveUp();
        }
    }

    @Test
    void truncatedXmlKeepsTheRecordsBeforeTheBreak() throws IOException {
        String broken = MARCXML.replace("</collection>", "")
                + "<record><leader>00000cam a2200000 a 4500</leader><datafield tag=\"245\"";
        List<RawRecord> records = read(broken.getBytes(StandardCharsets.UTF_8), InputFormat.AUTO);
        assertEquals(2, records.size());
        assertTrue(records.get(0).readable());
        assertTrue(
                records.get(1).error().contains("not well-formed"),
                records.get(1).error());
    }
}

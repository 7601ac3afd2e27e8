package cn.edu.cashl.hub.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.testkit.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The XML reader on its own: how it splits MARCXML, MarcXchange, MODS, Dublin Core and OAI-PMH
 * inputs into records with their ids, what it does with a broken record or document, and that no
 * DTD or external entity is ever acted on. Small documents written for the case, and real files of
 * the shared corpus where one shows it.
 */
class XmlRecordReaderTest {

    private static final String MARC = "http://www.loc.gov/MARC21/slim";
    private static final String LEADER = "00000cam a2200000 a 4500";

    private static List<RawRecord> read(String xml) {
        return read(xml.getBytes(StandardCharsets.UTF_8), null);
    }

    private static List<RawRecord> read(byte[] bytes, RecordFormat forcedMarc) {
        return readAll(new XmlRecordReader(new ByteArrayInputStream(bytes), "test.xml", forcedMarc));
    }

    private static List<RawRecord> corpus(String relative) throws IOException {
        Path file = TestData.file(relative);
        return readAll(new XmlRecordReader(
                Files.newInputStream(file), file.getFileName().toString(), null));
    }

    private static List<RawRecord> readAll(XmlRecordReader reader) {
        List<RawRecord> records = new ArrayList<>();
        try (reader) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    private static List<String> localIds(List<RawRecord> records) {
        return records.stream().map(RawRecord::localId).toList();
    }

    /** A MARCXML record element (no namespace declaration) with a 001 and a 245 $a. */
    private static String marcRecord(String prefix, String id, String title) {
        return "<" + prefix + "record><" + prefix + "leader>" + LEADER + "</" + prefix + "leader>"
                + "<" + prefix + "controlfield tag=\"001\">" + id + "</" + prefix + "controlfield>"
                + "<" + prefix + "datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><" + prefix + "subfield code=\"a\">"
                + title
                + "</" + prefix + "subfield></" + prefix + "datafield></" + prefix + "record>";
    }

    /** What the reader makes of {@code marcRecord(…, id, title)}: standalone MARCXML in the MARC21slim namespace. */
    private static String marcXml(String id, String title) {
        return "<record xmlns=\"" + MARC + "\"><leader>" + LEADER + "</leader><controlfield tag=\"001\">" + id
                + "</controlfield><datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">" + title
                + "</subfield></datafield></record>";
    }

    private static String leader(RawRecord record) {
        String xml = record.xml();
        return xml.substring(xml.indexOf("<leader>") + "<leader>".length(), xml.indexOf("</leader>"));
    }

    private static String oai(String listRecordsContent) {
        return "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>2026-01-01T00:00:00Z</responseDate>"
                + "<request verb=\"ListRecords\" metadataPrefix=\"oai_dc\">https://library.example.edu/oai</request>"
                + "<ListRecords>" + listRecordsContent
                + "<resumptionToken completeListSize=\"3\">next-page</resumptionToken>"
                + "</ListRecords></OAI-PMH>";
    }

    private static String oaiDc(String title) {
        return "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:title>" + title + "</dc:title></oai_dc:dc>";
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    // ------------------------------------------------------------------------------------- MARCXML

    @Test
    void aMarcXmlCollectionIsSplitIntoStandaloneRecordsEachWithIts001() {
        List<RawRecord> records = read("<?xml version=\"1.0\" encoding=\"UTF-8\"?><collection xmlns=\"" + MARC + "\">"
                + marcRecord("", "r1", "Pride and prejudice") + marcRecord("", "  r2 ", "Emma")
                + "<record><leader>" + LEADER
                + "</leader><datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">Persuasion</subfield>"
                + "</datafield></record></collection>");

        assertEquals(3, records.size());
        assertEquals(Arrays.asList("r1", "r2", null), localIds(records), "001 stripped; none without a 001");
        assertEquals(
                List.of("test.xml, record 1", "test.xml, record 2", "test.xml, record 3"),
                records.stream().map(RawRecord::position).toList());
        assertTrue(records.stream().allMatch(r -> r.readable() && r.format() == RecordFormat.MARC21 && !r.deleted()));
        assertEquals(marcXml("r1", "Pride and prejudice"), records.get(0).xml());
        assertNull(records.get(0).sourceIdentifier(), "no OAI identifier outside OAI-PMH");
    }

    @Test
    void theNamespaceDecidesNotThePrefixAndNamespacelessMarcXmlIsReadToo() {
        String expected = marcXml("r1", "Emma");
        for (String input : List.of(
                "<collection xmlns=\"" + MARC + "\">" + marcRecord("", "r1", "Emma") + "</collection>",
                "<marc:collection xmlns:marc=\"" + MARC + "\">" + marcRecord("marc:", "r1", "Emma")
                        + "</marc:collection>",
                "<m:record xmlns:m=\"" + MARC + "\">"
                        + marcRecord("m:", "r1", "Emma").substring("<m:record>".length()),
                "<collection>" + marcRecord("", "r1", "Emma") + "</collection>")) {
            List<RawRecord> records = read(input);
            assertEquals(1, records.size(), input);
            assertEquals(expected, records.get(0).xml(), input);
        }
    }

    @Test
    void marcXchangeOfBothVersionsComesOutAsMarcXml() {
        for (String namespace : List.of("info:lc/xmlns/marcxchange-v1", "info:lc/xmlns/marcxchange-v2")) {
            String input = "<mx:collection xmlns:mx=\"" + namespace + "\">"
                    + marcRecord("mx:", "r1", "Emma")
                            .replace("<mx:record>", "<mx:record format=\"MARC21\" type=\"Bibliographic\">")
                    + "</mx:collection>";
            List<RawRecord> records = read(input);
            assertEquals(1, records.size(), namespace);
            assertEquals(marcXml("r1", "Emma"), records.get(0).xml(), namespace);
        }
    }

    @Test
    void theCorpusMarcXchangeCopyOfChabonReadsAsTheMarcXmlOne() throws IOException {
        List<RawRecord> marcXml = corpus("marc/marc4j/chabon.xml");
        List<RawRecord> marcXchange = corpus("marc/xbib/chabon.mrc.utf8.xml");

        assertEquals(List.of("11939876", "12883376"), localIds(marcXml));
        assertEquals(localIds(marcXml), localIds(marcXchange));
        for (int i = 0; i < marcXml.size(); i++) {
            // The MarcXchange copy was written with record length 00000 in its leaders; nothing else differs.
            assertEquals(
                    marcXml.get(i).xml().replaceFirst("<leader>.{5}", "<leader>"),
                    marcXchange.get(i).xml().replaceFirst("<leader>.{5}", "<leader>"));
        }
        assertEquals(
                183,
                corpus("marc/xbib/dialects_bibliomondo_bibliomondo.marc.xml").stream()
                        .filter(r -> r.readable() && r.format() == RecordFormat.MARC21)
                        .count(),
                "MarcXchange v2 from the DNB");
    }

    @Test
    void unimarcIsToldFromTheContentUnlessTheSourceImposesAFlavour() {
        String unimarc = "<collection xmlns=\"" + MARC + "\"><record><leader>" + LEADER + "</leader>"
                + "<controlfield tag=\"001\">u1</controlfield>"
                + "<datafield tag=\"100\" ind1=\" \" ind2=\" \"><subfield code=\"a\">20260101d2003    u  y0chiy0110    ba</subfield></datafield>"
                + "<datafield tag=\"200\" ind1=\"1\" ind2=\" \"><subfield code=\"a\">Hong lou meng</subfield></datafield></record></collection>";
        String marc21 = "<collection xmlns=\"" + MARC + "\">" + marcRecord("", "m1", "Emma") + "</collection>";
        byte[] unimarcBytes = unimarc.getBytes(StandardCharsets.UTF_8);

        assertEquals(RecordFormat.UNIMARC, read(unimarcBytes, null).get(0).format());
        assertEquals(
                RecordFormat.MARC21,
                read(marc21.getBytes(StandardCharsets.UTF_8), null).get(0).format());
        assertEquals(
                RecordFormat.MARC21,
                read(unimarcBytes, RecordFormat.MARC21).get(0).format());
        assertEquals(
                RecordFormat.UNIMARC,
                read(marc21.getBytes(StandardCharsets.UTF_8), RecordFormat.UNIMARC)
                        .get(0)
                        .format());
    }

    @Test
    void aLeaderOfTheWrongLengthIsPaddedOrCutAndSaidSo() {
        List<RawRecord> records = read("<collection xmlns=\"" + MARC + "\">"
                + marcRecord("", "short", "Emma").replace(LEADER, "00000cam")
                + marcRecord("", "long", "Emma").replace(LEADER, LEADER + "XYZ")
                + "</collection>");

        assertEquals(
                List.of("leader had 8 characters: padded or cut to 24"),
                records.get(0).repairs());
        assertEquals(
                List.of("leader had 27 characters: padded or cut to 24"),
                records.get(1).repairs());
        // marc4j rewrites the structural positions of a leader (indicator count, entry map) itself.
        assertEquals(24, leader(records.get(0)).length());
        assertTrue(leader(records.get(0)).startsWith("00000cam "), leader(records.get(0)));
        assertEquals(LEADER, leader(records.get(1)));
        assertTrue(records.stream().allMatch(RawRecord::readable));
    }

    @Test
    void aMalformedRecordIsReportedWithItsPlaceAndTheOthersAreStillRead() {
        List<RawRecord> records = read("""
                <collection xmlns="http://www.loc.gov/MARC21/slim">
                <record><leader>00000cam a2200000 a 4500</leader><controlfield tag="001">ok1</controlfield>
                  <datafield tag="245" ind1="0" ind2="0"><subfield code="a">Emma</subfield></datafield></record>
                <record><leader>00000cam a2200000 a 4500</leader><controlfield tag="001">bad1</controlfield>
                  <datafield ind1="0" ind2="0"><subfield code="a">Emma</subfield></datafield></record>
                <record><leader>00000cam a2200000 a 4500</leader><controlfield tag="001">bad2</controlfield>
                  <datafield tag="245" ind1="0" ind2="0"><subfield>Emma</subfield></datafield></record>
                <record><leader>00000cam a2200000 a 4500</leader></record>
                <record><leader>00000cam a2200000 a 4500</leader><controlfield tag="001">ok2</controlfield>
                  <datafield tag="245" ind1="0" ind2="0"><subfield code="a">Persuasion</subfield></datafield></record>
                </collection>
                """);

        assertEquals(5, records.size());
        assertEquals("ok1", records.get(0).localId());
        assertEquals(
                "malformed MARCXML: datafield without tag at line 5",
                records.get(1).error());
        assertEquals(
                "malformed MARCXML: subfield without code at line 7 in field 245",
                records.get(2).error());
        assertEquals("MARCXML record without fields", records.get(3).error());
        assertEquals(
                List.of("test.xml, record 2", "test.xml, record 3", "test.xml, record 4"),
                records.subList(1, 4).stream().map(RawRecord::position).toList());
        assertTrue(
                records.subList(1, 4).stream().allMatch(r -> !r.readable() && r.xml() == null && r.format() == null));
        assertEquals("ok2", records.get(4).localId(), "reading goes on after a malformed record");
        assertTrue(records.get(4).readable());
    }

    @Test
    void theCorpusRecordsWithoutTagOrCodeAreQuarantinedWithTheirLine() throws IOException {
        List<RawRecord> noCode = corpus("marc/malformed/marc4j/chabon-missing-subfield-code.xml");
        assertEquals(1, noCode.size());
        assertEquals(
                "malformed MARCXML: subfield without code at line 8 in field 020",
                noCode.get(0).error());

        List<RawRecord> noTag = corpus("marc/malformed/marc4j/chabon-missing-datafield-tag.xml");
        assertEquals(1, noTag.size());
        assertEquals(
                "malformed MARCXML: datafield without tag at line 61",
                noTag.get(0).error());
    }

    @Test
    void aDocumentThatIsNotWellFormedKeepsTheRecordsBeforeTheBreakAndEndsThere() throws IOException {
        // Its second record carries a BEL character in an attribute: XML 1.0 has no way to hold it.
        List<RawRecord> records = corpus("marc/malformed/ruby-marc/three-records-second-bad.xml");

        assertEquals(2, records.size(), "one good record, then the fault; the third record is beyond it");
        assertEquals("afc99990058366", records.get(0).localId());
        assertTrue(records.get(0).readable());
        RawRecord fault = records.get(1);
        assertEquals("three-records-second-bad.xml after record 2", fault.position());
        assertTrue(fault.error().startsWith("the XML is not well-formed at line 72, column 29: "), fault.error());
        assertTrue(fault.error().contains("0x7"), fault.error());
        assertTrue(fault.error().endsWith("; the rest of the input could not be read"), fault.error());
    }

    @Test
    void inputThatIsNoXmlDocumentIsOneUnreadableRecord() {
        for (String input : List.of("", "MARC records, one a line")) {
            List<RawRecord> records = read(input);
            assertEquals(1, records.size(), input);
            assertTrue(
                    records.get(0).error().startsWith("the XML is not well-formed at line 1, column 1"),
                    records.get(0).error());
        }
    }

    @Test
    void aDocumentOfAnotherVocabularyIsRefusedByItsRootElement() throws IOException {
        List<RawRecord> records = corpus("marc/traject/namespace-test.xml");

        assertEquals(1, records.size(), "one fault for the file, not one per element");
        assertEquals(
                "no records found: root element {http://example.org/top}top is not MARCXML, MODS, Dublin Core, JATS, DOAJ, arXiv or OAI-PMH",
                records.get(0).error());
    }

    // ------------------------------------------------------------------------------- encodings, BOM

    @Test
    void aByteOrderMarkOrAMissingXmlDeclarationChangesNothing() throws IOException {
        List<RawRecord> plain = corpus("marc/solrmarc/specTestRecs.xml");
        List<RawRecord> withBom = corpus("marc/solrmarc/specTestRecs_withBOM.xml");
        List<RawRecord> noProlog = corpus("marc/solrmarc/specTestRecs_no_Prolog.xml");

        assertEquals(76, plain.size());
        assertTrue(plain.stream().allMatch(RawRecord::readable));
        assertEquals("u2", plain.get(0).localId());
        assertEquals("u6634659", plain.get(75).localId());
        assertEquals(
                plain.stream().map(RawRecord::xml).toList(),
                withBom.stream().map(RawRecord::xml).toList());
        assertEquals(
                plain.stream().map(RawRecord::xml).toList(),
                noProlog.stream().map(RawRecord::xml).toList());
    }

    @Test
    void theDeclaredEncodingOrByteOrderMarkIsHonoured() {
        String template = "<?xml version=\"1.0\" encoding=\"%s\"?><collection xmlns=\"" + MARC + "\">"
                + marcRecord("", "r1", "Les Misérables, Ærø") + "</collection>";
        String expected = marcXml("r1", "Les Misérables, Ærø");

        // Java's UTF-16 encoder writes a byte-order mark first.
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16, StandardCharsets.ISO_8859_1)) {
            List<RawRecord> records =
                    read(String.format(template, charset.name()).getBytes(charset), null);
            assertEquals(1, records.size(), charset.name());
            assertEquals(expected, records.get(0).xml(), charset.name());
        }
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = String.format(template, "UTF-8").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);
        assertEquals(expected, read(withBom, null).get(0).xml());
    }

    @Test
    void decomposedTextComesOutComposed() {
        // MARC-8 conversions leave combining accents; the crosswalks and match keys expect NFC.
        List<RawRecord> records = read(
                "<collection xmlns=\"" + MARC + "\">" + marcRecord("", "r1", "Les Mise\u0301rables") + "</collection>");
        assertEquals(marcXml("r1", "Les Mis\u00E9rables"), records.get(0).xml());
    }

    // ------------------------------------------------------------------------------------- OAI-PMH

    @Test
    void anOaiListRecordsPageGivesEachRecordItsHeaderIdentifierDatestampAndDeletedStatus() throws Exception {
        List<RawRecord> records = read(
                oai("<record><header><identifier>oai:lib.example.edu:1</identifier><datestamp>2026-01-02</datestamp>"
                        + "<setSpec>hss</setSpec></header><metadata>" + oaiDc("Pride and prejudice") + "</metadata>"
                        // about: provenance of the record, never a record itself, whatever it holds
                        + "<about><collection xmlns=\"" + MARC + "\">" + marcRecord("", "x", "Not a record")
                        + "</collection></about></record>"
                        + "<record><header status=\"deleted\"><identifier>oai:lib.example.edu:2</identifier>"
                        + "<datestamp>2026-01-03</datestamp></header></record>"
                        + "<record><header><identifier> oai:lib.example.edu:3 </identifier><datestamp>2026-01-04</datestamp></header>"
                        + "<metadata>" + oaiDc("Emma") + "</metadata></record>"));

        assertEquals(3, records.size());
        RawRecord first = records.get(0);
        assertEquals(RecordFormat.OAI_DC, first.format());
        assertEquals("oai:lib.example.edu:1", first.localId(), "the OAI identifier is the local id");
        assertEquals("oai:lib.example.edu:1", first.sourceIdentifier());
        assertEquals("2026-01-02", first.sourceDatestamp());
        assertEquals("test.xml, record 1 (oai:lib.example.edu:1)", first.position());
        Element dc = parse(first.xml());
        assertEquals(XmlRecordReader.OAI_DC, dc.getNamespaceURI());
        assertEquals(
                "Pride and prejudice",
                dc.getElementsByTagNameNS(XmlRecordReader.DC, "title").item(0).getTextContent());

        RawRecord deleted = records.get(1);
        assertTrue(deleted.deleted());
        assertTrue(deleted.readable(), "a deletion is news, not a fault");
        assertNull(deleted.xml());
        assertEquals("oai:lib.example.edu:2", deleted.sourceIdentifier());
        assertEquals("2026-01-03", deleted.sourceDatestamp());

        assertEquals("oai:lib.example.edu:3", records.get(2).sourceIdentifier(), "identifier stripped");
        assertFalse(first.xml().contains("Not a record"), "the about section is no metadata");
    }

    @Test
    void marcXmlInOaiPmhTakesTheOaiIdentifierAndKeepsItsRepairs() {
        List<RawRecord> records = read(oai("<record><header><identifier>oai:lib.example.edu:b1</identifier>"
                + "<datestamp>2026-01-02T03:04:05Z</datestamp></header><metadata>"
                + "<marc:record xmlns:marc=\"" + MARC + "\">"
                + marcRecord("marc:", "b0001", "Emma")
                        .substring("<marc:record>".length())
                        .replace(LEADER, "00000cam a22")
                + "</metadata></record>"));

        assertEquals(1, records.size());
        RawRecord record = records.get(0);
        assertEquals(RecordFormat.MARC21, record.format());
        assertEquals(
                "oai:lib.example.edu:b1",
                record.localId(),
                "not the 001: the harvest's id must be the one the provider deletes by");
        assertEquals("2026-01-02T03:04:05Z", record.sourceDatestamp());
        assertEquals(List.of("leader had 12 characters: padded or cut to 24"), record.repairs());
        assertEquals("test.xml, record 1 (oai:lib.example.edu:b1)", record.position());
    }

    @Test
    void anOaiPmhResponseWithoutNamespacesIsReadAndItsDublinCorePutIntoTheirs() throws Exception {
        List<RawRecord> records = read("<OAI-PMH><ListRecords><record><header><identifier>oai:x:1</identifier>"
                + "<datestamp>2026-01-02</datestamp></header><metadata><dc><title>Emma</title><creator>Austen, Jane</creator></dc>"
                + "</metadata></record></ListRecords></OAI-PMH>");

        assertEquals(1, records.size());
        RawRecord record = records.get(0);
        assertEquals(RecordFormat.OAI_DC, record.format());
        assertEquals("oai:x:1", record.sourceIdentifier());
        assertEquals(
                List.of("Dublin Core without namespaces: put into the oai_dc and dc namespaces"), record.repairs());
        Element dc = parse(record.xml());
        assertEquals(XmlRecordReader.OAI_DC, dc.getNamespaceURI());
        assertEquals("dc", dc.getLocalName());
        assertEquals(
                "Austen, Jane",
                dc.getElementsByTagNameNS(XmlRecordReader.DC, "creator").item(0).getTextContent());
    }

    @Test
    void anOaiRecordNeitherWithMetadataNorDeletedIsAFault() {
        List<RawRecord> records = read(oai(
                "<record><header><identifier>oai:x:1</identifier><datestamp>2026-01-02</datestamp></header></record>"));

        assertEquals(1, records.size());
        assertEquals(
                "OAI-PMH record without metadata and not marked deleted",
                records.get(0).error());
        assertEquals("test.xml, record 1 (oai:x:1)", records.get(0).position());
    }

    @Test
    void theCorpusOaiDcPagesGiveEveryRecordAndTheDeletedOne() throws IOException {
        List<RawRecord> dspace = corpus("oai/pyoai-dspace-eur/fake1/00005.xml");
        assertEquals(16, dspace.size());
        assertTrue(dspace.stream().allMatch(r -> r.readable() && r.format() == RecordFormat.OAI_DC));
        assertEquals("hdl:1765/308", dspace.get(0).localId());
        assertEquals("2003-04-15T10:18:51Z", dspace.get(0).sourceDatestamp());
        assertEquals("hdl:1765/325", dspace.get(15).localId());

        List<RawRecord> asu = corpus("oai/scrapi-vcr/asu__00.xml");
        assertEquals(50, asu.size());
        List<RawRecord> deleted = asu.stream().filter(RawRecord::deleted).toList();
        assertEquals(1, deleted.size());
        assertEquals("item:28167", deleted.get(0).sourceIdentifier());
        assertEquals("2015-03-10T22:00:44Z", deleted.get(0).sourceDatestamp());
        assertEquals(
                49, asu.stream().filter(r -> r.format() == RecordFormat.OAI_DC).count());
    }

    @Test
    void theCorpusModsPageAndGetRecordAreRead() throws IOException {
        List<RawRecord> page = corpus("oai/dpla-harvard-librarycloud-mods/ListRecords-mods-botanicals.xml");
        assertEquals(10, page.size());
        assertTrue(page.stream().allMatch(r -> r.readable() && r.format() == RecordFormat.MODS));
        assertEquals("arn00007c00001", page.get(0).sourceIdentifier());
        assertEquals("20210311", page.get(0).sourceDatestamp());
        assertEquals("arn00007c00011", page.get(9).sourceIdentifier());

        List<RawRecord> getRecord = corpus("oai/dpla-hub-records/mt.xml");
        assertEquals(1, getRecord.size());
        assertEquals(RecordFormat.MODS, getRecord.get(0).format());
        assertEquals(
                "oai:the.european.library.UMr8:oai:scholarworks.umt.edu:goedicke-1008",
                getRecord.get(0).sourceIdentifier());
    }

    @Test
    void anUnsupportedMetadataFormatIsQuarantinedUnderItsOaiIdentifier() throws IOException {
        List<RawRecord> records = corpus("oai/clarin-cmdi/response-GetRecord.xml");

        assertEquals(1, records.size());
        RawRecord record = records.get(0);
        assertEquals(
                "unsupported metadata format {http://www.clarin.eu/cmd/}CMD (the hub reads MARCXML, MODS, oai_dc, JATS, oai_doaj, arXiv and arXivRaw)",
                record.error());
        assertEquals("lrp:dict-gate.3", record.sourceIdentifier(), "the quarantine can name the record");
        assertEquals("2014-03-26T10:42:12Z", record.sourceDatestamp());
    }

    @Test
    void listIdentifiersHeadersAreReportedOneByOneAndIdentifyHasNoRecords() throws IOException {
        List<RawRecord> headers = corpus("oai/pyoai-dspace-eur/fake1/00003.xml");
        assertEquals(16, headers.size());
        assertTrue(headers.stream()
                .allMatch(
                        r -> "OAI-PMH header without metadata (a ListIdentifiers response): harvest it with ListRecords"
                                .equals(r.error())));
        assertEquals("00003.xml, record 1 (hdl:1765/308)", headers.get(0).position());

        assertEquals(List.of(), corpus("oai/clarin-cmdi/response-Identify.xml"));
    }

    // --------------------------------------------------------------------------- Dublin Core, MODS

    @Test
    void dublinCoreAndModsFilesAreReadWithoutAnOaiEnvelope() throws Exception {
        List<RawRecord> mods = read("<modsCollection xmlns=\"" + XmlRecordReader.MODS + "\">"
                + "<mods><titleInfo><title>Emma</title></titleInfo></mods>"
                + "<mods><titleInfo><title>Persuasion</title></titleInfo></mods></modsCollection>");
        assertEquals(2, mods.size());
        assertEquals(
                List.of("test.xml, record 1", "test.xml, record 2"),
                mods.stream().map(RawRecord::position).toList());
        assertTrue(mods.stream().allMatch(r -> r.format() == RecordFormat.MODS && r.localId() == null));
        Element second = parse(mods.get(1).xml());
        assertEquals(XmlRecordReader.MODS, second.getNamespaceURI(), "the copy declares the namespace it inherited");
        assertEquals("Persuasion", second.getTextContent());

        List<RawRecord> dc = corpus("oai/pyoai-dspace-eur/fake1/00006.xml");
        assertEquals(1, dc.size());
        assertEquals(RecordFormat.OAI_DC, dc.get(0).format());
        assertEquals(XmlRecordReader.OAI_DC, parse(dc.get(0).xml()).getNamespaceURI());

        List<RawRecord> oneMods = corpus("oai/dpla-hub-records/ct.xml");
        assertEquals(1, oneMods.size());
        assertEquals(RecordFormat.MODS, oneMods.get(0).format());
    }

    // ------------------------------------------------------------------------------ DTDs, entities

    @Test
    void anExternalEntityIsNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-7f3a");
        List<RawRecord> records =
                read("<?xml version=\"1.0\"?><!DOCTYPE collection [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>"
                        + "<collection xmlns=\"" + MARC + "\">" + marcRecord("", "r1", "&s;") + "</collection>");

        assertEquals(1, records.size());
        assertFalse(records.get(0).readable());
        assertTrue(
                records.get(0).error().contains("The entity \"s\" was referenced, but not declared"),
                records.get(0).error());
        assertTrue(records.stream()
                .noneMatch(r ->
                        String.valueOf(r.xml()).contains("SECRET") || r.error().contains("SECRET")));
    }

    @Test
    void anExternalDtdOrParameterEntityIsNeverLoaded(@TempDir Path dir) throws IOException {
        // Were the DTD read, it would declare the entity the record uses.
        Path dtd = Files.writeString(dir.resolve("records.dtd"), "<!ENTITY title \"FROM-THE-DTD\">");
        for (String doctype : List.of(
                "<!DOCTYPE collection SYSTEM \"" + dtd.toUri() + "\">",
                "<!DOCTYPE collection [<!ENTITY % external SYSTEM \"" + dtd.toUri() + "\"> %external;]>")) {
            List<RawRecord> records = read(doctype + "<collection xmlns=\"" + MARC + "\">"
                    + marcRecord("", "r1", "&title;") + "</collection>");
            assertEquals(1, records.size(), doctype);
            assertTrue(
                    records.get(0).error().contains("The entity \"title\" was referenced, but not declared"),
                    records.get(0).error());
            assertTrue(records.stream().noneMatch(r -> String.valueOf(r.xml()).contains("FROM-THE-DTD")));
        }
    }

    @Test
    void internalEntitiesAreNotExpandedSoNoEntityBombGoesOff() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE collection [<!ENTITY a0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY a")
                    .append(i)
                    .append(" \"")
                    .append(("&a" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        doctype.append("]>");
        List<RawRecord> records =
                read(doctype + "<collection xmlns=\"" + MARC + "\">" + marcRecord("", "r1", "&a9;") + "</collection>");

        assertEquals(1, records.size());
        assertTrue(
                records.get(0).error().contains("The entity \"a9\" was referenced, but not declared"),
                records.get(0).error());
    }

    @Test
    void aDoctypeThatDeclaresNothingUsedIsSkipped() {
        // DTD support is off, not DOCTYPE-hostile: files exported with a DOCTYPE line still read.
        List<RawRecord> records =
                read("<?xml version=\"1.0\"?><!DOCTYPE collection SYSTEM \"http://127.0.0.1:9/marc.dtd\">"
                        + "<collection xmlns=\"" + MARC + "\">" + marcRecord("", "r1", "Emma") + "</collection>");

        assertEquals(1, records.size());
        assertEquals(marcXml("r1", "Emma"), records.get(0).xml());
    }

    // ------------------------------------------------------------------------------------ plumbing

    @Test
    void closingTheReaderClosesItsInput() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in =
                new ByteArrayInputStream(
                        ("<collection xmlns=\"" + MARC + "\">" + marcRecord("", "r1", "Emma") + "</collection>")
                                .getBytes(StandardCharsets.UTF_8)) {
                    @Override
                    public void close() throws IOException {
                        closed.set(true);
                        super.close();
                    }
                };
        new XmlRecordReader(in, "test.xml", null).close();
        assertTrue(closed.get());
    }

    @Test
    void aJatsArticleIsFoundWithItsDoctypeOrInsideOaiPmh() throws Exception {
        String article = "<article xmlns:xlink=\"http://www.w3.org/1999/xlink\"><front><article-meta><title-group>"
                + "<article-title>Markets</article-title></title-group></article-meta></front></article>";
        List<RawRecord> file = read("<?xml version=\"1.0\"?>\n<!DOCTYPE article PUBLIC "
                + "\"-//NLM//DTD Journal Publishing DTD v3.0 20080202//EN\" \"journalpublishing3.dtd\">\n" + article);
        assertEquals(1, file.size());
        assertEquals(RecordFormat.JATS, file.get(0).format());
        assertTrue(file.get(0).xml().contains("<article-title>Markets</article-title>"));
        List<RawRecord> oai = read("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords><record>"
                + "<header><identifier>oai:pmc:1</identifier><datestamp>2020-01-01</datestamp></header><metadata>"
                + article.replace("<article ", "<article xmlns=\"https://jats.nlm.nih.gov/ns/archiving/1.0/\" ")
                + "</metadata></record></ListRecords></OAI-PMH>");
        assertEquals(RecordFormat.JATS, oai.get(0).format());
        assertEquals("oai:pmc:1", oai.get(0).sourceIdentifier());
    }

    @Test
    void aDoajArticleIsFoundAloneOrInsideOaiPmhWithItsUnprefixedChildren() {
        String article = "<oai_doaj:doajArticle xmlns:oai_doaj=\"http://doaj.org/features/oai_doaj/1.0/\">"
                + "<oai_doaj:title>Pension reform</oai_doaj:title><authors><author><name>Ana Horvat</name></author>"
                + "</authors></oai_doaj:doajArticle>";
        List<RawRecord> file = read(article);
        assertEquals(1, file.size());
        assertEquals(RecordFormat.OAI_DOAJ, file.get(0).format());
        assertTrue(
                file.get(0).xml().contains("<name>Ana Horvat</name>"),
                file.get(0).xml());
        List<RawRecord> oai = read("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords><record>"
                + "<header><identifier>oai:doaj.org/article:1</identifier><datestamp>2020-01-01T00:00:00Z</datestamp>"
                + "</header><metadata>" + article + "</metadata></record></ListRecords></OAI-PMH>");
        assertEquals(1, oai.size());
        assertEquals(RecordFormat.OAI_DOAJ, oai.get(0).format());
        assertEquals("oai:doaj.org/article:1", oai.get(0).sourceIdentifier());
    }

    @Test
    void arxivRecordsAreFoundInEitherFormatWithOrWithoutNamespaces() {
        String arxiv = "<arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\"><id>1101.4388</id><title>Spaces</title></arXiv>";
        String raw = "<arXivRaw xmlns=\"http://arxiv.org/OAI/arXivRaw/\"><id>cs/0112017</id><title>Libraries</title>"
                + "<authors>Mei Chen and Oriana Ruiz</authors></arXivRaw>";
        for (String record : List.of(arxiv, raw, "<arXiv><id>0804.2273</id><title>ORE</title></arXiv>")) {
            List<RawRecord> file = read(record);
            assertEquals(1, file.size(), record);
            assertEquals(RecordFormat.ARXIV, file.get(0).format(), record);
        }
        String listRecords = "<ListRecords><record><header><identifier>oai:arXiv.org:1101.4388</identifier>"
                + "<datestamp>2015-01-16</datestamp></header><metadata>%s</metadata></record><record><header>"
                + "<identifier>oai:arXiv.org:cs/0112017</identifier><datestamp>2015-01-16</datestamp></header>"
                + "<metadata>%s</metadata></record></ListRecords>";
        List<RawRecord> oai = read("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                + listRecords.formatted(arxiv, raw) + "</OAI-PMH>");
        assertEquals(
                List.of(RecordFormat.ARXIV, RecordFormat.ARXIV),
                oai.stream().map(RawRecord::format).toList());
        assertEquals(List.of("oai:arXiv.org:1101.4388", "oai:arXiv.org:cs/0112017"), localIds(oai));
        // The copy of an arXiv response in the wild that has lost every namespace, the OAI-PMH one too.
        List<RawRecord> bare = read("<OAI-PMH>"
                + listRecords.formatted(
                        "<arXiv><id>1101.4388</id><title>Spaces</title></arXiv>",
                        "<arXivRaw><id>cs/0112017</id><title>Libraries</title></arXivRaw>")
                + "</OAI-PMH>");
        assertEquals(
                List.of(RecordFormat.ARXIV, RecordFormat.ARXIV),
                bare.stream().map(RawRecord::format).toList());
        assertEquals(List.of("oai:arXiv.org:1101.4388", "oai:arXiv.org:cs/0112017"), localIds(bare));
        assertTrue(
                bare.get(1).xml().contains("<title>Libraries</title>"),
                bare.get(1).xml());
    }

    @Test
    void theSharedArxivResponsesAreReadWhole() throws IOException {
        List<RawRecord> list = corpus("articles/invenio-oaiharvester/sample_arxiv_response_listrecords_cs.xml");
        assertEquals(46, list.size());
        assertTrue(list.stream().allMatch(r -> r.format() == RecordFormat.ARXIV && r.error() == null));
        assertEquals("oai:arXiv.org:1101.4388", list.get(0).sourceIdentifier());
        List<RawRecord> bare = corpus("articles/invenio-oaiharvester/sample_arxiv_response_no_namespace.xml");
        assertEquals(1, bare.size());
        assertEquals(RecordFormat.ARXIV, bare.get(0).format());
        assertEquals("oai:arXiv.org:0804.2273", bare.get(0).sourceIdentifier());
    }
}

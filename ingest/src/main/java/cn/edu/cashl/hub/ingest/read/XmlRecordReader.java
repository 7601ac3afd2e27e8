package cn.edu.cashl.hub.ingest.read;

import cn.edu.cashl.hub.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;

/**
 * Streams the records of an XML input, whatever its wrapper: MARCXML or MarcXchange (a collection or
 * a single record), MODS (modsCollection or mods), Dublin Core (oai_dc:dc), JATS articles, DOAJ
 * articles (doajArticle), arXiv e-prints (arXiv, arXivRaw), and OAI-PMH responses (ListRecords or
 * GetRecord) holding any of these, with each record's header identifier, datestamp and deleted
 * status. Parsed with StAX, DTDs and external entities off; one record in memory.
 *
 * <p>MARC records are rebuilt as marc4j records and written out as MARCXML, so that MarcXchange and
 * namespace-less MARCXML reach the crosswalk in one form. Other records are copied out as standalone
 * documents.
 */
public final class XmlRecordReader extends LookAheadReader {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String MODS = "http://www.loc.gov/mods/v3";
    /** Namespaces OAI-PMH providers put JATS front matter in (PubMed Central's pmc_fm and pmc, some OJS). */
    static final java.util.Set<String> JATS_NAMESPACES = java.util.Set.of(
            "https://jats.nlm.nih.gov/ns/archiving/1.0/",
            "http://jats.nlm.nih.gov",
            "https://jats.nlm.nih.gov/ns/publishing/1.0/");

    /** DOAJ's article format (metadataPrefix oai_doaj). */
    static final String OAI_DOAJ = "http://doaj.org/features/oai_doaj/1.0/";
    /** arXiv's two formats of its own (metadataPrefix arXiv and arXivRaw), by root element. */
    static final java.util.Map<String, String> ARXIV_NAMESPACES = java.util.Map.of(
            "arXiv", "http://arxiv.org/OAI/arXiv/",
            "arXivRaw", "http://arxiv.org/OAI/arXivRaw/");

    static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final Set<String> MARC_NAMESPACES =
            Set.of(MarcXml.NAMESPACE, "info:lc/xmlns/marcxchange-v1", "info:lc/xmlns/marcxchange-v2", "");
    private static final XMLOutputFactory OUTPUT = repairingOutputFactory();

    private final XMLEventReader events;
    private final InputStream in;
    private final String name;
    private final RecordFormat forcedMarc;
    private final MarcFactory marcFactory = MarcFactory.newInstance();
    private int count;
    /** Set when the input cannot even be opened as XML: the one record this reader gives. */
    private RawRecord openFailure;

    // The OAI-PMH record being read, if any.
    private boolean inOaiRecord;
    private String oaiIdentifier;
    private String oaiDatestamp;
    private boolean oaiDeleted;
    private RawRecord oaiMetadata;
    private boolean isInsideMetadata;
    private boolean inOaiRecordSeen;
    // What kind of document this is, learnt from its first elements.
    private boolean sawRecordContainer;
    private boolean oaiDocument;
    /** A provider that leaves out the OAI-PMH namespace (seen in the wild): read it all the same. */
    private boolean oaiWithoutNamespace;

    /**
     * @param forcedMarc MARC21 or UNIMARC to impose on MARC records, or null to tell from content
     */
    public XmlRecordReader(InputStream in, String name, RecordFormat forcedMarc) {
        this.in = in;
        this.name = name;
        this.forcedMarc = forcedMarc;
        XMLEventReader reader;
        try {
            reader = SecureXml.newInputFactory().createXMLEventReader(in);
        } catch (XMLStreamException e) {
            reader = null;
            openFailure = RawRecord.unreadable(name, "not an XML document: " + e.getMessage(), null);
        }
        this.events = reader;
    }

    @Override
    protected RawRecord readNext() {
        if (events == null) {
            giveUp();
            return openFailure;
        }
        try {
            return readRecord();
        } catch (XMLStreamException | RuntimeException e) {
            giveUp();
            return RawRecord.unreadable(
                    name + " after record " + count,
                    "the XML is not well-formed" + where(e) + ": " + message(e)
                            + "; the rest of the input could not be read",
                    null);
        }
    }

    private RawRecord readRecord() throws XMLStreamException {
        while (events.hasNext()) {
            XMLEvent event = events.nextEvent();
            if (event.isStartElement()) {
                StartElement start = event.asStartElement();
                QName qname = start.getName();
                String ns = qname.getNamespaceURI();
                String local = qname.getLocalPart();
                if (!oaiDocument && ns.isEmpty() && local.equals("OAI-PMH")) {
                    oaiWithoutNamespace = true;
                }
                if (OAI.equals(ns) || (oaiWithoutNamespace && ns.isEmpty() && !isInsideMetadata)) {
                    handleOaiStart(start);
                    continue;
                }
                if (oaiDocument && !isInsideMetadata) {
                    // Identify and set descriptions, and the like: not records.
                    skipElement();
                    continue;
                }
                RawRecord record = readRecordElement(start);
                if (record != null) {
                    if (inOaiRecord) {
                        oaiMetadata = record;
                        continue;
                    }
                    return record;
                }
                if (inOaiRecord && oaiMetadata == null && isInsideMetadata) {
                    oaiMetadata = unsupported(start);
                    skipElement();
                }
                if (!oaiDocument && !isContainer(ns, local) && count == 0 && !sawRecordContainer) {
                    giveUp();
                    return RawRecord.unreadable(
                            name,
                            "no records found: root element " + qname
                                    + " is not MARCXML, MODS, Dublin Core, JATS, DOAJ, arXiv or OAI-PMH",
                            null);
                }
                sawRecordContainer = true;
            } else if (event.isEndElement()) {
                QName qname = event.asEndElement().getName();
                if (OAI.equals(qname.getNamespaceURI())
                        || (oaiWithoutNamespace && qname.getNamespaceURI().isEmpty())) {
                    if ("metadata".equals(qname.getLocalPart())) {
                        isInsideMetadata = false;
                    } else if ("header".equals(qname.getLocalPart()) && !inOaiRecord) {
                        return finishOaiRecord(); // ListIdentifiers: a header alone
                    } else if ("record".equals(qname.getLocalPart()) && inOaiRecord) {
                        inOaiRecord = false;
                        return finishOaiRecord();
                    }
                }
            }
        }
        return null;
    }

    /**
     * A JATS (NISO Z39.96) or NLM article: {@code article} without a namespace, as every version
     * from NLM 2.3 to JATS 1.3 writes it, or in the namespace some OAI-PMH providers give it.
     */
    private static boolean isJats(String ns, String local) {
        return local.equals("article") && (ns.isEmpty() || JATS_NAMESPACES.contains(ns));
    }

    /**
     * A DOAJ article ({@code doajArticle}) or an arXiv e-print ({@code arXiv}, {@code arXivRaw}), in
     * its namespace or in none: DOAJ's own records leave some elements unprefixed, and copies of arXiv
     * responses without any namespace are about.
     */
    private static RecordFormat articleFormat(String ns, String local) {
        if (local.equals("doajArticle") && (ns.isEmpty() || OAI_DOAJ.equals(ns))) {
            return RecordFormat.OAI_DOAJ;
        }
        String arxiv = ARXIV_NAMESPACES.get(local);
        if (arxiv != null && (ns.isEmpty() || arxiv.equals(ns))) {
            return RecordFormat.ARXIV;
        }
        return isJats(ns, local) ? RecordFormat.JATS : null;
    }

    private static boolean isContainer(String ns, String local) {
        return (MARC_NAMESPACES.contains(ns) && local.equals("collection"))
                || (MODS.equals(ns) && local.equals("modsCollection"));
    }

    private void handleOaiStart(StartElement start) throws XMLStreamException {
        oaiDocument = true;
        switch (start.getName().getLocalPart()) {
            case "record" -> {
                inOaiRecord = true;
                inOaiRecordSeen = true;
                oaiIdentifier = null;
                oaiDatestamp = null;
                oaiDeleted = false;
                oaiMetadata = null;
            }
            case "header" -> {
                if (!inOaiRecord) {
                    oaiIdentifier = null;
                    oaiDatestamp = null;
                    oaiMetadata = null;
                }
                Attribute status = start.getAttributeByName(new QName("status"));
                oaiDeleted = status != null && "deleted".equals(status.getValue());
            }
            case "identifier" -> {
                if (oaiIdentifier == null) {
                    oaiIdentifier = events.getElementText().strip();
                }
            }
            case "datestamp" -> {
                if (oaiDatestamp == null) {
                    oaiDatestamp = events.getElementText().strip();
                }
            }
            case "metadata" -> isInsideMetadata = true;
            case "about" -> skipElement();
            default -> {
                // OAI-PMH root, ListRecords, resumptionToken, request, responseDate, error...
            }
        }
    }

    private RawRecord finishOaiRecord() {
        count++;
        String position = name + ", record " + count + (oaiIdentifier == null ? "" : " (" + oaiIdentifier + ")");
        if (oaiDeleted) {
            return new RawRecord(
                    null, null, oaiIdentifier, oaiIdentifier, oaiDatestamp, true, position, List.of(), null);
        }
        if (oaiMetadata == null) {
            return RawRecord.unreadable(
                    position,
                    inOaiRecordSeen
                            ? "OAI-PMH record without metadata and not marked deleted"
                            : "OAI-PMH header without metadata (a ListIdentifiers response): harvest it with ListRecords",
                    null);
        }
        RawRecord m = oaiMetadata;
        return new RawRecord(
                m.format(),
                m.xml(),
                oaiIdentifier != null ? oaiIdentifier : m.localId(),
                oaiIdentifier,
                oaiDatestamp,
                false,
                position,
                m.repairs(),
                m.error());
    }

    /** A record element, read whole; null if the element is not one (a wrapper, say). */
    private RawRecord readRecordElement(StartElement start) throws XMLStreamException {
        String ns = start.getName().getNamespaceURI();
        String local = start.getName().getLocalPart();
        boolean oaiPosition = inOaiRecord;
        if (MARC_NAMESPACES.contains(ns) && local.equals("record")) {
            if (!oaiPosition) {
                count++;
            }
            return readMarc(start, oaiPosition ? name : name + ", record " + count);
        }
        boolean bareDc = oaiWithoutNamespace && ns.isEmpty() && local.equals("dc");
        RecordFormat format = MODS.equals(ns) && local.equals("mods")
                ? RecordFormat.MODS
                : (OAI_DC.equals(ns) && local.equals("dc")) || bareDc ? RecordFormat.OAI_DC : articleFormat(ns, local);
        if (format == null) {
            return null;
        }
        if (!oaiPosition) {
            count++;
        }
        String xml = bareDc ? copyBareDublinCore(start) : copySubtree(start);
        List<String> repairs =
                bareDc ? List.of("Dublin Core without namespaces: put into the oai_dc and dc namespaces") : List.of();
        return new RawRecord(
                format, xml, null, null, null, false, oaiPosition ? name : name + ", record " + count, repairs, null);
    }

    private RawRecord unsupported(StartElement start) {
        return RawRecord.unreadable(
                name,
                "unsupported metadata format " + start.getName()
                        + " (the hub reads MARCXML, MODS, oai_dc, JATS, oai_doaj, arXiv and arXivRaw)",
                null);
    }

    /** Copies the element that starts with {@code start} as a standalone document. */
    private String copySubtree(StartElement start) throws XMLStreamException {
        return copyElement(start, (event, outermost) -> event);
    }

    /** Copies a namespace-less {@code dc} element as oai_dc:dc with dc: children. */
    private String copyBareDublinCore(StartElement start) throws XMLStreamException {
        javax.xml.stream.XMLEventFactory factory = javax.xml.stream.XMLEventFactory.newDefaultFactory();
        return copyElement(start, (event, outermost) -> {
            if (event.isStartElement()
                    && event.asStartElement().getName().getNamespaceURI().isEmpty()) {
                String local = event.asStartElement().getName().getLocalPart();
                return outermost
                        ? factory.createStartElement("oai_dc", OAI_DC, "dc")
                        : factory.createStartElement("dc", DC, local);
            }
            if (event.isEndElement()
                    && event.asEndElement().getName().getNamespaceURI().isEmpty()) {
                String local = event.asEndElement().getName().getLocalPart();
                return outermost
                        ? factory.createEndElement("oai_dc", OAI_DC, "dc")
                        : factory.createEndElement("dc", DC, local);
            }
            return event;
        });
    }

    /** Changes an event on its way into a copy; {@code outermost} marks the copied element's own start and end. */
    private interface Rename {
        XMLEvent apply(XMLEvent event, boolean outermost);
    }

    /**
     * Writes the element that starts with {@code start}, and everything inside it, to a string,
     * passing each event through {@code rename}. The repairing writer adds the namespace
     * declarations the copy needs.
     */
    private String copyElement(StartElement start, Rename rename) throws XMLStreamException {
        StringWriter out = new StringWriter(2048);
        XMLEventWriter writer = OUTPUT.createXMLEventWriter(out);
        writer.add(rename.apply(start, true));
        walkElement((event, outermost) -> {
            if (!event.isStartDocument() && !event.isEndDocument() && event.getEventType() != XMLEvent.DTD) {
                writer.add(rename.apply(event, outermost));
            }
        });
        writer.close();
        return out.toString();
    }

    private void skipElement() throws XMLStreamException {
        walkElement((event, outermost) -> {});
    }

    /** Receives the events inside an element; {@code outermost} marks the element's own end. */
    private interface ElementEvents {
        void accept(XMLEvent event, boolean outermost) throws XMLStreamException;
    }

    /** Reads on to the end of the element whose start was just read, handing over every event. */
    private void walkElement(ElementEvents consumer) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            XMLEvent event = events.nextEvent();
            if (event.isStartElement()) {
                depth++;
            } else if (event.isEndElement()) {
                depth--;
            }
            consumer.accept(event, depth == 0);
        }
    }

    private RawRecord readMarc(StartElement start, String position) throws XMLStreamException {
        org.marc4j.marc.Record record = marcFactory.newRecord();
        List<String> repairs = new ArrayList<>();
        String problem = null;
        DataField field = null;
        int depth = 1;
        while (depth > 0) {
            XMLEvent event = events.nextEvent();
            if (event.isEndElement()) {
                depth--;
                if ("datafield".equals(event.asEndElement().getName().getLocalPart())) {
                    field = null;
                }
                continue;
            }
            if (!event.isStartElement()) {
                continue;
            }
            depth++;
            StartElement element = event.asStartElement();
            switch (element.getName().getLocalPart()) {
                case "leader" -> {
                    depth--;
                    String leader = events.getElementText();
                    if (leader.length() != 24) {
                        repairs.add("leader had " + leader.length() + " characters: padded or cut to 24");
                        leader = (leader + "                        ").substring(0, 24);
                    }
                    record.setLeader(marcFactory.newLeader(leader));
                }
                case "controlfield" -> {
                    depth--;
                    String tag = attribute(element, "tag");
                    String data = events.getElementText();
                    if (tag == null || tag.isBlank()) {
                        problem = problem != null ? problem : "controlfield without tag" + line(element);
                    } else {
                        record.addVariableField(marcFactory.newControlField(tag, data));
                    }
                }
                case "datafield" -> {
                    String tag = attribute(element, "tag");
                    if (tag == null || tag.isBlank()) {
                        problem = problem != null ? problem : "datafield without tag" + line(element);
                        field = null;
                    } else {
                        field = marcFactory.newDataField(tag, indicator(element, "ind1"), indicator(element, "ind2"));
                        record.addVariableField(field);
                    }
                }
                case "subfield" -> {
                    depth--;
                    String code = attribute(element, "code");
                    String data = events.getElementText();
                    if (code == null || code.isEmpty()) {
                        problem = problem != null
                                ? problem
                                : "subfield without code" + line(element)
                                        + (field == null ? "" : " in field " + field.getTag());
                    } else if (field != null) {
                        field.addSubfield(marcFactory.newSubfield(code.charAt(0), data));
                    }
                }
                default -> {
                    // unknown element inside a record: ignored
                }
            }
        }
        if (problem != null) {
            return RawRecord.unreadable(position, "malformed MARCXML: " + problem, null);
        }
        if (record.getLeader() == null) {
            repairs.add("record had no leader: a blank one was supplied");
            record.setLeader(marcFactory.newLeader("     nam a22     2i 4500"));
        }
        if (record.getVariableFields().isEmpty()) {
            return RawRecord.unreadable(position, "MARCXML record without fields", null);
        }
        RecordFormat format = forcedMarc != null ? forcedMarc : MarcFlavour.of(record);
        String localId = record.getControlNumber() == null
                ? null
                : record.getControlNumber().strip();
        return new RawRecord(
                format,
                MarcXml.write(record, repairs),
                localId == null || localId.isEmpty() ? null : localId,
                null,
                null,
                false,
                position,
                repairs,
                null);
    }

    private static String attribute(StartElement element, String name) {
        Attribute attribute = element.getAttributeByName(new QName(name));
        return attribute == null ? null : attribute.getValue();
    }

    private static char indicator(StartElement element, String name) {
        String value = attribute(element, name);
        return value == null || value.isEmpty() ? ' ' : value.charAt(0);
    }

    private static String line(StartElement element) {
        Location location = element.getLocation();
        return location == null || location.getLineNumber() < 0 ? "" : " at line " + location.getLineNumber();
    }

    private static String where(Exception e) {
        if (e instanceof XMLStreamException stream && stream.getLocation() != null) {
            return " at line " + stream.getLocation().getLineNumber() + ", column "
                    + stream.getLocation().getColumnNumber();
        }
        return "";
    }

    private static String message(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int detail = message.indexOf("Message: ");
        return detail >= 0 ? message.substring(detail + 9) : message;
    }

    private static XMLOutputFactory repairingOutputFactory() {
        XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();
        factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
        return factory;
    }

    @Override
    public void close() {
        try {
            if (events != null) {
                events.close();
            }
            in.close();
        } catch (XMLStreamException | IOException e) {
            // nothing more to read anyway
        }
    }
}

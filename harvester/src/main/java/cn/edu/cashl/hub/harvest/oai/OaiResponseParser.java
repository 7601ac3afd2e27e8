package cn.edu.cashl.hub.harvest.oai;

import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.ingest.read.RecordFormat;
import cn.edu.cashl.hub.ingest.read.XmlRecordReader;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Reads one OAI-PMH response from its (repaired) text with StAX, DTDs and external entities off.
 *
 * <p>Each record's metadata element is cut out of the page text exactly as the provider sent it,
 * with the namespace declarations it inherits from the envelope added to its root, so that the raw
 * store holds the provider's own bytes as a standalone document. MARCXML, MODS and oai_dc records go
 * to the crosswalk like that; other MARC dialects (MarcXchange, MARCXML without namespace) are
 * normalised to MARCXML first, as file imports do.
 *
 * <p>Woodstox, not the JDK's parser: cutting out needs exact character offsets of tags, which the
 * JDK's StAX reports wrongly once its buffer has been refilled.
 */
public final class OaiResponseParser {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    private static final String MARC = "http://www.loc.gov/MARC21/slim";
    private static final String MODS = "http://www.loc.gov/mods/v3";
    private static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    private static final XMLInputFactory INPUT = secureWoodstox();

    private final RecordFormat marcFormat;

    /** @param marcFormat what MARCXML records of this source are: MARC21 or UNIMARC */
    public OaiResponseParser(RecordFormat marcFormat) {
        this.marcFormat = marcFormat;
    }

    /** What MARCXML records harvested in this metadata format are: UNIMARC when the prefix says so, MARC 21 otherwise. */
    public static RecordFormat marcFormatOf(String metadataPrefix) {
        return metadataPrefix != null && metadataPrefix.toLowerCase(Locale.ROOT).contains("unimarc")
                ? RecordFormat.UNIMARC
                : RecordFormat.MARC21;
    }

    /**
     * @param text    the page, repaired
     * @param repairs the repairs made to it, to be attributed to records
     * @param name    how to name this page in positions and messages
     */
    public OaiResponse parse(String text, List<TextRepair.Repair> repairs, String name)
            throws MalformedResponseException {
        try {
            return new Parse(text, repairs, name).run();
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNumber() + ", column "
                            + e.getLocation().getColumnNumber();
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            int detail = message.indexOf("Message: ");
            throw new MalformedResponseException(name + " is not well-formed XML" + where + ": "
                    + (detail >= 0 ? message.substring(detail + 9) : message));
        }
    }

    /** The state of one parse. */
    private final class Parse {
        private final String text;
        private final List<TextRepair.Repair> repairs;
        private final String name;
        private final XMLStreamReader2 xml;
        /** Namespace declarations of the open elements, innermost last. */
        private final Deque<Map<String, String>> scopes = new ArrayDeque<>();

        private final List<RawRecord> records = new ArrayList<>();
        private final List<String> repairLog = new ArrayList<>();
        private int repairIndex;
        private String responseDate;
        private String errorCode;
        private String errorMessage;
        private ResumptionToken token;
        private final Map<String, String> identify = new HashMap<>();
        private final List<String> compression = new ArrayList<>();
        private final List<String> metadataPrefixes = new ArrayList<>();
        private boolean isIdentify;

        Parse(String text, List<TextRepair.Repair> repairs, String name) throws XMLStreamException {
            this.text = text;
            this.repairs = repairs;
            this.name = name;
            this.xml = (XMLStreamReader2) INPUT.createXMLStreamReader(new StringReader(text));
        }

        OaiResponse run() throws XMLStreamException {
            boolean root = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    pushScope();
                    if (!root) {
                        root = true;
                        if (!"OAI-PMH".equals(xml.getLocalName())) {
                            throw new XMLStreamException("the root element is " + xml.getName() + ", not OAI-PMH");
                        }
                        continue;
                    }
                    envelopeElement();
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    scopes.removeLast();
                }
            }
            if (!root) {
                throw new XMLStreamException("the response has no root element");
            }
            while (repairIndex < repairs.size()) {
                repairLog.add(name + ": " + repairs.get(repairIndex++).description());
            }
            Identify identity = isIdentify
                    ? new Identify(
                            identify.get("repositoryName"),
                            identify.get("baseURL"),
                            Granularity.of(identify.get("granularity")),
                            identify.get("earliestDatestamp"),
                            identify.get("deletedRecord"),
                            compression,
                            responseDate,
                            identify.get("protocolVersion"),
                            identify.get("granularity"))
                    : null;
            return new OaiResponse(
                    responseDate, errorCode, errorMessage, identity, records, token, repairLog, metadataPrefixes);
        }

        private void envelopeElement() throws XMLStreamException {
            switch (xml.getLocalName()) {
                case "responseDate" -> responseDate = elementText();
                case "error" -> {
                    if (errorCode == null) {
                        errorCode = xml.getAttributeValue(null, "code");
                        errorMessage = elementText();
                    }
                }
                case "Identify" -> isIdentify = true;
                case "repositoryName",
                        "baseURL",
                        "protocolVersion",
                        "granularity",
                        "earliestDatestamp",
                        "deletedRecord" -> {
                    if (isIdentify && depth() == 3) {
                        identify.put(xml.getLocalName(), elementText());
                    }
                }
                case "compression" -> {
                    if (isIdentify && depth() == 3) {
                        compression.add(elementText());
                    }
                }
                case "metadataPrefix" -> {
                    // ListMetadataFormats: OAI-PMH > ListMetadataFormats > metadataFormat > metadataPrefix
                    if (depth() == 4) {
                        metadataPrefixes.add(elementText().strip());
                    }
                }
                case "description" -> skip();
                case "record" -> records.add(record());
                case "header" -> records.add(headerOnly());
                case "resumptionToken" -> {
                    long size = number("completeListSize");
                    long cursor = number("cursor");
                    String expires = xml.getAttributeValue(null, "expirationDate");
                    token = new ResumptionToken(elementText(), size, cursor, expires);
                }
                default -> {
                    // the request element, verbs' wrappers: nothing to take
                }
            }
        }

        /** A {@code record} element: its header, then its metadata cut out of the text. */
        private RawRecord record() throws XMLStreamException {
            int start = tagStart();
            Header header = null;
            Metadata metadata = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    pushScope();
                    switch (xml.getLocalName()) {
                        case "header" -> header = readHeader();
                        case "metadata" -> metadata = readMetadata();
                        default -> skip();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    scopes.removeLast();
                    break;
                }
            }
            return toRawRecord(header == null ? new Header(null, null, false) : header, metadata, start, offset());
        }

        /** A header alone, as ListIdentifiers sends them. */
        private RawRecord headerOnly() throws XMLStreamException {
            int start = tagStart();
            return toRawRecord(readHeader(), null, start, offset());
        }

        private Header readHeader() throws XMLStreamException {
            boolean deleted = "deleted".equals(xml.getAttributeValue(null, "status"));
            String identifier = null;
            String datestamp = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    pushScope();
                    switch (xml.getLocalName()) {
                        case "identifier" ->
                            identifier = identifier != null
                                    ? identifier
                                    : elementText().strip();
                        case "datestamp" ->
                            datestamp = datestamp != null
                                    ? datestamp
                                    : elementText().strip();
                        default -> skip();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    scopes.removeLast();
                    break;
                }
            }
            return new Header(identifier, datestamp, deleted);
        }

        /** The metadata element's one child, exactly as sent. */
        private Metadata readMetadata() throws XMLStreamException {
            Metadata metadata = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    pushScope();
                    if (metadata == null) {
                        metadata = copyElement();
                    } else {
                        skip();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    scopes.removeLast();
                    break;
                }
            }
            return metadata;
        }

        /** Cuts out the element just started, and declares on it the namespaces it inherits and uses. */
        private Metadata copyElement() throws XMLStreamException {
            String namespace = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
            String local = xml.getLocalName();
            int start = tagStart();
            int nameEnd = start
                    + 1
                    + (xml.getPrefix() == null || xml.getPrefix().isEmpty()
                            ? 0
                            : xml.getPrefix().length() + 1)
                    + local.length();
            Map<String, String> inherited = new LinkedHashMap<>();
            scopes.stream().limit(scopes.size() - 1).forEach(inherited::putAll);
            Set<String> own = scopes.getLast().keySet();
            Set<String> used = new TreeSet<>();
            int depth = 1;
            usedPrefixes(used);
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    usedPrefixes(used);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            scopes.removeLast();
            StringBuilder declarations = new StringBuilder();
            for (String prefix : used) {
                String uri = inherited.get(prefix);
                if (uri != null && !own.contains(prefix)) {
                    declarations
                            .append(prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix)
                            .append("=\"")
                            .append(uri.replace("&", "&amp;")
                                    .replace("\"", "&quot;")
                                    .replace("<", "&lt;"))
                            .append('"');
                }
            }
            String copy = text.substring(start, nameEnd) + declarations + text.substring(nameEnd, offset());
            return new Metadata(namespace, local, copy);
        }

        private void usedPrefixes(Set<String> used) {
            used.add(xml.getPrefix() == null ? "" : xml.getPrefix());
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                String prefix = xml.getAttributePrefix(i);
                if (prefix != null && !prefix.isEmpty()) {
                    used.add(prefix);
                }
            }
        }

        private RawRecord toRawRecord(Header header, Metadata metadata, int start, int end) {
            String position = name + ", record " + (records.size() + 1)
                    + (header.identifier == null ? "" : " (" + header.identifier + ")");
            List<String> notes = new ArrayList<>();
            while (repairIndex < repairs.size() && repairs.get(repairIndex).offset() < end) {
                String description = repairs.get(repairIndex++).description();
                notes.add(description);
                repairLog.add(
                        repairs.get(repairIndex - 1).offset() >= start
                                ? position + ": " + description
                                : name + ": " + description);
            }
            if (header.deleted) {
                return new RawRecord(
                        null,
                        null,
                        header.identifier,
                        header.identifier,
                        header.datestamp,
                        true,
                        position,
                        notes,
                        null);
            }
            if (metadata == null) {
                return new RawRecord(
                        null,
                        null,
                        header.identifier,
                        header.identifier,
                        header.datestamp,
                        false,
                        position,
                        notes,
                        "OAI-PMH record without metadata and not marked deleted");
            }
            RecordFormat format = (MARC.equals(metadata.namespace) && "record".equals(metadata.local))
                    ? marcFormat
                    : MODS.equals(metadata.namespace) && "mods".equals(metadata.local)
                            ? RecordFormat.MODS
                            : OAI_DC.equals(metadata.namespace) && "dc".equals(metadata.local)
                                    ? RecordFormat.OAI_DC
                                    : null;
            if (format != null) {
                return new RawRecord(
                        format,
                        metadata.xml,
                        header.identifier,
                        header.identifier,
                        header.datestamp,
                        false,
                        position,
                        notes,
                        null);
            }
            // Another dialect: read it as a file import would, which normalises MARC or says why not.
            try (XmlRecordReader reader = new XmlRecordReader(
                    new ByteArrayInputStream(metadata.xml.getBytes(StandardCharsets.UTF_8)),
                    position,
                    marcFormat == RecordFormat.UNIMARC ? marcFormat : null)) {
                RawRecord read = reader.hasNext()
                        ? reader.next()
                        : RawRecord.unreadable(position, "empty metadata", metadata.xml);
                List<String> all = new ArrayList<>(notes);
                all.addAll(read.repairs());
                String error = read.readable() ? null : read.error();
                return new RawRecord(
                        read.format(),
                        read.readable() ? read.xml() : metadata.xml,
                        header.identifier,
                        header.identifier,
                        header.datestamp,
                        false,
                        position,
                        all,
                        error);
            }
        }

        private void pushScope() {
            int count = xml.getNamespaceCount();
            if (count == 0) {
                scopes.addLast(Map.of());
                return;
            }
            Map<String, String> declared = new HashMap<>();
            for (int i = 0; i < count; i++) {
                declared.put(
                        xml.getNamespacePrefix(i) == null ? "" : xml.getNamespacePrefix(i),
                        xml.getNamespaceURI(i) == null ? "" : xml.getNamespaceURI(i));
            }
            scopes.addLast(declared);
        }

        private int depth() {
            return scopes.size();
        }

        /** Reads the text of the element just started, leaving the reader on its end. */
        private String elementText() throws XMLStreamException {
            String value = xml.getElementText();
            scopes.removeLast();
            return value;
        }

        /** Skips the element just started. */
        private void skip() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            scopes.removeLast();
        }

        /** Where the reader is in the text: just after the tag it has read. */
        private int offset() throws XMLStreamException {
            return (int) xml.getLocationInfo().getEndingCharOffset();
        }

        /** Where the tag just read begins. */
        private int tagStart() {
            return (int) xml.getLocationInfo().getStartingCharOffset();
        }

        private long number(String attribute) {
            String value = xml.getAttributeValue(null, attribute);
            try {
                return value == null ? -1 : Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    private static XMLInputFactory secureWoodstox() {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    private record Header(String identifier, String datestamp, boolean deleted) {}

    private record Metadata(String namespace, String local, String xml) {}
}

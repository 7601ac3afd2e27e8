package cn.edu.cashl.hub.schema;

import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.ObjectFactory;
import cn.edu.cashl.hub.xml.SecureXml;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.UnmarshallerHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads, writes and validates canonical CASHL records against {@code cashl-record-v1.xsd}.
 *
 * <p>Reading parses once: the secure SAX parser feeds the schema validator, which feeds JAXB. Every
 * violation is reported with its line, column and the path of the element it occurred in, and the
 * record is rejected as a whole; there is no "mostly valid" record. Writing validates what it wrote,
 * so an in-memory record that breaks the schema never leaves this class.
 *
 * <p>Thread-safe: the schema and the JAXB context are shared, parsers and marshallers are per call.
 */
public final class CashlRecords {

    /** The namespace of schema version 1. */
    public static final String NAMESPACE = "https://ns.cashl.edu.cn/record/v1";
    /** Class-path location of the XSD. */
    public static final String XSD_RESOURCE = "/xsd/cashl-record-v1.xsd";

    private static final CashlRecords INSTANCE = new CashlRecords();

    private final Schema schema;
    private final JAXBContext context;
    // Building a parser or a validator costs more than validating a record: each thread keeps one.
    // Neither is re-entrant, and nothing here parses while parsing.
    private final ThreadLocal<XMLReader> readers = ThreadLocal.withInitial(SecureXml::newXmlReader);
    private final ThreadLocal<ReusableValidator> validators;
    private final ObjectFactory factory = new ObjectFactory();

    private CashlRecords() {
        URL xsd = CashlRecords.class.getResource(XSD_RESOURCE);
        try {
            // The JDK's schema factory: Saxon-HE, when present, cannot validate.
            SchemaFactory schemaFactory = SchemaFactory.newDefaultInstance();
            schemaFactory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            schemaFactory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            this.schema = schemaFactory.newSchema(new StreamSource(xsd.openStream(), xsd.toExternalForm()));
            this.context = JAXBContext.newInstance(ObjectFactory.class);
            Schema compiled = this.schema;
            this.validators = ThreadLocal.withInitial(() -> new ReusableValidator(compiled));
        } catch (SAXException | IOException | JAXBException e) {
            throw new IllegalStateException("cannot load the CASHL schema " + XSD_RESOURCE, e);
        }
    }

    public static CashlRecords get() {
        return INSTANCE;
    }

    /** The compiled schema, for callers that validate other representations (e.g. XSLT output). */
    public Schema schema() {
        return schema;
    }

    /** Parses and validates one record. */
    public CashlRecord read(InputStream xml) throws InvalidRecordException, IOException {
        try {
            UnmarshallerHandler unmarshaller = context.createUnmarshaller().getUnmarshallerHandler();
            parseValidating(new InputSource(xml), unmarshaller);
            @SuppressWarnings("unchecked")
            JAXBElement<CashlRecord> root = (JAXBElement<CashlRecord>) unmarshaller.getResult();
            return root.getValue();
        } catch (JAXBException e) {
            throw new IllegalStateException("JAXB failed on a document the schema accepted", e);
        }
    }

    /** Parses and validates one record given as text. */
    public CashlRecord read(String xml) throws InvalidRecordException {
        try {
            return read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    /**
     * Binds a record without validating it: only for XML this hub validated when it stored it.
     * About twice as fast as {@link #read(String)}, which matters where many stored records are
     * read back, as when deduplication merges a cluster.
     */
    public CashlRecord bind(String storedXml) {
        try {
            UnmarshallerHandler unmarshaller = context.createUnmarshaller().getUnmarshallerHandler();
            XMLReader reader = readers.get();
            reader.setContentHandler(unmarshaller);
            reader.setErrorHandler(new DefaultHandler());
            reader.parse(new InputSource(new StringReader(storedXml)));
            @SuppressWarnings("unchecked")
            JAXBElement<CashlRecord> root = (JAXBElement<CashlRecord>) unmarshaller.getResult();
            return root.getValue();
        } catch (JAXBException | SAXException | IOException | ClassCastException e) {
            throw new IllegalArgumentException("stored record cannot be bound: " + e.getMessage(), e);
        }
    }

    /**
     * Serialises a record without validating the result: only for records built from valid records
     * by code whose output the tests validate (the master records deduplication merges).
     */
    public String serialize(CashlRecord record) {
        try {
            return marshal(record);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot serialise the record: " + e.getMessage(), e);
        }
    }

    private String marshal(CashlRecord record) throws JAXBException {
        StringWriter out = new StringWriter();
        Marshaller marshaller = context.createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
        marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
        marshaller.setProperty("org.glassfish.jaxb.namespacePrefixMapper", DefaultNamespace.INSTANCE);
        marshaller.marshal(factory.createRecord(record), out);
        return out.toString();
    }

    /** Serialises a record as UTF-8 XML text, validating the result. */
    public String write(CashlRecord record) throws InvalidRecordException {
        String xml;
        try {
            xml = marshal(record);
        } catch (JAXBException e) {
            throw new InvalidRecordException(
                    List.of(new ValidationProblem(-1, -1, "cannot serialise the record: " + e.getMessage())));
        }
        validate(xml);
        return xml;
    }

    /** Validates a serialised record without binding it. */
    public void validate(InputStream xml) throws InvalidRecordException, IOException {
        parseValidating(new InputSource(xml), new DefaultHandler());
    }

    /** Validates a serialised record given as text. */
    public void validate(String xml) throws InvalidRecordException {
        try {
            validate(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    /** Writes the CASHL namespace as the default namespace instead of JAXB's "ns2:" prefixes. */
    private static final class DefaultNamespace extends NamespacePrefixMapper {
        static final DefaultNamespace INSTANCE = new DefaultNamespace();

        @Override
        public String getPreferredPrefix(String namespaceUri, String suggestion, boolean requirePrefix) {
            return NAMESPACE.equals(namespaceUri) && !requirePrefix ? "" : suggestion;
        }
    }

    private void parseValidating(InputSource input, ContentHandler downstream)
            throws InvalidRecordException, IOException {
        List<ValidationProblem> problems = new ArrayList<>();
        ReusableValidator validator = validators.get();
        ElementPathTracker tracker = new ElementPathTracker(validator.handler());
        validator.start(downstream, new CollectingErrorHandler(problems, tracker));
        XMLReader reader = readers.get();
        reader.setContentHandler(tracker);
        reader.setErrorHandler(new CollectingErrorHandler(problems, tracker));
        try {
            reader.parse(input);
        } catch (SAXException e) {
            // Not well-formed (or a DOCTYPE): the error handler has recorded it unless the parser
            // threw without reporting, which some fatal errors do.
            if (problems.isEmpty()) {
                problems.add(new ValidationProblem(-1, -1, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(problems);
        }
    }
}

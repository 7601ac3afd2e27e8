package cn.edu.cashl.hub.crosswalk;

import cn.edu.cashl.hub.xml.SecureXml;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;
import org.xml.sax.InputSource;

/**
 * One compiled crosswalk, for example {@code marc21-to-cashl} version 3. The compiled stylesheet is
 * shared and thread-safe; each transformation gets a fresh transformer, which is cheap, and required
 * because a Saxon transformer takes its stylesheet parameters only once.
 */
public final class Crosswalk {

    private final String id;
    private final int version;
    private final Processor processor;
    private final XsltExecutable executable;
    /** One secure parser per thread: building one per record cost more than the parse. */
    private static final ThreadLocal<org.xml.sax.XMLReader> READERS = ThreadLocal.withInitial(SecureXml::newXmlReader);

    Crosswalk(String id, int version, Processor processor, XsltExecutable executable) {
        this.id = id;
        this.version = version;
        this.processor = processor;
        this.executable = executable;
    }

    public String id() {
        return id;
    }

    public int version() {
        return version;
    }

    /** {@code id@version}, as provenance records it. */
    public String ref() {
        return id + "@" + version;
    }

    /**
     * Transforms one record.
     *
     * @param xml    the record, a complete XML document
     * @param params stylesheet parameters by name (all strings); names the stylesheet does not
     *               declare are ignored
     * @return the result, serialised as XML without declaration
     */
    public String transform(String xml, Map<String, String> params) throws CrosswalkException {
        return transform(xml, params, false);
    }

    /**
     * Runs the crosswalk, serialising without the stylesheet's indentation when {@code compact}:
     * what the hub publishes, where the indentation is a tenth of the bytes and of the
     * serialisation time and nobody reads it (the {@code crosswalk} command keeps it for people).
     *
     * @see #transform(String, Map)
     */
    public String transform(String xml, Map<String, String> params, boolean compact) throws CrosswalkException {
        Xslt30Transformer xslt = executable.load30();
        // The terminating xsl:message, if any, is the reason the record was refused.
        String[] terminateMessage = new String[1];
        xslt.setMessageHandler(message -> {
            if (message.isTerminate()) {
                terminateMessage[0] = message.getStringValue().strip();
            }
        });
        // Dynamic errors come back as the exception below; Saxon need not also print them.
        xslt.setErrorReporter(error -> { });
        StringWriter out = new StringWriter(xml.length());
        try {
            Map<QName, XdmValue> values = new HashMap<>();
            params.forEach((name, value) -> values.put(new QName(name), new XdmAtomicValue(value == null ? "" : value)));
            xslt.setStylesheetParameters(values);
            Serializer serializer = processor.newSerializer(out);
            serializer.setOutputProperty(Serializer.Property.OMIT_XML_DECLARATION, "yes");
            serializer.setOutputProperty(Serializer.Property.ENCODING, "UTF-8");
            if (compact) {
                serializer.setOutputProperty(Serializer.Property.INDENT, "no");
            }
            // Input goes through the hub's secure parser: no DOCTYPE, no external entities.
            org.xml.sax.XMLReader reader = READERS.get();
            // Saxon installs its own error handler only on a reader that has none, and that handler
            // counts errors for good: a reused reader must start every parse with a fresh one.
            reader.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            SAXSource source = new SAXSource(reader, new InputSource(new StringReader(xml)));
            xslt.transform(source, serializer);
            return out.toString();
        } catch (SaxonApiException e) {
            // A stylesheet that stops on purpose (xsl:message terminate="yes") says why in its message.
            String message = terminateMessage[0];
            if (message != null && !message.isEmpty()) {
                throw new CrosswalkException(ref() + " rejected the record: " + message, e);
            }
            throw new CrosswalkException(ref() + " failed" + location(e) + ": " + e.getMessage(), e);
        }
    }

    private static String location(SaxonApiException e) {
        return e.getLineNumber() > 0 ? " at line " + e.getLineNumber() : "";
    }
}

package cn.edu.cashl.hub.crosswalk;

import cn.edu.cashl.hub.xml.SecureXml;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.lib.ErrorReporter;
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
 *
 * <p>A crosswalk compiled by the {@link Sandbox} has a time limit per record, enforced here.
 */
public final class Crosswalk {

    private final String id;
    private final int version;
    private final Processor processor;
    private final XsltExecutable executable;
    /** Per record, for a sandboxed crosswalk; null for the hub's own. */
    private final Duration limit;
    /** Dynamic errors come back as exceptions from {@link #transform}; Saxon need not also print them. */
    static final ErrorReporter SILENT = error -> {};
    /** One secure parser per thread: building one per record cost more than the parse. */
    private static final ThreadLocal<org.xml.sax.XMLReader> READERS = ThreadLocal.withInitial(SecureXml::newXmlReader);

    Crosswalk(String id, int version, Processor processor, XsltExecutable executable) {
        this(id, version, processor, executable, null);
    }

    /** A sandboxed crosswalk: compiled with checkpoints, run within {@code limit} per record. */
    Crosswalk(String id, int version, Processor processor, XsltExecutable executable, Duration limit) {
        this.id = id;
        this.version = version;
        this.processor = processor;
        this.executable = executable;
        this.limit = limit;
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
        xslt.setErrorReporter(SILENT);
        if (limit != null) {
            Refusals.apply(xslt);
            xslt.setTraceFunctionDestination(null); // fn:trace() from an admin's stylesheet: not in our log
        }
        StringWriter out = new StringWriter(xml.length());
        Budget budget = limit == null ? null : Budget.start(limit);
        try {
            Map<QName, XdmValue> values = new HashMap<>();
            params.forEach(
                    (name, value) -> values.put(new QName(name), new XdmAtomicValue(value == null ? "" : value)));
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
            if (budget != null && budget.exceeded()) {
                throw overLimit(null); // the stylesheet swallowed the error somehow: its output is suspect
            }
            return out.toString();
        } catch (SaxonApiException e) {
            if (budget != null && budget.exceeded()) {
                throw overLimit(e);
            }
            // A stylesheet that stops on purpose (xsl:message terminate="yes") says why in its message.
            String message = terminateMessage[0];
            if (message != null && !message.isEmpty()) {
                throw new CrosswalkException(ref() + " rejected the record: " + message, e);
            }
            throw new CrosswalkException(ref() + " failed" + location(e) + ": " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            // Saxon turns most runaway recursion into its own error; what gets past it must not
            // take the calling thread (a harvest worker) down with it.
            throw new CrosswalkException(
                    ref() + " failed: recursion too deep (a template or function that never stops?)", e);
        } catch (OutOfMemoryError e) {
            if (limit == null) {
                throw e; // the hub's own stylesheets: a real shortage, not a record's fault
            }
            // The sandbox bounds time, not memory: an admin's stylesheet can build a value too big
            // for the heap. Everything it built is garbage once the stack has unwound.
            throw new CrosswalkException(ref() + " failed: ran out of memory (a stylesheet building a huge value?)", e);
        } finally {
            if (budget != null) {
                budget.close();
            }
        }
    }

    private CrosswalkException overLimit(Exception cause) {
        return new CrosswalkException(
                ref() + " exceeded the limit of " + Budget.describe(limit) + " per record", cause);
    }

    private static String location(SaxonApiException e) {
        return e.getLineNumber() > 0 ? " at line " + e.getLineNumber() : "";
    }
}

package cn.edu.cashl.hub.crosswalk;

import cn.edu.cashl.hub.xml.SecureXml;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an admin's stylesheet before Saxon compiles it, and refuses what reaches outside the record:
 * the instructions that read or write resources, imports of anything but the packaged libraries, and
 * extension instructions. Each refusal comes with the line of the offending element.
 *
 * <p>Saxon would refuse most of these too, one way or another (the run-time resolvers refuse every
 * read and write); this screen makes the refusal happen at compile time, with a message that says
 * why. It sees the source as written, so it also refuses an instruction that a {@code use-when}
 * would have switched off.
 */
final class StylesheetScreen extends DefaultHandler {

    private static final String XSLT = "http://www.w3.org/1999/XSL/Transform";
    private static final String FILES = "no file or network access";

    /** XSLT instructions refused wherever they are, and why. */
    private static final Map<String, String> REFUSED_INSTRUCTIONS = Map.of(
            "result-document", "a crosswalk writes nothing but its result",
            "source-document", FILES,
            "import-schema", FILES,
            "use-package", FILES);

    private final String systemId;
    private final List<CompileError> problems = new ArrayList<>();
    /** Base URI of each open element, for xml:base (rare in a stylesheet, but it moves imports). */
    private final Deque<String> bases = new ArrayDeque<>();

    private Locator locator;

    private StylesheetScreen(String systemId) {
        this.systemId = systemId;
    }

    /** The refusals for a stylesheet; empty when Saxon may compile it. */
    static List<CompileError> check(String stylesheet, String systemId) {
        StylesheetScreen screen = new StylesheetScreen(systemId);
        XMLReader reader = SecureXml.newXmlReader();
        reader.setContentHandler(screen);
        reader.setErrorHandler(screen);
        try {
            reader.parse(new InputSource(new StringReader(stylesheet)));
        } catch (SAXParseException e) {
            String message = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "a DOCTYPE is not allowed in the hub's stylesheets"
                    : "not well-formed XML: " + e.getMessage();
            screen.problems.add(new CompileError(positive(e.getLineNumber()), positive(e.getColumnNumber()), message));
        } catch (SAXException e) {
            screen.problems.add(new CompileError(-1, -1, "not well-formed XML: " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a string
        }
        return screen.problems;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        String base = bases.isEmpty() ? systemId : bases.peek();
        String xmlBase = attributes.getValue(XMLConstants.XML_NS_URI, "base");
        if (xmlBase != null) {
            String resolved = LibraryResolver.absolute(xmlBase, base);
            base = resolved == null ? base : resolved;
        }
        bases.push(base);

        boolean xslt = XSLT.equals(uri);
        if (xslt) {
            String refused = REFUSED_INSTRUCTIONS.get(localName);
            if (refused != null) {
                refuse("xsl:" + localName + " is not allowed in the hub's stylesheets: " + refused);
            }
            if (localName.equals("import") || localName.equals("include")) {
                String href = attributes.getValue("", "href");
                if (href != null && !LibraryResolver.isLibrary(LibraryResolver.absolute(href, base))) {
                    refuse(LibraryResolver.refusal("xsl:" + localName, href));
                }
            }
            if (localName.equals("merge-source") && hasAttribute(attributes, "", "for-each-source")) {
                refuse("xsl:merge-source for-each-source is not allowed in the hub's stylesheets: " + FILES);
            }
        }
        // On XSLT elements the attribute has no namespace; on literal result elements it is xsl:-prefixed.
        if (hasAttribute(attributes, xslt ? "" : XSLT, "extension-element-prefixes")) {
            refuse("extension instructions are not allowed in the hub's stylesheets");
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        bases.pop();
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
        throw e;
    }

    /** The attribute itself or its shadow (_name), whose value is computed when compiling. */
    private static boolean hasAttribute(Attributes attributes, String namespace, String name) {
        return attributes.getValue(namespace, name) != null || attributes.getValue(namespace, "_" + name) != null;
    }

    private void refuse(String message) {
        int line = locator == null ? -1 : positive(locator.getLineNumber());
        int column = locator == null ? -1 : positive(locator.getColumnNumber());
        problems.add(new CompileError(line, column, message));
    }

    private static int positive(int n) {
        return n > 0 ? n : -1;
    }
}

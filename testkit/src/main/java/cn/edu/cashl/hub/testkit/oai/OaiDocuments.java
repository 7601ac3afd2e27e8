package cn.edu.cashl.hub.testkit.oai;

import cn.edu.cashl.hub.testkit.PublishedSchemas;
import cn.edu.cashl.hub.testkit.TestData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * OAI-PMH responses as tests read them: parsed without DTDs and validated against the official
 * OAI-PMH.xsd of the corpus before anything else, so that no test can read a response that is not
 * valid; then queried by XPath with the prefixes of {@link #NS}.
 */
public final class OaiDocuments {

    /** Prefixes the XPath expressions may use. */
    public static final Map<String, String> NS = Map.of(
            "oai", "http://www.openarchives.org/OAI/2.0/",
            "dc", "http://purl.org/dc/elements/1.1/",
            "oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/",
            "prov", "http://www.openarchives.org/OAI/2.0/provenance",
            "id", "http://www.openarchives.org/OAI/2.0/oai-identifier",
            "marc", "http://www.loc.gov/MARC21/slim",
            "mods", "http://www.loc.gov/mods/v3",
            "c", "https://ns.cashl.edu.cn/record/v1",
            "xml", XMLConstants.XML_NS_URI);

    private static Schema oaiSchema;

    private OaiDocuments() {
    }

    /** OAI-PMH.xsd from the corpus (loaded once). */
    public static synchronized Schema oaiSchema() throws Exception {
        if (oaiSchema == null) {
            oaiSchema = PublishedSchemas.load(TestData.file("schemas"), "oai/OAI-PMH.xsd");
        }
        return oaiSchema;
    }

    /** Parses a response and validates it against OAI-PMH.xsd; fails the test if either fails. */
    public static Document parse(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc;
        try {
            doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + text(body), e);
        }
        try {
            oaiSchema().newValidator().validate(new DOMSource(doc));
        } catch (org.xml.sax.SAXException e) {
            throw new AssertionError("not valid against OAI-PMH.xsd: " + e.getMessage() + "\n" + text(body), e);
        }
        return doc;
    }

    private static String text(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 4000 ? text.substring(0, 4000) + "..." : text;
    }

    /** The string value of an XPath expression ("" when it selects nothing). */
    public static String value(Node node, String xpath) {
        try {
            return xpath().evaluate(xpath, node);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    /** The text of every node an expression selects. */
    public static List<String> values(Node node, String xpath) {
        List<String> values = new ArrayList<>();
        nodes(node, xpath).forEach(n -> values.add(n.getTextContent()));
        return values;
    }

    /** The elements an expression selects. */
    public static List<Element> elements(Node node, String xpath) {
        List<Element> elements = new ArrayList<>();
        nodes(node, xpath).forEach(n -> elements.add((Element) n));
        return elements;
    }

    private static List<Node> nodes(Node node, String xpath) {
        try {
            NodeList list = (NodeList) xpath().evaluate(xpath, node, XPathConstants.NODESET);
            List<Node> nodes = new ArrayList<>(list.getLength());
            for (int i = 0; i < list.getLength(); i++) {
                nodes.add(list.item(i));
            }
            return nodes;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    /** The error code of a response; "" when it is not an error. */
    public static String errorCode(Document doc) {
        return value(doc, "/oai:OAI-PMH/oai:error/@code");
    }

    /** Fails unless the response is this OAI-PMH error. */
    public static void assertError(String code, Document doc) {
        String actual = errorCode(doc);
        if (!code.equals(actual)) {
            throw new AssertionError("expected error " + code + " but got " + (actual.isEmpty() ? "no error" : actual + ": "
                    + value(doc, "/oai:OAI-PMH/oai:error")));
        }
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newDefaultInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NS.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return xpath;
    }
}

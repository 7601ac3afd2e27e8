package cn.edu.cashl.hub.testkit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Protocol responses as tests read them: parsed without DTDs, then queried by XPath with the
 * prefixes a protocol's tests agree on. One instance per set of prefixes.
 */
public final class XmlDocuments {

    private final Map<String, String> namespaces;

    /** @param namespaces the prefixes XPath expressions may use, to their namespace URIs */
    public XmlDocuments(Map<String, String> namespaces) {
        this.namespaces = Map.copyOf(namespaces);
    }

    /** Parses a response; fails the test when it is not well-formed XML. */
    public static Document parse(byte[] body) {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + excerpt(body), e);
        }
    }

    /** The start of a response, for a failure message. */
    public static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 4000 ? text.substring(0, 4000) + "..." : text;
    }

    /** The string value of an XPath expression ("" when it selects nothing). */
    public String value(Node node, String xpath) {
        try {
            return xpath().evaluate(xpath, node);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    /** The text of every node an expression selects. */
    public List<String> values(Node node, String xpath) {
        List<String> values = new ArrayList<>();
        nodes(node, xpath).forEach(n -> values.add(n.getTextContent()));
        return values;
    }

    /** The elements an expression selects. */
    public List<Element> elements(Node node, String xpath) {
        List<Element> elements = new ArrayList<>();
        nodes(node, xpath).forEach(n -> elements.add((Element) n));
        return elements;
    }

    private List<Node> nodes(Node node, String xpath) {
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

    private XPath xpath() {
        XPath xpath = XPathFactory.newDefaultInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return namespaces.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
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

package cn.edu.cashl.hub.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import cn.edu.cashl.hub.testkit.PublishedSchemas;
import cn.edu.cashl.hub.testkit.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xmlunit.xpath.JAXPXPathEngine;

/**
 * Calls a provider and reads its answers as DOM, each validated against the official OAI-PMH.xsd
 * first: no test can read a response that is not valid.
 */
final class OaiResponses {

    static final Map<String, String> NS = Map.of(
            "oai", "http://www.openarchives.org/OAI/2.0/",
            "dc", "http://purl.org/dc/elements/1.1/",
            "oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/",
            "prov", "http://www.openarchives.org/OAI/2.0/provenance",
            "c", "https://ns.cashl.edu.cn/record/v1");

    private static Schema oaiSchema;

    private final OaiProvider provider;

    OaiResponses(OaiProvider provider) {
        this.provider = provider;
    }

    static synchronized Schema oaiSchema() throws Exception {
        if (oaiSchema == null) {
            oaiSchema = PublishedSchemas.load(TestData.file("schemas"), "oai/OAI-PMH.xsd");
        }
        return oaiSchema;
    }

    /** The response to a request given as name, value, name, value... */
    Document get(String... pairs) throws Exception {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.answer(params, "http://127.0.0.1:8080").writeTo(out);
        return parse(out.toByteArray());
    }

    /** Parses a response and validates it against OAI-PMH.xsd. */
    static Document parse(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc;
        try {
            doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + new String(body, java.nio.charset.StandardCharsets.UTF_8), e);
        }
        try {
            oaiSchema().newValidator().validate(new DOMSource(doc));
        } catch (org.xml.sax.SAXException e) {
            fail("not valid against OAI-PMH.xsd: " + e.getMessage() + "\n" + new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        return doc;
    }

    static String value(Document doc, String xpath) {
        JAXPXPathEngine engine = new JAXPXPathEngine();
        engine.setNamespaceContext(NS);
        return engine.evaluate(xpath, new DOMSource(doc));
    }

    static List<String> values(Document doc, String xpath) {
        JAXPXPathEngine engine = new JAXPXPathEngine();
        engine.setNamespaceContext(NS);
        List<String> values = new ArrayList<>();
        engine.selectNodes(xpath, new DOMSource(doc)).forEach(node -> values.add(node.getTextContent()));
        return values;
    }

    static List<Element> elements(Document doc, String xpath) {
        JAXPXPathEngine engine = new JAXPXPathEngine();
        engine.setNamespaceContext(NS);
        List<Element> elements = new ArrayList<>();
        engine.selectNodes(xpath, new DOMSource(doc)).forEach(node -> elements.add((Element) node));
        return elements;
    }

    /** The error code of an error response; fails when the response is not an error. */
    static String error(Document doc) {
        String code = value(doc, "/oai:OAI-PMH/oai:error/@code");
        if (code.isEmpty()) {
            fail("expected an error response");
        }
        return code;
    }

    static void assertError(String code, Document doc) {
        assertEquals(code, error(doc), () -> value(doc, "/oai:OAI-PMH/oai:error"));
    }

}

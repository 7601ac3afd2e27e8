package cn.edu.cashl.hub.testkit.oai;

import cn.edu.cashl.hub.testkit.PublishedSchemas;
import cn.edu.cashl.hub.testkit.TestData;
import cn.edu.cashl.hub.testkit.XmlDocuments;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

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

    private static final XmlDocuments XML = new XmlDocuments(NS);
    private static Schema oaiSchema;

    private OaiDocuments() {}

    /** OAI-PMH.xsd from the corpus (loaded once). */
    public static synchronized Schema oaiSchema() throws Exception {
        if (oaiSchema == null) {
            oaiSchema = PublishedSchemas.load(TestData.file("schemas"), "oai/OAI-PMH.xsd");
        }
        return oaiSchema;
    }

    /** Parses a response and validates it against OAI-PMH.xsd; fails the test if either fails. */
    public static Document parse(byte[] body) throws Exception {
        Document doc = XmlDocuments.parse(body);
        try {
            oaiSchema().newValidator().validate(new DOMSource(doc));
        } catch (org.xml.sax.SAXException e) {
            throw new AssertionError(
                    "not valid against OAI-PMH.xsd: " + e.getMessage() + "\n" + XmlDocuments.excerpt(body), e);
        }
        return doc;
    }

    /** The string value of an XPath expression ("" when it selects nothing). */
    public static String value(Node node, String xpath) {
        return XML.value(node, xpath);
    }

    /** The text of every node an expression selects. */
    public static List<String> values(Node node, String xpath) {
        return XML.values(node, xpath);
    }

    /** The elements an expression selects. */
    public static List<Element> elements(Node node, String xpath) {
        return XML.elements(node, xpath);
    }

    /** The error code of a response; "" when it is not an error. */
    public static String errorCode(Document doc) {
        return value(doc, "/oai:OAI-PMH/oai:error/@code");
    }

    /** Fails unless the response is this OAI-PMH error. */
    public static void assertError(String code, Document doc) {
        String actual = errorCode(doc);
        if (!code.equals(actual)) {
            throw new AssertionError("expected error " + code + " but got "
                    + (actual.isEmpty() ? "no error" : actual + ": " + value(doc, "/oai:OAI-PMH/oai:error")));
        }
    }
}

package cn.edu.cashl.hub.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The schema is the reference for crosswalk authors: every declaration in it must say what it is. */
class SchemaDocumentationTest {

    private static final List<String> DOCUMENTED =
            List.of("element", "attribute", "complexType", "simpleType", "enumeration");

    @Test
    void everyDeclarationHasDocumentation() throws Exception {
        Document xsd = loadSchema();
        List<String> undocumented = new ArrayList<>();
        for (String kind : DOCUMENTED) {
            NodeList declarations = xsd.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, kind);
            for (int i = 0; i < declarations.getLength(); i++) {
                Element declaration = (Element) declarations.item(i);
                if (!hasDocumentation(declaration)) {
                    undocumented.add(kind + " " + declaration.getAttribute("name") + declaration.getAttribute("value"));
                }
            }
        }
        assertEquals(List.of(), undocumented);
    }

    @Test
    void namespaceIsVersioned() throws Exception {
        String target = loadSchema().getDocumentElement().getAttribute("targetNamespace");
        assertEquals(CashlRecords.NAMESPACE, target);
        assertTrue(target.matches(".*/v\\d+$"), target);
    }

    private static boolean hasDocumentation(Element declaration) {
        for (Node child = declaration.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element annotation && "annotation".equals(annotation.getLocalName())) {
                NodeList docs = annotation.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "documentation");
                return docs.getLength() > 0 && !docs.item(0).getTextContent().isBlank();
            }
        }
        return false;
    }

    private static Document loadSchema() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = SchemaDocumentationTest.class.getResourceAsStream(CashlRecords.XSD_RESOURCE)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }
}

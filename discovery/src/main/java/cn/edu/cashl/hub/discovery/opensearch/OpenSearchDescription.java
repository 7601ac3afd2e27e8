package cn.edu.cashl.hub.discovery.opensearch;

import cn.edu.cashl.hub.discovery.Site;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code /opensearch.xml}: the OpenSearch 1.1 description of the hub's search, which browsers offer
 * to add as a search engine (the pages link it from their head) and federated search tools read:
 * results as HTML, Atom and RSS, and suggestions as OpenSearch suggestions JSON.
 */
public final class OpenSearchDescription {

    public static final String MEDIA_TYPE = "application/opensearchdescription+xml; charset=UTF-8";
    static final String NS = "http://a9.com/-/spec/opensearch/1.1/";

    private OpenSearchDescription() {}

    public static String write(Site site) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("OpenSearchDescription");
            xml.writeDefaultNamespace(NS);
            element(xml, "ShortName", "CASHL");
            element(xml, "LongName", "CASHL 开世览文 – China Academic Social Sciences and Humanities Library");
            element(
                    xml,
                    "Description",
                    "Foreign-language books, journals and articles held by the CASHL member libraries, "
                            + "with the way to the full text. 高校人文社会科学外文文献检索。");
            element(xml, "Tags", "library catalogue humanities social-sciences CASHL");
            url(xml, "text/html", null, site.url("/search?q={searchTerms}&page={startPage?}&size={count?}"));
            url(
                    xml,
                    "application/atom+xml",
                    null,
                    site.url("/search?q={searchTerms}&format=atom&page={startPage?}&size={count?}"));
            url(
                    xml,
                    "application/rss+xml",
                    null,
                    site.url("/search?q={searchTerms}&format=rss&page={startPage?}&size={count?}"));
            url(xml, "application/x-suggestions+json", "suggestions", site.url("/suggest?q={searchTerms}"));
            url(xml, "application/opensearchdescription+xml", "self", site.url("/opensearch.xml"));
            xml.writeStartElement("Image");
            xml.writeAttribute("width", "16");
            xml.writeAttribute("height", "16");
            xml.writeAttribute("type", "image/svg+xml");
            xml.writeCharacters(site.url("/assets/favicon.svg"));
            xml.writeEndElement();
            xml.writeEmptyElement("Query");
            xml.writeAttribute("role", "example");
            xml.writeAttribute("searchTerms", "Confucianism");
            element(xml, "SyndicationRight", "open");
            element(xml, "Language", "zh-CN");
            element(xml, "Language", "en");
            element(xml, "InputEncoding", "UTF-8");
            element(xml, "OutputEncoding", "UTF-8");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the OpenSearch description failed", e);
        }
        return out.toString();
    }

    private static void url(XMLStreamWriter xml, String type, String rel, String template) throws XMLStreamException {
        xml.writeEmptyElement("Url");
        xml.writeAttribute("type", type);
        if (rel != null) {
            xml.writeAttribute("rel", rel);
        }
        xml.writeAttribute("template", template);
        if (rel == null) {
            xml.writeAttribute("pageOffset", "1");
        }
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}

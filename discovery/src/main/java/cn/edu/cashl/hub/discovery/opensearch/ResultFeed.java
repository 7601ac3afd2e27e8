package cn.edu.cashl.hub.discovery.opensearch;

import cn.edu.cashl.hub.discovery.Hit;
import cn.edu.cashl.hub.discovery.ReaderQuery;
import cn.edu.cashl.hub.discovery.RecordText;
import cn.edu.cashl.hub.discovery.ResultPage;
import cn.edu.cashl.hub.discovery.Site;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A page of results as an OpenSearch response: Atom 1.0 (RFC 4287) or RSS 2.0, with OpenSearch's
 * {@code totalResults}, {@code startIndex}, {@code itemsPerPage} and {@code Query}, and links to the
 * first, previous, next and last pages (Atom) with no cap on how deep they go.
 */
public final class ResultFeed {

    public static final String ATOM = "application/atom+xml; charset=UTF-8";
    public static final String RSS = "application/rss+xml; charset=UTF-8";
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    private ResultFeed() {}

    public static String atom(ResultPage page, Site site, Instant now) {
        ReaderQuery query = page.query();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM_NS);
            xml.writeNamespace("opensearch", OpenSearchDescription.NS);
            OpenSearchDescription.element(xml, "title", title(query));
            OpenSearchDescription.element(xml, "id", url(site, query, "atom"));
            OpenSearchDescription.element(xml, "updated", instant(now));
            xml.writeStartElement("author");
            OpenSearchDescription.element(xml, "name", "CASHL");
            xml.writeEndElement();
            link(xml, "self", "application/atom+xml", url(site, query, "atom"));
            link(xml, "alternate", "text/html", url(site, query, null));
            link(xml, "search", "application/opensearchdescription+xml", site.url("/opensearch.xml"));
            if (page.total() > 0) {
                link(xml, "first", "application/atom+xml", url(site, query.toPage(1), "atom"));
                if (query.page() > 1) {
                    link(xml, "previous", "application/atom+xml", url(site, query.toPage(query.page() - 1), "atom"));
                }
                if (query.page() < page.lastPage()) {
                    link(xml, "next", "application/atom+xml", url(site, query.toPage(query.page() + 1), "atom"));
                }
                if (page.lastPage() <= Integer.MAX_VALUE) {
                    link(xml, "last", "application/atom+xml", url(site, query.toPage((int) page.lastPage()), "atom"));
                }
            }
            counts(xml, page);
            for (Hit hit : page.hits()) {
                xml.writeStartElement("entry");
                OpenSearchDescription.element(xml, "title", RecordText.title(hit.record()));
                OpenSearchDescription.element(xml, "id", site.recordUrl(hit.id()));
                OpenSearchDescription.element(xml, "updated", instant(hit.datestamp() == null ? now : hit.datestamp()));
                List<String> authors = RecordText.authors(hit.record());
                for (String author : authors.isEmpty() ? List.of("CASHL") : authors) {
                    xml.writeStartElement("author");
                    OpenSearchDescription.element(xml, "name", author);
                    xml.writeEndElement();
                }
                link(xml, "alternate", "text/html", site.recordUrl(hit.id()));
                if (hit.availability().bestIsFullText()) {
                    link(xml, "related", "text/html", site.resolverUrl(hit.id(), query.library(), true));
                }
                xml.writeStartElement("summary");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(summary(hit));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing an Atom feed failed", e);
        }
        return out.toString();
    }

    public static String rss(ResultPage page, Site site, Instant now) {
        ReaderQuery query = page.query();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("opensearch", OpenSearchDescription.NS);
            xml.writeNamespace("atom", ATOM_NS);
            xml.writeStartElement("channel");
            OpenSearchDescription.element(xml, "title", title(query));
            OpenSearchDescription.element(xml, "link", url(site, query, null));
            OpenSearchDescription.element(xml, "description", "CASHL: " + query.text());
            OpenSearchDescription.element(
                    xml, "lastBuildDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)));
            xml.writeEmptyElement("atom", "link", ATOM_NS);
            xml.writeAttribute("rel", "search");
            xml.writeAttribute("type", "application/opensearchdescription+xml");
            xml.writeAttribute("href", site.url("/opensearch.xml"));
            counts(xml, page);
            for (Hit hit : page.hits()) {
                xml.writeStartElement("item");
                OpenSearchDescription.element(xml, "title", RecordText.title(hit.record()));
                OpenSearchDescription.element(xml, "link", site.recordUrl(hit.id()));
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "true");
                xml.writeCharacters(site.recordUrl(hit.id()));
                xml.writeEndElement();
                OpenSearchDescription.element(xml, "description", summary(hit));
                if (hit.datestamp() != null) {
                    OpenSearchDescription.element(
                            xml,
                            "pubDate",
                            DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                    hit.datestamp().atOffset(ZoneOffset.UTC)));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing an RSS feed failed", e);
        }
        return out.toString();
    }

    /** OpenSearch's response elements: totals, the position, and the query as answered. */
    private static void counts(XMLStreamWriter xml, ResultPage page) throws XMLStreamException {
        ReaderQuery query = page.query();
        element(xml, "totalResults", Long.toString(page.total()));
        element(xml, "startIndex", Long.toString(query.offset() + 1));
        element(xml, "itemsPerPage", Integer.toString(query.size()));
        xml.writeEmptyElement("opensearch", "Query", OpenSearchDescription.NS);
        xml.writeAttribute("role", "request");
        xml.writeAttribute("searchTerms", query.text());
        xml.writeAttribute("startPage", Integer.toString(query.page()));
        xml.writeAttribute("count", Integer.toString(query.size()));
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement("opensearch", name, OpenSearchDescription.NS);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static String title(ReaderQuery query) {
        return query.text().isEmpty() ? "CASHL" : "CASHL: " + query.text();
    }

    private static String url(Site site, ReaderQuery query, String format) {
        String parameters = query.queryString();
        if (format != null) {
            parameters = parameters.isEmpty() ? "format=" + format : parameters + "&format=" + format;
        }
        return site.url("/search") + (parameters.isEmpty() ? "" : "?" + parameters);
    }

    /** Type, year and where it was published: what a feed reader shows under the title. */
    static String summary(Hit hit) {
        List<String> parts = new ArrayList<>();
        parts.add(RecordText.type(hit.record()));
        if (RecordText.year(hit.record()) != null) {
            parts.add(RecordText.year(hit.record()));
        }
        if (RecordText.source(hit.record()) != null) {
            parts.add(RecordText.source(hit.record()));
        }
        List<String> authors = RecordText.authors(hit.record());
        if (!authors.isEmpty()) {
            parts.add(String.join("; ", authors));
        }
        return String.join(" · ", parts);
    }

    private static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}

package cn.edu.cashl.hub.sru;

import cn.edu.cashl.hub.schema.CashlRecords;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a client shows of a master record without parsing a metadata schema: title, creators,
 * year, type and the holdings. Read from the canonical record in one streaming pass; SRU puts the
 * holdings in each record's extraRecordData, JSON clients get all of it. A journal's summary also
 * counts the articles linked to it ({@code articles}; null for other records and before counting).
 */
record RecordSummary(
        String title, List<String> creators, String year, String type, List<Holding> holdings, Long articles) {

    /** One library's holding: print or electronic, with its call number or URL. */
    record Holding(String library, String localId, String form, String callNumber, String url, String coverage) {}

    private static final XMLInputFactory FACTORY = factory();

    static RecordSummary read(String xml) {
        String main = null;
        String sub = null;
        List<String> creators = new ArrayList<>();
        String year = null;
        String type = null;
        List<Holding> holdings = new ArrayList<>();
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            try {
                List<String> path = new ArrayList<>();
                String[] holding = null;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String name = reader.getLocalName();
                        String parent = path.isEmpty() ? "" : path.get(path.size() - 1);
                        path.add(name);
                        if (path.size() == 1) {
                            type = reader.getAttributeValue(null, "type");
                        } else if (path.size() == 2 && name.equals("holding")) {
                            holding = new String[] {
                                reader.getAttributeValue(null, "library"),
                                reader.getAttributeValue(null, "localId"),
                                reader.getAttributeValue(null, "form"),
                                null,
                                null,
                                null
                            };
                        } else if (path.size() == 3 && holding != null) {
                            int slot = switch (name) {
                                case "callNumber" -> 3;
                                case "url" -> 4;
                                case "coverage" -> 5;
                                default -> -1;
                            };
                            if (slot > 0) {
                                holding[slot] = reader.getElementText();
                                path.remove(path.size() - 1);
                            }
                        } else if (path.size() == 3 && parent.equals("title") && name.equals("main")) {
                            main = reader.getElementText();
                            path.remove(path.size() - 1);
                        } else if (path.size() == 3 && parent.equals("title") && name.equals("sub")) {
                            sub = reader.getElementText();
                            path.remove(path.size() - 1);
                        } else if (path.size() == 3 && parent.equals("contributor") && name.equals("name")) {
                            creators.add(reader.getElementText());
                            path.remove(path.size() - 1);
                        } else if (path.size() == 3 && parent.equals("publication") && name.equals("year")) {
                            year = reader.getElementText();
                            path.remove(path.size() - 1);
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        String name = path.remove(path.size() - 1);
                        if (path.size() == 1 && name.equals("holding") && holding != null) {
                            holdings.add(new Holding(
                                    holding[0], holding[1], holding[2], holding[3], holding[4], holding[5]));
                            holding = null;
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            // A record that cannot be read still has its metadata; it only goes without a summary.
        }
        String title = main == null ? sub : sub == null ? main : main + " : " + sub;
        return new RecordSummary(title, List.copyOf(creators), year, type, List.copyOf(holdings), null);
    }

    /** Whether the record is a journal (print or electronic), whose articles are counted. */
    boolean isJournal() {
        return "journal".equals(type) || "ejournal".equals(type);
    }

    RecordSummary withArticles(long count) {
        return new RecordSummary(title, creators, year, type, holdings, count);
    }

    /**
     * A journal's article count as a CASHL fragment for SRU's extraRecordData, with the CQL query
     * that lists them.
     */
    String articlesXml(String id) {
        XmlOut out = new XmlOut();
        out.open(
                "cashl:articles",
                "xmlns:cashl",
                CashlRecords.NAMESPACE,
                "count",
                String.valueOf(articles),
                "query",
                "cashl.journalRecord=\"" + id + "\"");
        out.close("cashl:articles");
        return out.toString();
    }

    /** The holdings as a CASHL fragment for SRU's extraRecordData. */
    String holdingsXml(Function<String, String> libraryName) {
        XmlOut out = new XmlOut();
        out.open("cashl:holdings", "xmlns:cashl", CashlRecords.NAMESPACE);
        for (Holding h : holdings) {
            out.open(
                    "cashl:holding",
                    "library",
                    h.library(),
                    "libraryName",
                    libraryName.apply(h.library()),
                    "localId",
                    h.localId(),
                    "form",
                    h.form());
            out.element("cashl:callNumber", h.callNumber());
            out.element("cashl:url", h.url());
            out.element("cashl:coverage", h.coverage());
            out.close("cashl:holding");
        }
        out.close("cashl:holdings");
        return out.toString();
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = new com.ctc.wstx.stax.WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}

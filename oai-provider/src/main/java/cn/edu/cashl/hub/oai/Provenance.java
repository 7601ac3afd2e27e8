package cn.edu.cashl.hub.oai;

import cn.edu.cashl.hub.catalog.SourceField;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.publish.Library;
import cn.edu.cashl.hub.publish.XmlText;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The {@code about} block of a master record: one {@code originDescription} per source record it
 * was merged from, in the OAI provenance schema (http://www.openarchives.org/OAI/2.0/provenance),
 * so that a harvester can tell which member libraries' records it came from. Every origin is
 * {@code altered}: the hub crosswalked and merged it.
 */
final class Provenance {

    static final String NAMESPACE = "http://www.openarchives.org/OAI/2.0/provenance";
    static final String SCHEMA = "http://www.openarchives.org/OAI/2.0/provenance.xsd";
    /** The namespace of what a source sent, by the format its source record was read as. */
    private static final Map<String, String> FORMAT_NAMESPACES = Map.of(
            "MARC21", "http://www.loc.gov/MARC21/slim",
            "UNIMARC", "info:lc/xmlns/marcxchange-v2",
            "OAI_DC", "http://www.openarchives.org/OAI/2.0/oai_dc/",
            "MODS", "http://www.loc.gov/mods/v3");

    private final Map<String, Library> libraries;

    Provenance(Map<String, Library> libraries) {
        this.libraries = Map.copyOf(libraries);
    }

    /** The provenance element for these member source records; null when there are none. */
    String about(List<StoredRecord> members) {
        if (members.isEmpty()) {
            return null;
        }
        StringBuilder xml = new StringBuilder(400 * members.size());
        xml.append("<provenance xmlns=\"")
                .append(NAMESPACE)
                .append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"")
                .append(NAMESPACE)
                .append(' ')
                .append(SCHEMA)
                .append("\">");
        for (StoredRecord member : members) {
            Instant harvested = member.datestamp().truncatedTo(ChronoUnit.SECONDS);
            String identifier = first(SourceField.OAI_ID.of(member), SourceField.LOCAL_ID.of(member), member.id());
            String datestamp = first(SourceField.OAI_DATESTAMP.of(member), harvested.toString());
            xml.append("<originDescription harvestDate=\"").append(harvested).append("\" altered=\"true\">");
            element(xml, "baseURL", baseUrl(member.source()));
            element(xml, "identifier", identifier);
            element(xml, "datestamp", datestamp);
            element(xml, "metadataNamespace", namespace(SourceField.FORMAT.of(member)));
            xml.append("</originDescription>");
        }
        return xml.append("</provenance>").toString();
    }

    private static String namespace(String format) {
        String namespace = format == null ? null : FORMAT_NAMESPACES.get(format);
        return namespace != null ? namespace : FORMAT_NAMESPACES.get("MARC21");
    }

    /** The source's configured location; a URN naming it when the configuration has none. */
    private String baseUrl(String source) {
        Library library = source == null ? null : libraries.get(source);
        if (library != null && library.url() != null && library.url().contains("://")) {
            return library.url();
        }
        return "urn:cashl:source:" + (source == null ? "unknown" : source);
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    private static void element(StringBuilder xml, String name, String text) {
        xml.append('<').append(name).append('>');
        XmlText.append(xml, text, false).append("</").append(name).append('>');
    }
}

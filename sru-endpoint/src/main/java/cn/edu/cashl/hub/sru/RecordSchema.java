package cn.edu.cashl.hub.sru;

import cn.edu.cashl.hub.publish.PublishedFormat;
import java.util.List;
import java.util.Optional;

/**
 * A record schema SRU clients ask for, by short name or URI, and the published format behind it.
 *
 * @param location the schema's XSD (a path on the hub for {@code cashl})
 */
public record RecordSchema(String name, String uri, String title, String location, PublishedFormat format) {

    public static final List<RecordSchema> ALL = List.of(
            new RecordSchema(
                    "dc",
                    "info:srw/schema/1/dc-v1.1",
                    "Dublin Core (SRU dc schema)",
                    "http://www.loc.gov/standards/sru/recordSchemas/dc-schema.xsd",
                    format("oai_dc")),
            new RecordSchema(
                    "mods",
                    "info:srw/schema/1/mods-v3.6",
                    "MODS 3.6",
                    "http://www.loc.gov/standards/mods/v3/mods-3-6.xsd",
                    format("mods")),
            new RecordSchema(
                    "marcxml",
                    "info:srw/schema/1/marcxml-v1.1",
                    "MARC 21 XML",
                    "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd",
                    format("marc21")),
            new RecordSchema(
                    "cashl",
                    "info:cashl/schema/cashl-record-v1",
                    "CASHL canonical record",
                    PublishedFormat.CASHL_SCHEMA_PATH,
                    format("cashl")));

    /** The SRU dc schema's namespace: the same dc elements as oai_dc, under another root. */
    static final String SRW_DC_NAMESPACE = "info:srw/schema/1/dc-schema";

    private static PublishedFormat format(String prefix) {
        return PublishedFormat.find(prefix).orElseThrow();
    }

    /** The schema a request names, by short name or URI (case-insensitive). */
    public static Optional<RecordSchema> find(String nameOrUri) {
        return ALL.stream()
                .filter(s -> s.name.equalsIgnoreCase(nameOrUri) || s.uri.equalsIgnoreCase(nameOrUri))
                .findFirst();
    }

    /** The record as this schema publishes it: the format's output, the dc one under its SRU root. */
    String adapt(String metadata) {
        String xml = metadata.startsWith("<?xml")
                ? metadata.substring(metadata.indexOf("?>") + 2).strip()
                : metadata;
        if (!name.equals("dc")) {
            return xml;
        }
        // The oai_dc crosswalk's root, renamed: SRU's dc schema has the same dc:* children.
        int open = xml.indexOf("<oai_dc:dc");
        int openEnd = xml.indexOf('>', open);
        int close = xml.lastIndexOf("</oai_dc:dc>");
        if (open < 0 || openEnd < 0 || close < 0) {
            return xml;
        }
        return "<srw_dc:dc xmlns:srw_dc=\"" + SRW_DC_NAMESPACE + "\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + xml.substring(openEnd + 1, close) + "</srw_dc:dc>";
    }
}

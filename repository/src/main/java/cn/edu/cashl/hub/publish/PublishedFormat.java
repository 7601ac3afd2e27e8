package cn.edu.cashl.hub.publish;

import cn.edu.cashl.hub.schema.CashlRecords;
import java.util.List;
import java.util.Optional;

/**
 * A metadata format the provider disseminates: its prefix, schema and namespace, and the outbound
 * crosswalk that renders it from the canonical record ({@code cashl} is the canonical record itself).
 */
public record PublishedFormat(String prefix, String schema, String namespace, String crosswalk) {

    /** Where the hub serves the {@code cashl} format's XSD, below its own URL. */
    public static final String CASHL_SCHEMA_PATH = "/schemas/cashl-record-v1.xsd";

    /** The formats; the {@code cashl} schema is a path on the hub ({@link #schemaAt}). */
    public static final List<PublishedFormat> ALL = all();

    private static List<PublishedFormat> all() {
        return List.of(
                new PublishedFormat(
                        "oai_dc",
                        "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
                        "http://www.openarchives.org/OAI/2.0/oai_dc/",
                        "cashl-to-oai_dc"),
                new PublishedFormat("cashl", CASHL_SCHEMA_PATH, CashlRecords.NAMESPACE, null),
                new PublishedFormat(
                        "marc21",
                        "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd",
                        "http://www.loc.gov/MARC21/slim",
                        "cashl-to-marcxml"),
                new PublishedFormat(
                        "mods",
                        "http://www.loc.gov/standards/mods/v3/mods-3-6.xsd",
                        "http://www.loc.gov/mods/v3",
                        "cashl-to-mods"));
    }

    public static Optional<PublishedFormat> find(String prefix) {
        return ALL.stream().filter(format -> format.prefix.equals(prefix)).findFirst();
    }

    /** The schema URL, resolved against the hub's URL when it is one of the hub's own paths. */
    public String schemaAt(String hubUrl) {
        return schema.startsWith("/") ? hubUrl + schema : schema;
    }

    public boolean isCanonical() {
        return crosswalk == null;
    }
}

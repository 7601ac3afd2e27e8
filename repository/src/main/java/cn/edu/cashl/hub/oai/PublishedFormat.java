package cn.edu.cashl.hub.oai;

import cn.edu.cashl.hub.schema.CashlRecords;
import java.util.List;
import java.util.Optional;

/**
 * A metadata format the provider disseminates: its prefix, schema and namespace, and the outbound
 * crosswalk that renders it from the canonical record ({@code cashl} is the canonical record itself).
 */
record PublishedFormat(String prefix, String schema, String namespace, String crosswalk) {

    static List<PublishedFormat> all(String cashlSchemaUrl) {
        return List.of(
                new PublishedFormat("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
                        "http://www.openarchives.org/OAI/2.0/oai_dc/", "cashl-to-oai_dc"),
                new PublishedFormat("cashl", cashlSchemaUrl, CashlRecords.NAMESPACE, null),
                new PublishedFormat("marc21", "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd",
                        "http://www.loc.gov/MARC21/slim", "cashl-to-marcxml"),
                new PublishedFormat("mods", "http://www.loc.gov/standards/mods/v3/mods-3-6.xsd",
                        "http://www.loc.gov/mods/v3", "cashl-to-mods"));
    }

    static Optional<PublishedFormat> find(List<PublishedFormat> formats, String prefix) {
        return formats.stream().filter(format -> format.prefix.equals(prefix)).findFirst();
    }

    boolean isCanonical() {
        return crosswalk == null;
    }
}

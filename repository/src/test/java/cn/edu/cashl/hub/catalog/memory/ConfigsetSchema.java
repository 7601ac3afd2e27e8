package cn.edu.cashl.hub.catalog.memory;

import cn.edu.cashl.hub.catalog.StoreException;
import cn.edu.cashl.hub.catalog.solr.ConfigSet;
import cn.edu.cashl.hub.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What the configset's schema.xml says about each field, read from the very file Solr loads: which
 * fields exist, how many values each takes and of which type, whether a value is stored, indexed or
 * kept as docValues. The in-memory store follows it, so that it refuses what Solr refuses and reads
 * back only what Solr reads back: a fake that kept the indexed-only fields (match keys) would let a
 * test pass that fails on Solr.
 */
final class ConfigsetSchema {

    /** Lucene's limit on one indexed term, in UTF-8 bytes: Solr refuses a longer string value. */
    private static final int MAX_TERM_BYTES = 32_766;
    /** The dates Solr's date fields take: to the second at least, UTC. */
    private static final Pattern DATE = Pattern.compile("\\d{4,}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z");

    private static final ConfigsetSchema SHIPPED = read();

    /** The value types of the configset's field types, by their Solr class. */
    enum Kind {
        STRING,
        TEXT,
        BOOLEAN,
        INT,
        LONG,
        DATE;

        static Kind of(String solrClass) {
            return switch (solrClass) {
                case "solr.StrField" -> STRING;
                case "solr.TextField" -> TEXT;
                case "solr.BoolField" -> BOOLEAN;
                case "solr.IntPointField" -> INT;
                case "solr.LongPointField" -> LONG;
                case "solr.DatePointField" -> DATE;
                default ->
                    throw new IllegalStateException("the in-memory store does not model the field class " + solrClass);
            };
        }
    }

    /**
     * One field, or the fields of one dynamic-field pattern.
     *
     * @param name the field name, or the pattern ({@code *_s})
     */
    record Field(
            String name,
            Kind kind,
            boolean indexed,
            boolean stored,
            boolean docValues,
            boolean useDocValuesAsStored,
            boolean multiValued) {

        /**
         * A value as Solr keeps and returns it: typed values in their canonical form (an int without
         * leading zeros, a date to the millisecond), strings and text as they are.
         *
         * @throws StoreException for a value Solr refuses
         */
        String normalise(String value) {
            try {
                return switch (kind) {
                    case STRING -> {
                        if ((indexed || docValues) && value.getBytes(StandardCharsets.UTF_8).length > MAX_TERM_BYTES) {
                            throw refused("a value longer than " + MAX_TERM_BYTES + " bytes in UTF-8");
                        }
                        yield value;
                    }
                    case TEXT -> value;
                    // Solr's BoolField reads a value by its first character.
                    case BOOLEAN -> String.valueOf(!value.isEmpty() && "tT1".indexOf(value.charAt(0)) >= 0);
                    case INT -> String.valueOf(Integer.parseInt(value));
                    case LONG -> String.valueOf(Long.parseLong(value));
                    case DATE -> {
                        if (!DATE.matcher(value).matches()) {
                            throw refused("the value " + value);
                        }
                        yield Instant.parse(value)
                                .truncatedTo(ChronoUnit.MILLIS)
                                .toString();
                    }
                };
            } catch (RuntimeException e) {
                if (e instanceof StoreException refusal) {
                    throw refusal;
                }
                throw refused("the value " + value);
            }
        }

        /**
         * Whether a full read ({@code Projection.ALL}) returns the field: stored, or kept as
         * docValues, which Solr returns for {@code fl=*} too unless the schema says
         * useDocValuesAsStored="false".
         */
        boolean readable() {
            return stored || docValues && useDocValuesAsStored;
        }

        private StoreException refused(String what) {
            return new StoreException("field " + name + " cannot take " + what);
        }
    }

    private final Map<String, Field> fields;
    /** Dynamic fields in schema order. */
    private final List<Field> dynamicFields;

    private ConfigsetSchema(Map<String, Field> fields, List<Field> dynamicFields) {
        this.fields = fields;
        this.dynamicFields = dynamicFields;
    }

    /** The schema of the configset on the class path, read once. */
    static ConfigsetSchema shipped() {
        return SHIPPED;
    }

    /**
     * The rules of a field: the declared field, else the dynamic field with the longest matching
     * pattern, as Solr picks it.
     *
     * @throws StoreException for a field the schema does not declare, as Solr refuses it
     */
    Field field(String name) {
        Field field = fields.get(name);
        if (field != null) {
            return field;
        }
        Field match = null;
        for (Field dynamic : dynamicFields) {
            String suffix = dynamic.name().substring(1);
            if (name.endsWith(suffix)
                    && (match == null || suffix.length() > match.name().length() - 1)) {
                match = dynamic;
            }
        }
        if (match == null) {
            throw new StoreException("unknown field " + name + ": the configset's schema.xml does not declare it");
        }
        return match;
    }

    private static ConfigsetSchema read() {
        Map<String, Map<String, String>> types = new HashMap<>();
        Map<String, Field> fields = new HashMap<>();
        List<Field> dynamicFields = new ArrayList<>();
        try (InputStream in = ConfigSet.open("schema.xml")) {
            XMLStreamReader xml = SecureXml.newInputFactory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                Map<String, String> attributes = new HashMap<>();
                for (int i = 0; i < xml.getAttributeCount(); i++) {
                    attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
                }
                switch (xml.getLocalName()) {
                    case "fieldType" -> types.put(attributes.get("name"), attributes);
                    case "field" -> fields.put(attributes.get("name"), field(attributes, types));
                    case "dynamicField" -> dynamicFields.add(field(attributes, types));
                    default -> {}
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configset's schema.xml", e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot read the configset's schema.xml", e);
        }
        return new ConfigsetSchema(Map.copyOf(fields), List.copyOf(dynamicFields));
    }

    /** A field's properties: its own attributes, else its type's, else Solr's defaults. */
    private static Field field(Map<String, String> attributes, Map<String, Map<String, String>> types) {
        Map<String, String> type = types.get(attributes.get("type"));
        if (type == null) {
            throw new IllegalStateException("field " + attributes.get("name") + " has an undeclared type");
        }
        return new Field(
                attributes.get("name"),
                Kind.of(type.get("class")),
                flag("indexed", true, attributes, type),
                flag("stored", true, attributes, type),
                flag("docValues", false, attributes, type),
                flag("useDocValuesAsStored", true, attributes, type),
                flag("multiValued", false, attributes, type));
    }

    private static boolean flag(String name, boolean otherwise, Map<String, String> field, Map<String, String> type) {
        String value = field.getOrDefault(name, type.get(name));
        return value == null ? otherwise : Boolean.parseBoolean(value);
    }
}

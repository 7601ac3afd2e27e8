package cn.edu.cashl.hub.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One record as the store keeps it, in either collection.
 *
 * @param id         unique within its collection
 * @param datestamp  when the record last changed as far as its readers are concerned: the OAI
 *                   datestamp of a master record, the harvest time of a source record
 * @param deleted    a master record kept as an OAI deleted record (tombstone)
 * @param sets       OAI set specs the record belongs to ({@code library:pku}, {@code type:book})
 * @param libraries  codes of the libraries holding it
 * @param source     id of the source that sent it (source records only)
 * @param status     {@code accepted}, {@code filtered} or {@code quarantined} (source records only)
 * @param xml        canonical CASHL XML, stored byte for byte and never indexed
 * @param raw        the record exactly as the source sent it (source records only)
 * @param fields     further indexed fields, by Solr field name as declared in the configset
 * @param version    the store's version of the record as read, for a conditional write
 *                   ({@link CatalogStore#putIfVersion}): 0 for "any", -1 for "must not exist yet"
 */
public record StoredRecord(
        String id,
        Instant datestamp,
        boolean deleted,
        Set<String> sets,
        Set<String> libraries,
        String source,
        String status,
        String xml,
        String raw,
        Map<String, List<String>> fields,
        long version) {

    public StoredRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(datestamp, "datestamp");
        sets = Set.copyOf(sets);
        libraries = Set.copyOf(libraries);
        fields = Map.copyOf(fields);
    }

    public static Builder builder(String id, Instant datestamp) {
        return new Builder(id, datestamp);
    }

    /** The first value of an extra field, or null. */
    public String field(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** All values of an extra field; empty when it has none. */
    public List<String> values(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** The first value of a source-record field, or null. */
    public String field(SourceField field) {
        return field(field.solrName());
    }

    /** This record with an extra field set to these values (none: removed). */
    public StoredRecord withField(String name, String... values) {
        Map<String, List<String>> changed = new LinkedHashMap<>(fields);
        if (values.length == 0) {
            changed.remove(name);
        } else {
            changed.put(name, List.of(values));
        }
        return new StoredRecord(id, datestamp, deleted, sets, libraries, source, status, xml, raw, changed, version);
    }

    /** This record with another version expectation for {@link CatalogStore#putIfVersion}. */
    public StoredRecord withVersion(long value) {
        return new StoredRecord(id, datestamp, deleted, sets, libraries, source, status, xml, raw, fields, value);
    }

    /** Builds records; everything but id and datestamp is optional. */
    public static final class Builder {
        private final String id;
        private final Instant datestamp;
        private boolean deleted;
        private final Set<String> sets = new TreeSet<>();
        private final Set<String> libraries = new TreeSet<>();
        private String source;
        private String status;
        private String xml;
        private String raw;
        private final Map<String, List<String>> fields = new LinkedHashMap<>();
        private long version;

        private Builder(String id, Instant datestamp) {
            this.id = id;
            this.datestamp = datestamp;
        }

        public Builder deleted(boolean value) {
            this.deleted = value;
            return this;
        }

        public Builder set(String spec) {
            sets.add(spec);
            return this;
        }

        public Builder library(String code) {
            libraries.add(code);
            return this;
        }

        public Builder source(String value) {
            this.source = value;
            return this;
        }

        public Builder status(String value) {
            this.status = value;
            return this;
        }

        public Builder status(SourceRecordStatus value) {
            return status(value.value());
        }

        public Builder xml(String value) {
            this.xml = value;
            return this;
        }

        public Builder raw(String value) {
            this.raw = value;
            return this;
        }

        public Builder field(String name, String... values) {
            fields.put(name, List.of(values));
            return this;
        }

        public Builder field(SourceField field, String... values) {
            return field(field.solrName(), values);
        }

        /** Sets a field with the values of a collection; no values removes it. */
        public Builder field(String name, Collection<String> values) {
            if (values.isEmpty()) {
                fields.remove(name);
            } else {
                fields.put(name, List.copyOf(values));
            }
            return this;
        }

        public Builder version(long value) {
            this.version = value;
            return this;
        }

        public StoredRecord build() {
            return new StoredRecord(id, datestamp, deleted, sets, libraries, source, status, xml, raw, fields, version);
        }
    }
}

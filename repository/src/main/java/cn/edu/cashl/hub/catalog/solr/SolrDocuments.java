package cn.edu.cashl.hub.catalog.solr;

import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.StoredRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/** Maps {@link StoredRecord}s to Solr documents and back; the field names are the configset's. */
final class SolrDocuments {

    static final String ID = "id";
    static final String DATESTAMP = "datestamp";
    static final String DELETED = "deleted";
    static final String SET = "set";
    static final String LIBRARY = "library";
    static final String SOURCE = "source";
    static final String STATUS = "status";
    static final String XML = "xml";
    static final String RAW = "raw";
    static final String VERSION = "_version_";
    /** What {@code withContent=false} reads: every stored field but the two XML ones. */
    static final String HEADER_FIELDS = String.join(
            ",",
            ID,
            DATESTAMP,
            DELETED,
            SET,
            LIBRARY,
            SOURCE,
            STATUS,
            VERSION,
            "master",
            "content_hash",
            "member",
            "cluster",
            "other_format",
            "replaced_by",
            "*_s",
            "*_ss",
            "*_t",
            "*_txt",
            "*_i",
            "*_l",
            "*_dt",
            "*_b");
    /** What OAI-PMH headers and provenance read of a master record ({@code Projection.HEADERS}). */
    static final String PUBLISHED_HEADERS =
            String.join(",", ID, DATESTAMP, DELETED, SET, RecordFilter.FORMER_SET, "member");

    /**
     * What {@code Projection.ORIGINS} reads: single-valued fields with docValues only, which a
     * search then reads from docValues and never from the stored document. The {@code *_s} fields
     * go by pattern: Solr reads named fields from docValues only when every one of them is in the
     * index, and a catalogue of imported files, for one, has no OAI-PMH field yet.
     */
    static final String ORIGIN_FIELDS = String.join(",", ID, DATESTAMP, SOURCE, "*_s");

    private static final Set<String> CORE_FIELDS =
            Set.of(ID, DATESTAMP, DELETED, SET, LIBRARY, SOURCE, STATUS, XML, RAW, VERSION, "_root_");

    private SolrDocuments() {}

    /** The document for a conditional write: with the version the store must still have. */
    static SolrInputDocument toSolrIfVersion(StoredRecord record) {
        SolrInputDocument doc = toSolr(record);
        if (record.version() != 0) {
            doc.setField(VERSION, record.version());
        }
        return doc;
    }

    static SolrInputDocument toSolr(StoredRecord record) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.setField(ID, record.id());
        doc.setField(DATESTAMP, Date.from(record.datestamp()));
        doc.setField(DELETED, record.deleted());
        record.sets().forEach(set -> doc.addField(SET, set));
        record.libraries().forEach(library -> doc.addField(LIBRARY, library));
        setIfPresent(doc, SOURCE, record.source());
        setIfPresent(doc, STATUS, record.status());
        setIfPresent(doc, XML, record.xml());
        setIfPresent(doc, RAW, record.raw());
        record.fields().forEach((name, values) -> {
            if (CORE_FIELDS.contains(name)) {
                throw new IllegalArgumentException(
                        "field " + name + " is part of the record itself, not an extra field");
            }
            values.forEach(value -> doc.addField(name, value));
        });
        return doc;
    }

    static StoredRecord fromSolr(SolrDocument doc) {
        StoredRecord.Builder builder =
                StoredRecord.builder((String) doc.getFirstValue(ID), ((Date) doc.getFirstValue(DATESTAMP)).toInstant());
        builder.deleted(Boolean.TRUE.equals(doc.getFirstValue(DELETED)));
        strings(doc.getFieldValues(SET)).forEach(builder::set);
        strings(doc.getFieldValues(LIBRARY)).forEach(builder::library);
        builder.source((String) doc.getFirstValue(SOURCE))
                .status((String) doc.getFirstValue(STATUS))
                .xml((String) doc.getFirstValue(XML))
                .raw((String) doc.getFirstValue(RAW));
        Map<String, List<String>> extra = new LinkedHashMap<>();
        for (String name : new TreeSet<>(doc.getFieldNames())) {
            if (!CORE_FIELDS.contains(name)) {
                extra.put(name, strings(doc.getFieldValues(name)));
            }
        }
        extra.forEach((name, values) -> builder.field(name, values.toArray(String[]::new)));
        if (doc.getFirstValue(VERSION) instanceof Long version) {
            builder.version(version);
        }
        return builder.build();
    }

    private static void setIfPresent(SolrInputDocument doc, String field, String value) {
        if (value != null) {
            doc.setField(field, value);
        }
    }

    private static List<String> strings(Collection<Object> values) {
        List<String> result = new ArrayList<>();
        if (values != null) {
            for (Object value : values) {
                result.add(value instanceof Date date ? date.toInstant().toString() : String.valueOf(value));
            }
        }
        return result;
    }
}

package cn.edu.cashl.hub.merge;

import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.InvalidRecordException;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import java.time.Instant;

/**
 * Canonical source records for tests, built from a few parts, as the ingest pipeline would hand them
 * to the union catalogue.
 */
public final class Books {

    public static final Instant HARVESTED = Instant.parse("2026-01-01T00:00:00Z");

    private final String source;
    private final String localId;
    private String type = "book";
    private String isbns = "";
    private String title = "Pride and prejudice";
    private String partNumber;
    private String author = "Austen, Jane";
    private String year = "2003";
    private String subject;
    private String form = "print";
    private String callNumber;
    private String url;
    private String access;

    private Books(String source, String localId) {
        this.source = source;
        this.localId = localId;
    }

    /** A record of {@code source} with local id {@code localId}: source record id "source:localId". */
    public static Books book(String source, String localId) {
        return new Books(source, localId);
    }

    public Books isbn(String... values) {
        StringBuilder xml = new StringBuilder();
        for (String value : values) {
            xml.append("<isbn>").append(value).append("</isbn>");
        }
        this.isbns = xml.toString();
        return this;
    }

    public Books invalidIsbn(String value) {
        this.isbns = "<isbn valid=\"false\">" + value + "</isbn>";
        return this;
    }

    public Books title(String value) {
        this.title = value;
        return this;
    }

    public Books volume(String value) {
        this.partNumber = value;
        return this;
    }

    public Books author(String value) {
        this.author = value;
        return this;
    }

    public Books year(String value) {
        this.year = value;
        return this;
    }

    public Books subject(String value) {
        this.subject = value;
        return this;
    }

    public Books callNumber(String value) {
        this.callNumber = value;
        return this;
    }

    public Books electronic() {
        this.type = "ebook";
        this.form = "electronic";
        return this;
    }

    /** An electronic holding in open access (schema 1.1). */
    public Books openAccess() {
        this.access = "openAccess";
        return electronic();
    }

    /** The holding's URL. */
    public Books url(String value) {
        this.url = value;
        return this;
    }

    public String id() {
        return source + ":" + localId;
    }

    public String xml() {
        return "<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"" + id() + "\" type=\"" + type
                + "\" schemaVersion=\"" + (access == null ? "1.0" : "1.1") + "\">"
                + "<identifiers>" + isbns + "<local source=\"" + source + "\">" + localId + "</local></identifiers>"
                + "<title><main>" + title + "</main>"
                + (partNumber == null ? "" : "<partNumber>" + partNumber + "</partNumber>") + "</title>"
                + (author == null ? "" : "<contributor kind=\"person\"><name>" + author + "</name></contributor>")
                + (year == null ? "" : "<publication><year>" + year + "</year></publication>")
                + "<language>eng</language>"
                + (subject == null ? "" : "<subject scheme=\"lcsh\">" + subject + "</subject>")
                + "<discipline rule=\"test\">hss</discipline>"
                + "<holding library=\"" + source + "\" localId=\"" + localId + "\" form=\"" + form + "\""
                + (access == null ? "" : " access=\"" + access + "\"") + ">"
                + (callNumber == null ? "" : "<callNumber>" + callNumber + "</callNumber>")
                + (url == null ? "" : "<url>" + url + "</url>") + "</holding>"
                + "<provenance source=\"" + source + "\" sourceIdentifier=\"" + localId + "\" harvestedAt=\""
                + HARVESTED
                + "\" crosswalk=\"test@1\"/>"
                + "</record>";
    }

    public SourceChange accepted() {
        String xml = xml();
        try {
            CashlRecord record = CashlRecords.get().read(xml);
            StoredRecord sourceRecord = StoredRecord.builder(id(), HARVESTED)
                    .source(source)
                    .status("accepted")
                    .xml(xml)
                    .build();
            return SourceChange.accepted(sourceRecord, record);
        } catch (InvalidRecordException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + xml, e);
        }
    }

    public SourceChange filtered() {
        return SourceChange.withdrawn(StoredRecord.builder(id(), HARVESTED)
                .source(source)
                .status("filtered")
                .xml(xml())
                .build());
    }

    public SourceChange deleted() {
        return SourceChange.deleted(id());
    }
}

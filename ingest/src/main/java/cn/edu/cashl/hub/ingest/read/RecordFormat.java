package cn.edu.cashl.hub.ingest.read;

/** The metadata format of one record, which decides the inbound crosswalk. */
public enum RecordFormat {
    MARC21("marc21-to-cashl"),
    UNIMARC("unimarc-to-cashl"),
    OAI_DC("oai_dc-to-cashl"),
    MODS("mods-to-cashl"),
    /** A journal article's JATS or NLM front matter. */
    JATS("jats-to-cashl"),
    /** A Crossref work's JSON, as {@link CrossrefReader} wraps it. */
    CROSSREF("crossref-to-cashl"),
    /** A row of a KBART title list, as {@link KbartReader} writes it. */
    KBART("kbart-to-cashl");

    private final String crosswalk;

    RecordFormat(String crosswalk) {
        this.crosswalk = crosswalk;
    }

    /** The inbound crosswalk used when the source does not name another. */
    public String defaultCrosswalk() {
        return crosswalk;
    }
}

package cn.edu.cashl.hub.ingest.read;

import java.util.Locale;
import java.util.Optional;

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
    /** An article in DOAJ's own OAI-PMH format ({@code doajArticle}, metadataPrefix oai_doaj). */
    OAI_DOAJ("oai_doaj-to-cashl"),
    /** An arXiv e-print in arXiv's OAI-PMH formats ({@code arXiv} or {@code arXivRaw}). */
    ARXIV("arxiv-to-cashl"),
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

    /**
     * The format a source declares, by its name: an OAI-PMH metadataPrefix ({@code marc21},
     * {@code unimarc}, {@code mods}, {@code oai_dc}, {@code pmc_fm}, {@code oai_doaj}, {@code arXiv},
     * {@code arXivRaw}...) or the {@code format} of a file source. Empty for {@code auto}, none, and
     * names that do not tell; the records themselves still say what they are when they are read.
     */
    public static Optional<RecordFormat> declared(String format) {
        if (format == null || format.isBlank()) {
            return Optional.empty();
        }
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (f.contains("unimarc")) {
            return Optional.of(UNIMARC);
        }
        if (f.contains("marc")) {
            return Optional.of(MARC21);
        }
        if (f.contains("mods")) {
            return Optional.of(MODS);
        }
        return Optional.ofNullable(
                switch (f) {
                    case "oai_dc", "dc" -> OAI_DC;
                    case "kbart" -> KBART;
                    case "jats", "pmc_fm", "nlm" -> JATS;
                    case "crossref" -> CROSSREF;
                    case "oai_doaj", "doaj" -> OAI_DOAJ;
                    case "arxiv", "arxivraw" -> ARXIV;
                    default -> null;
                });
    }
}

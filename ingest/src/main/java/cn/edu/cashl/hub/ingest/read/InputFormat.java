package cn.edu.cashl.hub.ingest.read;

import java.util.Locale;

/** What the operator says an input is ({@code --format}); {@link #AUTO} tells from the content. */
public enum InputFormat {
    AUTO,
    MARC21,
    UNIMARC,
    MARCXML,
    OAI_DC,
    MODS,
    /** JATS or NLM journal articles. */
    JATS,
    /** Crossref works as JSON (REST API answers, snapshot files). */
    CROSSREF,
    /** DOAJ articles in DOAJ's own format ({@code doajArticle}). */
    OAI_DOAJ,
    /** arXiv e-prints ({@code arXiv} or {@code arXivRaw} records; {@code arxivraw} names the same). */
    ARXIV,
    /** A KBART title list (tab-separated, a header row). */
    KBART;

    /**
     * Parses a {@code --format} value: auto, marc21, unimarc, marcxml, oai_dc, mods, jats, crossref,
     * oai_doaj, arxiv (or arxivraw), kbart.
     */
    public static InputFormat parse(String value) {
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return name.equals("ARXIVRAW") ? ARXIV : valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + value
                    + "' (use auto, marc21, unimarc, marcxml, oai_dc, mods, jats, crossref, oai_doaj, arxiv or kbart)");
        }
    }
}

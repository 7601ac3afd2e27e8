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
    /** A KBART title list (tab-separated, a header row). */
    KBART;

    /** Parses a {@code --format} value: auto, marc21, unimarc, marcxml, oai_dc, mods, jats, crossref, kbart. */
    public static InputFormat parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + value
                    + "' (use auto, marc21, unimarc, marcxml, oai_dc, mods, jats, crossref or kbart)");
        }
    }
}

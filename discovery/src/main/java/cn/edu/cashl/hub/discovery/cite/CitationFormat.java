package cn.edu.cashl.hub.discovery.cite;

import cn.edu.cashl.hub.schema.v1.CashlRecord;
import java.util.Locale;

/** The citation formats a record page exports, for reference managers (Zotero, EndNote, BibTeX, Pandoc). */
public enum CitationFormat {
    RIS("ris", "RIS", "application/x-research-info-systems", "ris"),
    BIBTEX("bibtex", "BibTeX", "application/x-bibtex; charset=UTF-8", "bib"),
    CSL_JSON("csl-json", "CSL-JSON", "application/vnd.citationstyles.csl+json", "json");

    private final String param;
    private final String label;
    private final String mediaType;
    private final String extension;

    CitationFormat(String param, String label, String mediaType, String extension) {
        this.param = param;
        this.label = label;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** Its value of the record page's {@code format} parameter. */
    public String param() {
        return param;
    }

    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name a browser saves it as. */
    public String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension;
    }

    /** The format a {@code format} parameter names, or null. */
    public static CitationFormat of(String param) {
        if (param == null) {
            return null;
        }
        String folded = param.strip().toLowerCase(Locale.ROOT);
        for (CitationFormat format : values()) {
            if (format.param.equals(folded)) {
                return format;
            }
        }
        return null;
    }

    /**
     * The record's citation in this format.
     *
     * @param url the record's page, which the citation links to
     */
    public String write(String id, CashlRecord record, String url) {
        CitedWork work = CitedWork.of(id, record, url);
        return switch (this) {
            case RIS -> Ris.write(work);
            case BIBTEX -> BibTex.write(work);
            case CSL_JSON -> CslJson.write(work);
        };
    }
}

package cn.edu.cashl.hub.discovery;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the reader's words are searched in: the choice beside the search box. Each is a CQL index of
 * the SRU endpoint (docs/sru.md), so the page finds exactly what SRU finds for the same words.
 */
public enum SearchField {
    /** Every field, ranked by relevance: title, authors, subjects, identifiers, abstracts. */
    ALL("all", "cql.serverChoice"),
    TITLE("title", "dc.title"),
    AUTHOR("author", "dc.creator"),
    SUBJECT("subject", "dc.subject"),
    /** An ISBN or ISSN, in any of their printed forms. */
    ISBN_ISSN("isbn-issn", null),
    DOI("doi", "cashl.doi");

    private static final Pattern ISSN = Pattern.compile("\\d{4}-?\\d{3}[\\dXx]");

    private final String param;
    private final String index;

    SearchField(String param, String index) {
        this.param = param;
        this.index = index;
    }

    /** Its value of the {@code field} parameter. */
    public String param() {
        return param;
    }

    /** The field a {@code field} parameter names; {@link #ALL} for none or an unknown one. */
    public static SearchField of(String param) {
        if (param != null) {
            String folded = param.strip().toLowerCase(Locale.ROOT);
            for (SearchField field : values()) {
                if (field.param.equals(folded)) {
                    return field;
                }
            }
        }
        return ALL;
    }

    /**
     * The CQL clause that searches these words in this field: every word ({@code all}) in the text
     * fields, the whole value in the identifier fields. Masking ({@code *}, {@code ?}) stays what CQL
     * makes it in words; identifiers are matched literally.
     */
    String clause(String words) {
        return switch (this) {
            case ALL, TITLE, AUTHOR, SUBJECT -> index + " all " + Cql.quote(words, true);
            case DOI -> index + " = " + Cql.quote(words, false);
            case ISBN_ISSN -> {
                String compact = words.strip().replace(" ", "");
                yield (ISSN.matcher(compact).matches() ? "bath.issn" : "bath.isbn") + " = " + Cql.quote(compact, false);
            }
        };
    }
}

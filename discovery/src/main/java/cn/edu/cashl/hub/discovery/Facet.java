package cn.edu.cashl.hub.discovery;

import cn.edu.cashl.hub.sru.diagnostic.SruException;
import cn.edu.cashl.hub.sru.query.IndexCatalog;
import java.util.Locale;
import java.util.Map;

/**
 * A facet of the search page: a CQL index of the SRU endpoint whose values the reader narrows by
 * (the parameter of the same name, repeatable) and whose counts the page shows. Its field is the
 * index's field of whole values, so the counts and the narrowing agree with SRU.
 */
public enum Facet {
    HOLDING("holding", "bath.possessingInstitution", 12),
    TYPE("type", "dc.type", 8),
    LANGUAGE("language", "dc.language", 8),
    YEAR("year", "cashl.year", 10),
    /** {@code online}, {@code openAccess}, {@code print} (docs/efirst.md). */
    ACCESS("access", "cashl.access", 3);

    private final String param;
    private final String index;
    private final String field;
    private final int limit;

    Facet(String param, String index, int limit) {
        this.param = param;
        this.index = index;
        this.limit = limit;
        try {
            this.field = IndexCatalog.resolve(index, Map.of()).keyField();
        } catch (SruException e) {
            throw new ExceptionInInitializerError("no SRU index " + index + ": " + e.getMessage());
        }
    }

    /** Its parameter in search URLs. */
    public String param() {
        return param;
    }

    /** The search field whose values it counts. */
    public String field() {
        return field;
    }

    /** How many of its values the page lists, most frequent first. */
    public int limit() {
        return limit;
    }

    /** The facet a parameter names, or null. */
    public static Facet of(String param) {
        String folded = param.toLowerCase(Locale.ROOT);
        for (Facet facet : values()) {
            if (facet.param.equals(folded)) {
                return facet;
            }
        }
        return null;
    }

    /** The CQL clause that keeps the records with this value. */
    String clause(String value) {
        return index + " = " + Cql.quote(value, false);
    }
}

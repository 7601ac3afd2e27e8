package cn.edu.cashl.hub.discovery;

import cn.edu.cashl.hub.catalog.CatalogSearch.SortKey;
import cn.edu.cashl.hub.catalog.SearchFields;
import java.util.List;
import java.util.Locale;

/** The orders a reader can sort results in. Ties fall back to the record id, so pages never overlap. */
public enum SortOrder {
    RELEVANCE("relevance", List.of()),
    NEWEST("newest", List.of(new SortKey(SearchFields.YEAR, true))),
    OLDEST("oldest", List.of(new SortKey(SearchFields.YEAR, false))),
    TITLE("title", List.of(new SortKey(SearchFields.TITLE_SORT, false)));

    private final String param;
    private final List<SortKey> keys;

    SortOrder(String param, List<SortKey> keys) {
        this.param = param;
        this.keys = keys;
    }

    public String param() {
        return param;
    }

    List<SortKey> keys() {
        return keys;
    }

    /** The order a {@code sort} parameter names; relevance for none or an unknown one. */
    public static SortOrder of(String param) {
        if (param != null) {
            String folded = param.strip().toLowerCase(Locale.ROOT);
            for (SortOrder order : values()) {
                if (order.param.equals(folded)) {
                    return order;
                }
            }
        }
        return RELEVANCE;
    }
}

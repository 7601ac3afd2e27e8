package cn.edu.cashl.hub.sru.query;

import cn.edu.cashl.hub.catalog.CatalogSearch.SortKey;
import cn.edu.cashl.hub.sru.cql.CqlModifier;
import cn.edu.cashl.hub.sru.cql.CqlNode;
import cn.edu.cashl.hub.sru.cql.CqlSortKey;
import cn.edu.cashl.hub.sru.diagnostic.SruException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sort keys, from a CQL {@code sortby} clause (SRU 1.2 and 2.0) or the SRU 1.1 / 2.0
 * {@code sortKeys} parameter ({@code path,schema,ascending,caseSensitive,missingValue}). Sorting is
 * case- and accent-insensitive and puts records without a value last: asking for anything else gets
 * the sort diagnostic for it.
 */
public final class SortTranslator {

    static final int MAX_KEYS = 5;

    private SortTranslator() {}

    /** The keys of a {@code sortby} clause; prefixes are those assigned at the top of the query. */
    public static List<SortKey> fromCql(List<CqlSortKey> keys, CqlNode root) throws SruException {
        Map<String, String> prefixes = CqlTranslator.scope(Map.of(), root.prefixes());
        List<SortKey> sort = new ArrayList<>();
        for (CqlSortKey key : limit(keys)) {
            boolean descending = false;
            for (CqlModifier modifier : key.modifiers()) {
                String type =
                        modifier.type().startsWith("sort.") ? modifier.type().substring(5) : modifier.type();
                switch (type) {
                    case "ascending" -> descending = false;
                    case "descending" -> descending = true;
                    case "ignorecase", "ignoreaccents" -> {}
                    case "respectcase", "respectaccents" ->
                        throw SruException.of(91, modifier.type(), "sorting ignores case and accents");
                    case "missinghigh", "missinglow", "missingomit", "missingfail", "missingvalue" -> {
                        if (!(type.equals("missinghigh") && !descending || type.equals("missinglow") && descending)) {
                            throw SruException.of(92, modifier.type(), "records without the value always sort last");
                        }
                    }
                    default -> throw SruException.of(82, modifier.type(), "unknown sort modifier " + modifier.type());
                }
            }
            sort.add(new SortKey(sortField(key.index(), prefixes), descending));
        }
        return sort;
    }

    /** The keys of an SRU {@code sortKeys} parameter: space-separated, comma-separated parts. */
    public static List<SortKey> fromParameter(String sortKeys) throws SruException {
        List<SortKey> sort = new ArrayList<>();
        List<String> keys = List.of(sortKeys.trim().split("\\s+"));
        for (String key : limit(keys)) {
            String[] parts = key.split(",", -1);
            String path = parts[0];
            if (parts.length > 1 && !parts[1].isEmpty()) {
                throw SruException.of(87, parts[1], "sort keys name indexes, not schema paths");
            }
            boolean ascending = parts.length <= 2 || parts[2].isEmpty() || parts[2].equals("1");
            if (parts.length > 2 && !parts[2].isEmpty() && !parts[2].equals("0") && !parts[2].equals("1")) {
                throw SruException.of(90, parts[2], "ascending is 1 or 0");
            }
            if (parts.length > 3 && parts[3].equals("1")) {
                throw SruException.of(91, "1", "sorting ignores case");
            }
            if (parts.length > 4
                    && !parts[4].isEmpty()
                    && !(parts[4].equals("highValue") && ascending || parts[4].equals("lowValue") && !ascending)) {
                throw SruException.of(92, parts[4], "records without the value always sort last");
            }
            sort.add(new SortKey(sortField(path, Map.of()), !ascending));
        }
        return sort;
    }

    private static <T> List<T> limit(List<T> keys) throws SruException {
        if (keys.size() > MAX_KEYS) {
            throw SruException.of(84, String.valueOf(MAX_KEYS), "at most " + MAX_KEYS + " sort keys");
        }
        return keys;
    }

    private static String sortField(String name, Map<String, String> prefixes) throws SruException {
        SruIndex index = IndexCatalog.resolve(name, prefixes);
        if (index.sortField() == null) {
            throw SruException.of(88, name, "sortable indexes: " + String.join(", ", sortable()));
        }
        return index.sortField();
    }

    public static List<String> sortable() {
        return IndexCatalog.all().stream()
                .filter(i -> i.sortField() != null)
                .map(SruIndex::qualifiedName)
                .toList();
    }
}

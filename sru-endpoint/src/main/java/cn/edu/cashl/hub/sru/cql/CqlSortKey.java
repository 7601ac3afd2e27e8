package cn.edu.cashl.hub.sru.cql;

import java.util.List;

/** One key of a {@code sortby} clause: an index with its modifiers ({@code dc.date/sort.descending}). */
public record CqlSortKey(String index, List<CqlModifier> modifiers) {

    public CqlSortKey {
        modifiers = List.copyOf(modifiers);
    }
}

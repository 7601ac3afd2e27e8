package cn.edu.cashl.hub.sru.cql;

import java.util.List;

/**
 * A parsed CQL query: its tree and the keys of its {@code sortby} clause (empty when it has none).
 */
public record CqlQuery(CqlNode root, List<CqlSortKey> sortKeys) {

    public CqlQuery {
        sortKeys = List.copyOf(sortKeys);
    }
}

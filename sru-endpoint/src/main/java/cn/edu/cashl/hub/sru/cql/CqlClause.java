package cn.edu.cashl.hub.sru.cql;

import java.util.List;

/**
 * A search clause: index, relation and term. A bare term has the index {@code cql.serverChoice}
 * and the relation {@code =}; a parenthesised query after a relation inherits its index and
 * relation ({@code title = (fish or chips)}).
 *
 * @param term the term as written without its quotes; backslash escapes and masking characters
 *             ({@code * ? ^ \}) are kept, for the translation to interpret
 */
public record CqlClause(List<CqlPrefix> prefixes, String index, CqlRelation relation, String term) implements CqlNode {

    public CqlClause {
        prefixes = List.copyOf(prefixes);
    }
}

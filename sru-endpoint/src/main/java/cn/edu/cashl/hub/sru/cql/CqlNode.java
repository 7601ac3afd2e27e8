package cn.edu.cashl.hub.sru.cql;

import java.util.List;

/**
 * A node of a parsed CQL query: a search clause or a boolean triple. Prefix assignments sit on the
 * node they were written before, as XCQL shows them; they scope over that node's subtree.
 */
public sealed interface CqlNode permits CqlClause, CqlBoolean {

    /** The prefix assignments written before this node, outermost first; often empty. */
    List<CqlPrefix> prefixes();
}

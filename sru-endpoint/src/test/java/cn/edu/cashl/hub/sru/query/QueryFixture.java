package cn.edu.cashl.hub.sru.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.edu.cashl.hub.sru.cql.CqlParser;
import cn.edu.cashl.hub.sru.cql.CqlQuery;
import cn.edu.cashl.hub.sru.cql.CqlSyntaxException;
import cn.edu.cashl.hub.sru.diagnostic.SruDiagnostic;
import cn.edu.cashl.hub.sru.diagnostic.SruException;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;

/**
 * Queries parsed by the hub's own parser, as the endpoint parses them, so that the tests of the
 * translation see the trees real requests produce (bare terms as cql.serverChoice, relation
 * modifiers lower-cased, prefixes on the node beneath them).
 */
final class QueryFixture {

    /** No result set exists. */
    static final Function<String, SolrQueryText> NO_RESULT_SETS = id -> null;

    private QueryFixture() {}

    static CqlQuery parse(String cql) {
        try {
            return CqlParser.parse(cql);
        } catch (CqlSyntaxException e) {
            throw new AssertionError("the test's query does not parse: " + cql, e);
        }
    }

    static SolrQueryText translate(String cql) throws SruException {
        return CqlTranslator.translate(parse(cql), NO_RESULT_SETS);
    }

    /** The diagnostic a call fails with; it must fail with one. */
    static SruDiagnostic diagnostic(Executable call) {
        return assertThrows(SruException.class, call).diagnostic();
    }

    static void assertDiagnostic(int code, String details, Executable call) {
        SruDiagnostic diagnostic = diagnostic(call);
        assertEquals(code, diagnostic.code(), diagnostic::message);
        assertEquals(details, diagnostic.details(), diagnostic::message);
    }

    /** The translation of a query, its text and every parameter it passes. */
    static void assertTranslation(String cql, String query, Map<String, String> params) throws SruException {
        SolrQueryText solr = translate(cql);
        assertEquals(query, solr.query(), cql);
        assertEquals(params, solr.params(), cql);
    }
}

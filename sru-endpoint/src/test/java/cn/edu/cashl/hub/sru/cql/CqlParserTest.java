package cn.edu.cashl.hub.sru.cql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CqlParserTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "`title = `      | expected index or term, got EOF | 8",
                "(a              | expected ')', got EOF           | 2",
                "ndex any fish)  | junk after end: ')'            | 14",
                "a and b )       | junk after end: ')'            | 9",
                "a b = c         | unexpected relation '='        | 5",
                "a sortby        | no sort keys                    | 8",
                "a \"b\" (c)       | expected boolean, got '('       | 7",
                "a =/and b       | expected modifier, got and      | 7",
                "`> dc = `       | expected prefix-identifer, got EOF | 7",
                "`\"abc`         | expected index or term, got EOF | 4",
                "`a \"abc`       | unterminated string             | 6",
                "`\"abc\\`       | expected index or term, got EOF | 5",
            })
    void reportsErrorsAsCqlJavaDoes(String query, String message, int position) {
        CqlSyntaxException e = assertThrows(CqlSyntaxException.class, () -> CqlParser.parse(query));
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
    }

    @Test
    void detailAddsThePosition() {
        CqlSyntaxException e = assertThrows(CqlSyntaxException.class, () -> CqlParser.parse("index any"));
        assertEquals("expected index or term, got EOF (at character 9)", e.detail());
    }

    @Test
    void keywordsAreCaseInsensitive() throws CqlSyntaxException {
        CqlQuery query = CqlParser.parse("a AND b PROX/distance<3 c Sortby title");

        CqlBoolean prox = assertInstanceOf(CqlBoolean.class, query.root());
        assertEquals("PROX", prox.operator());
        assertEquals(CqlBoolean.Operator.PROX, prox.kind());
        assertEquals(List.of(new CqlModifier("distance", "<", "3")), prox.modifiers());
        CqlBoolean and = assertInstanceOf(CqlBoolean.class, prox.left());
        assertEquals("AND", and.operator());
        assertEquals(CqlBoolean.Operator.AND, and.kind());
        assertEquals(List.of(new CqlSortKey("title", List.of())), query.sortKeys());
    }

    @Test
    void booleanKinds() throws CqlSyntaxException {
        for (CqlBoolean.Operator operator : CqlBoolean.Operator.values()) {
            CqlQuery query = CqlParser.parse("a " + operator.name().toLowerCase() + " b");
            assertEquals(
                    operator, assertInstanceOf(CqlBoolean.class, query.root()).kind());
        }
    }

    @Test
    void modifiersOnRelationAndBoolean() throws CqlSyntaxException {
        CqlQuery query = CqlParser.parse("dc.title Any/Stem/rel.algorithm=CORI fish or/rel.combine=sum cat");

        CqlBoolean or = assertInstanceOf(CqlBoolean.class, query.root());
        assertEquals(List.of(new CqlModifier("rel.combine", "=", "sum")), or.modifiers());
        CqlClause clause = assertInstanceOf(CqlClause.class, or.left());
        assertEquals("dc.title", clause.index());
        assertEquals(
                new CqlRelation("Any", List.of(CqlModifier.of("stem"), new CqlModifier("rel.algorithm", "=", "CORI"))),
                clause.relation());
        assertEquals("fish", clause.term());
    }

    @Test
    void parenthesesAfterARelationInheritIndexAndRelation() throws CqlSyntaxException {
        CqlBoolean or = assertInstanceOf(
                CqlBoolean.class, CqlParser.parse("title = (fish or chips)").root());
        CqlRelation equals = new CqlRelation("=", List.of());

        assertEquals(new CqlClause(List.of(), "title", equals, "fish"), or.left());
        assertEquals(new CqlClause(List.of(), "title", equals, "chips"), or.right());
    }

    @Test
    void aBareTermSearchesServerChoice() throws CqlSyntaxException {
        assertEquals(
                new CqlClause(List.of(), "cql.serverChoice", new CqlRelation("=", List.of()), "te\\\"rm"),
                CqlParser.parse("\"te\\\"rm\"").root());
    }

    @Test
    void prefixesMergeOntoTheNodeBeneathThem() throws CqlSyntaxException {
        CqlNode root = CqlParser.parse("> \"urn:default\" > dc = \"urn:dc\" (> x = y a)")
                .root();

        assertEquals(
                List.of(new CqlPrefix(null, "urn:default"), new CqlPrefix("dc", "urn:dc"), new CqlPrefix("x", "y")),
                root.prefixes());
        assertNull(root.prefixes().get(0).name());
    }

    @Test
    void deepNestingIsASyntaxError() {
        String parentheses = "(".repeat(100_000) + "a" + ")".repeat(100_000);
        assertEquals(
                "query nested too deeply",
                assertThrows(CqlSyntaxException.class, () -> CqlParser.parse(parentheses))
                        .getMessage());

        String prefixes = "> p = x a and ".repeat(100_000) + "b";
        assertEquals(
                "query nested too deeply",
                assertThrows(CqlSyntaxException.class, () -> CqlParser.parse(prefixes))
                        .getMessage());
    }

    @Test
    void aDeepTreeIsASyntaxError() {
        String chain = "a" + " or a".repeat(100_000);
        assertEquals(
                "query nested too deeply",
                assertThrows(CqlSyntaxException.class, () -> CqlParser.parse(chain))
                        .getMessage());
    }

    @Test
    void nestingUpToTheLimitParses() throws CqlSyntaxException {
        int depth = CqlParser.MAX_DEPTH;
        CqlParser.parse("(".repeat(depth) + "a" + ")".repeat(depth));
        CqlParser.parse("> p = x a and ".repeat(depth - 1) + "b");
        // A tree as deep as allowed; writing it recursively must not overflow the stack.
        CqlQuery chain = CqlParser.parse("a" + " or a".repeat(depth - 1));
        Xcql.write(chain);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"abc",
                "a \"abc",
                "\"abc\\",
                "a sortby \"k",
                "/",
                ">",
                "=",
                "",
                "   ",
                "\t\r\n",
                "(",
                ")",
                "a /",
                "a = /",
                "a and",
                "> =",
                "\"\\",
                "a sortby b/",
                "a sortby b/c=",
                "a=b=",
                "<>"
            })
    void malformedQueriesFailWithASyntaxError(String query) {
        assertThrows(CqlSyntaxException.class, () -> CqlParser.parse(query));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc\\", "a\"b", "\"\"", "and", "sortby sortby x", "a = b = c", "x.y.z", "any any any"})
    void oddButValidQueriesParse(String query) throws CqlSyntaxException {
        CqlParser.parse(query);
    }

    /** Random strings of CQL's special characters and words: a result or a syntax error, nothing else. */
    @Test
    void anyInputGivesATreeOrASyntaxError() {
        String[] pieces = {
            "(",
            ")",
            "/",
            "<",
            ">",
            "=",
            "\"",
            "\\",
            " ",
            "\t",
            "a",
            "b.c",
            "and",
            "OR",
            "prox",
            "sortby",
            "any",
            "=",
            "<=",
            "<>",
            "==",
            ">=",
            "é",
            "\uD83D\uDE00"
        };
        Random random = new Random(20240611L);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder query = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                query.append(pieces[random.nextInt(pieces.length)]);
            }
            try {
                Xcql.write(CqlParser.parse(query.toString()));
            } catch (CqlSyntaxException expected) {
                // fine
            } catch (RuntimeException | StackOverflowError e) {
                fail("query " + query + " threw " + e, e);
            }
        }
    }
}

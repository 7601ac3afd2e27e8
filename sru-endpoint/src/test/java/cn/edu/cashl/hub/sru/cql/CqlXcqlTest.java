package cn.edu.cashl.hub.sru.cql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the regression suite does not show of {@link Xcql}. */
class CqlXcqlTest {

    @Test
    void escapesOnlyWhatXmlRequires() throws CqlSyntaxException {
        assertEquals("""
                <searchClause>
                  <prefixes>
                    <prefix>
                      <name>p</name>
                      <identifier>urn:a&amp;b</identifier>
                    </prefix>
                  </prefixes>
                  <index>cql.serverChoice</index>
                  <relation>
                    <value>=</value>
                  </relation>
                  <term>a &amp; b's \\"c\\" &lt;d&gt;</term>
                </searchClause>
                """, Xcql.write(CqlParser.parse("> p = \"urn:a&b\" \"a & b's \\\"c\\\" <d>\"")));
    }

    @Test
    void writesAHandBuiltQuery() {
        CqlClause clause = new CqlClause(List.of(), "dc.title", new CqlRelation("=", List.of()), "x");
        CqlQuery query =
                new CqlQuery(clause, List.of(new CqlSortKey("dc.date", List.of(CqlModifier.of("sort.descending")))));
        assertEquals("""
                <searchClause>
                  <index>dc.title</index>
                  <relation>
                    <value>=</value>
                  </relation>
                  <term>x</term>
                  <sortKeys>
                    <key>
                      <index>dc.date</index>
                      <modifiers>
                        <modifier>
                          <type>sort.descending</type>
                        </modifier>
                      </modifiers>
                    </key>
                  </sortKeys>
                </searchClause>
                """, Xcql.write(query));
    }
}

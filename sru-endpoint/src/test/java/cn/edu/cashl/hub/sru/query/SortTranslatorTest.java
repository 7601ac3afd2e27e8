package cn.edu.cashl.hub.sru.query;

import static cn.edu.cashl.hub.sru.query.QueryFixture.assertDiagnostic;
import static cn.edu.cashl.hub.sru.query.QueryFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.edu.cashl.hub.catalog.CatalogSearch.SortKey;
import cn.edu.cashl.hub.sru.cql.CqlQuery;
import cn.edu.cashl.hub.sru.diagnostic.SruException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sorting is case- and accent-insensitive with records lacking the value last, in either direction;
 * a sort key that asks for anything else is refused with the sort diagnostic for it rather than
 * sorted otherwise than asked.
 */
class SortTranslatorTest {

    private static final SortKey TITLE = new SortKey("title_sort", false);
    private static final SortKey TITLE_DESCENDING = new SortKey("title_sort", true);

    private static List<SortKey> sortby(String cql) throws SruException {
        CqlQuery query = parse(cql);
        return SortTranslator.fromCql(query.sortKeys(), query.root());
    }

    @Test
    void sortbyNamesIndexesWithTheirDirection() throws SruException {
        assertEquals(List.of(TITLE), sortby("x sortby dc.title"));
        assertEquals(List.of(TITLE), sortby("x sortby title"));
        assertEquals(List.of(TITLE_DESCENDING), sortby("x sortby dc.title/sort.descending"));
        assertEquals(
                List.of(TITLE_DESCENDING, new SortKey("year", false)),
                sortby("x sortby dc.title/DESCENDING dc.date/ascending"));
        assertEquals(
                List.of(new SortKey("id", false), new SortKey("datestamp", true), new SortKey("creator_sort", false)),
                sortby("x sortby rec.identifier rec.lastModificationDate/descending bath.name"));
        assertEquals(List.of(new SortKey("journal_key_s", true)), sortby("x sortby cashl.journal/descending"));
    }

    @Test
    void sortbyModifiersThatSayWhatTheHubDoesAreAccepted() throws SruException {
        assertEquals(List.of(TITLE), sortby("x sortby dc.title/ignoreCase/sort.ignoreAccents"));
        assertEquals(List.of(TITLE), sortby("x sortby dc.title/missingHigh"));
        assertEquals(List.of(TITLE_DESCENDING), sortby("x sortby dc.title/descending/sort.missingLow"));
    }

    @Test
    void sortbyUsesThePrefixesAssignedAtTheTopOfTheQuery() throws SruException {
        assertEquals(List.of(TITLE), sortby("> d = \"info:srw/cql-context-set/1/dc-v1.1\" x sortby d.title"));
        assertEquals(
                List.of(new SortKey("year", false)), sortby("> \"info:srw/cql-context-set/1/dc-v1.1\" x sortby date"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // 91 case and accents
                "x sortby dc.title/respectCase                         | 91 | respectcase",
                "x sortby dc.title/sort.respectAccents                 | 91 | sort.respectaccents",
                // 92 missing values: always last, so missingLow only descending and missingHigh only ascending
                "x sortby dc.title/missingLow                          | 92 | missinglow",
                "x sortby dc.title/descending/missingHigh              | 92 | missinghigh",
                "x sortby dc.title/missingOmit                         | 92 | missingomit",
                "x sortby dc.title/missingFail                         | 92 | missingfail",
                "x sortby dc.title/missingValue=zzz                    | 92 | missingvalue",
                // the direction a missing-value modifier is judged in is the one given before it
                "x sortby dc.title/missingLow/descending               | 92 | missinglow",
                // 82 anything else
                "x sortby dc.title/sort.locale=fr                      | 82 | sort.locale",
                "x sortby dc.title/rel.fancy                           | 82 | rel.fancy",
                // 88 an index without a sort field, 15 and 16 as anywhere
                "x sortby dc.subject                                   | 88 | dc.subject",
                "x sortby cql.serverChoice                             | 88 | cql.serverChoice",
                "x sortby foo.title                                    | 15 | foo",
                "x sortby dc.nosuch                                    | 16 | dc.nosuch",
                // 84 too many keys
                "x sortby title dc.date rec.identifier bath.name dc.creator cashl.year | 84 | 5",
            })
    void sortbyAskingForWhatTheHubCannotDoGetsItsDiagnostic(String cql, int code, String details) {
        assertDiagnostic(code, details, () -> sortby(cql));
    }

    @Test
    void theSortKeysParameterHasPathSchemaAscendingCaseSensitiveMissingValue() throws SruException {
        assertEquals(List.of(TITLE), SortTranslator.fromParameter("dc.title"));
        assertEquals(List.of(TITLE), SortTranslator.fromParameter("title,,1"));
        assertEquals(List.of(TITLE), SortTranslator.fromParameter(" dc.title,, "));
        assertEquals(List.of(TITLE_DESCENDING), SortTranslator.fromParameter("dc.title,,0"));
        assertEquals(List.of(new SortKey("year", true), TITLE), SortTranslator.fromParameter("dc.date,,0  dc.title"));
        assertEquals(List.of(TITLE), SortTranslator.fromParameter("dc.title,,1,0,highValue"));
        assertEquals(List.of(TITLE_DESCENDING), SortTranslator.fromParameter("dc.title,,0,,lowValue"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "dc.title,marcxml                | 87 | marcxml",
                "dc.title,,2                     | 90 | 2",
                "dc.title,,yes                   | 90 | yes",
                "dc.title,,1,1                   | 91 | 1",
                "dc.title,,1,,lowValue           | 92 | lowValue",
                "dc.title,,0,,highValue          | 92 | highValue",
                "dc.title,,1,,abort              | 92 | abort",
                "dc.subject                      | 88 | dc.subject",
                "nosuch                          | 16 | nosuch",
                "a b c d e f                     | 84 | 5",
            })
    void sortKeysAskingForWhatTheHubCannotDoGetTheirDiagnostic(String sortKeys, int code, String details) {
        assertDiagnostic(code, details, () -> SortTranslator.fromParameter(sortKeys));
    }

    @Test
    void sortableIndexesAreThoseWithASortField() {
        assertEquals(
                List.of(
                        "dc.title",
                        "dc.creator",
                        "cashl.title",
                        "cashl.creator",
                        "dc.contributor",
                        "dc.date",
                        "cashl.year",
                        "cashl.journal",
                        "bath.name",
                        "rec.identifier",
                        "rec.lastModificationDate"),
                SortTranslator.sortable());
    }
}

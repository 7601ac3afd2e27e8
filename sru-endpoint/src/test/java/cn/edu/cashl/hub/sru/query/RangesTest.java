package cn.edu.cashl.hub.sru.query;

import static cn.edu.cashl.hub.sru.query.QueryFixture.assertDiagnostic;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.edu.cashl.hub.sru.diagnostic.SruException;
import cn.edu.cashl.hub.sru.query.CqlTranslator.Clause;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers and dates as periods: {@code =} within the period, {@code <} before it starts, {@code >}
 * after it ends. Relations arrive as the translation hands them over ({@code cql.exact} already
 * {@code ==}); the way there from CQL is checked at the end.
 */
class RangesTest {

    private static String number(String relation, String term) throws SruException {
        return Ranges.number(clause("dc.date", relation, term));
    }

    private static String date(String relation, String term) throws SruException {
        return Ranges.date(clause("rec.lastModificationDate", relation, term));
    }

    private static Clause clause(String index, String relation, String term) throws SruException {
        return new Clause(IndexCatalog.resolve(index, Map.of()), relation, term, false, false);
    }

    @ParameterizedTest(name = "dc.date {0} \"{1}\" -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "=        | 2000          | year:[2000 TO 2001}",
                "==       | 2000          | year:[2000 TO 2001}",
                "<        | 2000          | year:[* TO 2000}",
                "<=       | 2000          | year:[* TO 2001}",
                ">        | 2000          | year:[2001 TO *]",
                ">=       | 2000          | year:[2000 TO *]",
                "<>       | 2000          | (*:* -year:[2000 TO 2001})",
                "within   | 1990 2000     | year:[1990 TO 2001}",
                "within   | 1990   2000   | year:[1990 TO 2001}",
                "any      | 1990 2000 2010| (year:[1990 TO 1991} OR year:[2000 TO 2001} OR year:[2010 TO 2011})",
                "any      | 1990          | year:[1990 TO 1991}",
                "=        | -44           | year:[-44 TO -43}",
                "=        | 2147483646    | year:[2147483646 TO 2147483647}",
            })
    void numbersArePeriodsOfOne(String relation, String term, String query) throws SruException {
        assertEquals(query, number(relation, term));
    }

    @ParameterizedTest(name = "rec.lastModificationDate {0} \"{1}\" -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "=        | 2024                 | datestamp:[2024-01-01T00:00:00Z TO 2025-01-01T00:00:00Z}",
                "=        | 2024-05              | datestamp:[2024-05-01T00:00:00Z TO 2024-06-01T00:00:00Z}",
                "=        | 2024-12              | datestamp:[2024-12-01T00:00:00Z TO 2025-01-01T00:00:00Z}",
                "=        | 2024-02-29           | datestamp:[2024-02-29T00:00:00Z TO 2024-03-01T00:00:00Z}",
                "=        | 2024-05-17T08:00:00Z | datestamp:[2024-05-17T08:00:00Z TO 2024-05-17T08:00:01Z}",
                "<        | 2024-05              | datestamp:[* TO 2024-05-01T00:00:00Z}",
                "<=       | 2024-05              | datestamp:[* TO 2024-06-01T00:00:00Z}",
                ">        | 2024-05-17           | datestamp:[2024-05-18T00:00:00Z TO *]",
                ">=       | 2024-05-17           | datestamp:[2024-05-17T00:00:00Z TO *]",
                "<>       | 2024                 | (*:* -datestamp:[2024-01-01T00:00:00Z TO 2025-01-01T00:00:00Z})",
                "within   | 2020 2021-06         | datestamp:[2020-01-01T00:00:00Z TO 2021-07-01T00:00:00Z}",
                "any      | 2020 2022            | (datestamp:[2020-01-01T00:00:00Z TO 2021-01-01T00:00:00Z} OR datestamp:[2022-01-01T00:00:00Z TO 2023-01-01T00:00:00Z})",
            })
    void datesAreThePeriodsTheyName(String relation, String term, String query) throws SruException {
        assertEquals(query, date(relation, term));
    }

    @ParameterizedTest(name = "{0} {1} \"{2}\" -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                // 28: masking and anchors have no meaning in a comparison
                "dc.date                  | =      | 19*            | 28 | 19*",
                "dc.date                  | <      | 199?           | 28 | 199?",
                "dc.date                  | =      | ^2000          | 28 | ^2000",
                "rec.lastModificationDate | >=     | 2024-*         | 28 | 2024-*",
                // 36: not a value of the index, or not two bounds for within
                "dc.date                  | =      | soon           | 36 | soon",
                "dc.date                  | =      | 2000.5         | 36 | 2000.5",
                "dc.date                  | =      | 2147483647     | 36 | 2147483647",
                "dc.date                  | within | 1990           | 36 | 1990",
                "dc.date                  | within | 1990 2000 2010 | 36 | 1990 2000 2010",
                "dc.date                  | any    | 1990 later     | 36 | later",
                "rec.lastModificationDate | =      | 2024-13        | 36 | 2024-13",
                "rec.lastModificationDate | =      | 2023-02-29     | 36 | 2023-02-29",
                "rec.lastModificationDate | =      | 17/05/2024     | 36 | 17/05/2024",
                // 22: relations a period has no meaning for
                "dc.date                  | adj    | 2000           | 22 | adj",
                "dc.date                  | all    | 2000           | 22 | all",
                "rec.lastModificationDate | adj    | 2024           | 22 | adj",
            })
    void whatIsNotAPeriodGetsItsDiagnostic(String index, String relation, String term, int code, String details) {
        assertDiagnostic(code, details, () -> {
            Clause c = clause(index, relation, term);
            if (c.index().kind() == IndexKind.NUMBER) {
                Ranges.number(c);
            } else {
                Ranges.date(c);
            }
        });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "dc.date cql.exact 2000                       | year:[2000 TO 2001}",
                "cashl.year == 2000                           | year:[2000 TO 2001}",
                "dc.date within \"1990 2000\"                 | year:[1990 TO 2001}",
                "rec.lastModificationDate < \"2024-05-17T08:00:00Z\" | datestamp:[* TO 2024-05-17T08:00:00Z}",
            })
    void theTranslationHandsNumbersAndDatesHere(String cql, String query) throws SruException {
        assertEquals(query, QueryFixture.translate(cql).query());
        assertEquals(Map.of(), QueryFixture.translate(cql).params(), "bounds are written by the hub, not passed");
    }
}

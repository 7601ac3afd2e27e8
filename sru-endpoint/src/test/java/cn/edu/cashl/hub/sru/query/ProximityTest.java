package cn.edu.cashl.hub.sru.query;

import static cn.edu.cashl.hub.sru.query.QueryFixture.assertDiagnostic;
import static cn.edu.cashl.hub.sru.query.QueryFixture.assertTranslation;
import static cn.edu.cashl.hub.sru.query.QueryFixture.translate;

import cn.edu.cashl.hub.sru.diagnostic.SruException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code prox} as a complex-phrase query of two words with a slop. Lucene's slop counts the words
 * allowed between the two, CQL's distance the step from one to the other: {@code distance<=N} is
 * slop N-1, {@code distance<N} slop N-2.
 */
class ProximityTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "dc.title = cat prox dc.title = hat                                    | false | \"cat hat\"~0",
                "dc.title = cat prox/unit=word/distance<=3/ordered dc.title = hat      | true  | \"cat hat\"~2",
                "dc.title = cat prox/prox.unit=word/prox.distance<=3/prox.ordered dc.title = hat | true | \"cat hat\"~2",
                "dc.title = cat prox/distance<3 dc.title = hat                         | false | \"cat hat\"~1",
                "dc.title = cat prox/distance<2 dc.title = hat                         | false | \"cat hat\"~0",
                "dc.title = cat prox/distance<=100 dc.title = hat                      | false | \"cat hat\"~99",
                "dc.title = cat prox/ordered/unordered dc.title = hat                  | false | \"cat hat\"~0",
                "dc.title = cat prox/Unit=Word dc.title = hat                          | false | \"cat hat\"~0",
                "dc.title any cat prox dc.title all hat                                | false | \"cat hat\"~0",
                "dc.title adj cat prox dc.title = hat                                  | false | \"cat hat\"~0",
                "dc.title = cat* prox dc.title = h?t                                   | false | \"cat* h?t\"~0",
            })
    void twoWordsOfATitleWithinADistance(String cql, boolean ordered, String phrase) throws SruException {
        assertTranslation(cql, "{!complexphrase inOrder=" + ordered + " df=title_text v=$t1}", Map.of("t1", phrase));
    }

    @Test
    void bareTermsAreWordsOfServerChoicesField() throws SruException {
        assertTranslation(
                "cat prox/distance<=2 hat",
                "{!complexphrase inOrder=false df=any_text v=$t1}",
                Map.of("t1", "\"cat hat\"~1"));
    }

    @Test
    void indexesWithTheSameTextFieldMayBeJoined() throws SruException {
        assertTranslation(
                "dc.creator = mao prox bath.name = zedong",
                "{!complexphrase inOrder=false df=creator_text v=$t1}",
                Map.of("t1", "\"mao zedong\"~0"));
    }

    @Test
    void theParametersOfTheRestOfTheQueryKeepTheirNumbers() throws SruException {
        assertTranslation(
                "dc.language = chi and (dc.title = cat prox dc.title = hat)",
                "(+{!term f=language v=$t1} +{!complexphrase inOrder=false df=title_text v=$t2})",
                Map.of("t1", "chi", "t2", "\"cat hat\"~0"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                // 39 proximity not supported: only two single words of one text index
                "dc.title = cat prox dc.creator = hat                     | 39 | dc.title dc.creator",
                "dc.date = 2000 prox dc.date = 2001                       | 39 | dc.date dc.date",
                "cat prox cql.anywhere = hat                              | 39 | cql.serverChoice cql.anywhere",
                "dc.title = cat prox (dc.title = hat or dc.title = dog)   | 39 | ",
                "`dc.title = cat prox > t = \"info:srw/cql-context-set/1/dc-v1.1\" t.title = hat` | 39 | ",
                "dc.title = \"cat dog\" prox dc.title = hat               | 39 | cat dog",
                "dc.title = \"^cat\" prox dc.title = hat                  | 39 | ^cat",
                "dc.title == cat prox dc.title = hat                      | 39 | ==",
                "dc.title = cat prox dc.title <> hat                      | 39 | <>",
                "dc.title =/fuzzy cat prox dc.title = hat                 | 39 | =",
                // 40 unsupported proximity relation: a span gives at most, not exactly or at least
                "dc.title = cat prox/distance=3 dc.title = hat            | 40 | =",
                "dc.title = cat prox/distance>=3 dc.title = hat           | 40 | >=",
                "dc.title = cat prox/distance<>3 dc.title = hat           | 40 | <>",
                // 41 unsupported distance
                "dc.title = cat prox/distance<=0 dc.title = hat           | 41 | 0",
                "dc.title = cat prox/distance<1 dc.title = hat            | 41 | 1",
                "dc.title = cat prox/distance<=101 dc.title = hat         | 41 | 101",
                // 42 unsupported unit
                "dc.title = cat prox/unit=sentence dc.title = hat         | 42 | sentence",
                "dc.title = cat prox/unit<word dc.title = hat             | 42 | word",
                // 46 unsupported boolean modifier
                "dc.title = cat prox/rel.sumOfScores dc.title = hat       | 46 | rel.sumofscores",
            })
    void whatASpanCannotSayGetsItsDiagnostic(String cql, int code, String details) {
        assertDiagnostic(code, details, () -> translate(cql));
    }
}

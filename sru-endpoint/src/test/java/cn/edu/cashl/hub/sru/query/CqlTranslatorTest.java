package cn.edu.cashl.hub.sru.query;

import static cn.edu.cashl.hub.sru.query.QueryFixture.assertDiagnostic;
import static cn.edu.cashl.hub.sru.query.QueryFixture.assertTranslation;
import static cn.edu.cashl.hub.sru.query.QueryFixture.parse;
import static cn.edu.cashl.hub.sru.query.QueryFixture.translate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import cn.edu.cashl.hub.sru.cql.CqlPrefix;
import cn.edu.cashl.hub.sru.diagnostic.SruException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CQL to Solr, relation by relation and index kind by index kind. Numbers and dates have their own
 * test ({@link RangesTest}), as has prox ({@link ProximityTest}).
 */
class CqlTranslatorTest {

    private static final String SERVER_CHOICE = "{!edismax qf=$scqf pf=$scpf mm=100% v=$t1}";

    @Test
    void aWordOfATextIndexIsAnalysedLikeTheIndex() throws SruException {
        assertTranslation("dc.title = history", "{!field f=title_text v=$t1}", Map.of("t1", "history"));
        assertTranslation("cashl.series = history", "{!field f=series_text v=$t1}", Map.of("t1", "history"));
        assertTranslation("dc.description = history", "{!field f=any_text v=$t1}", Map.of("t1", "history"));
    }

    @Test
    void severalWordsWithEqualsOrAdjAreAPhrase() throws SruException {
        assertTranslation(
                "dc.title = \"world  history\"", "{!field f=title_text v=$t1}", Map.of("t1", "world history"));
        assertTranslation(
                "dc.title adj \"world history\"", "{!field f=title_text v=$t1}", Map.of("t1", "world history"));
        assertTranslation("dc.creator ADJ \"mao zedong\"", "{!field f=creator_text v=$t1}", Map.of("t1", "mao zedong"));
    }

    @Test
    void aPhraseWithMaskedWordsGoesThroughTheComplexPhraseParser() throws SruException {
        assertTranslation(
                "dc.title = \"world hist*\"",
                "{!complexphrase inOrder=true df=title_text v=$t1}",
                Map.of("t1", "\"world hist*\""));
        assertTranslation(
                "dc.title adj \"w?rld c++*\"",
                "{!complexphrase inOrder=true df=title_text v=$t1}",
                Map.of("t1", "\"w?rld c\\+\\+*\""));
    }

    @Test
    void allAndAnyJoinTheWords() throws SruException {
        assertTranslation(
                "dc.title all \"world history\"",
                "({!field f=title_text v=$t1} AND {!field f=title_text v=$t2})",
                Map.of("t1", "world", "t2", "history"));
        assertTranslation(
                "dc.subject any \"china japan korea\"",
                "({!field f=subject_text v=$t1} OR {!field f=subject_text v=$t2} OR {!field f=subject_text v=$t3})",
                Map.of("t1", "china", "t2", "japan", "t3", "korea"));
        assertTranslation("dc.title all history", "{!field f=title_text v=$t1}", Map.of("t1", "history"));
        assertTranslation(
                "dc.title all \"world hist*\"",
                "({!field f=title_text v=$t1} AND title_text:hist*)",
                Map.of("t1", "world"));
    }

    @Test
    void maskedWordsAreWildcardsWithTheirLiteralPartsEscaped() throws SruException {
        assertTranslation("dc.title = hist*", "title_text:hist*", Map.of());
        assertTranslation("dc.title = wom?n", "title_text:wom?n", Map.of());
        assertTranslation("dc.title = \"a:b*\"", "title_text:a\\:b*", Map.of());
        assertTranslation("dc.title = \"c++*\"", "title_text:c\\+\\+*", Map.of());
        assertTranslation("dc.title = \"(x)[y]{z}~!\\^*\"", "title_text:\\(x\\)\\[y\\]\\{z\\}\\~\\!\\^*", Map.of());
    }

    @Test
    void unmaskedWordsKeepSolrSyntaxInAParameter() throws SruException {
        // Terms without masks never reach Solr's query parser: special characters stay as typed.
        assertTranslation("dc.title = \"c++\"", "{!field f=title_text v=$t1}", Map.of("t1", "c++"));
        assertTranslation("dc.title = \"a OR b:c\"", "{!field f=title_text v=$t1}", Map.of("t1", "a OR b:c"));
    }

    @Test
    void escapedMasksAreLiteral() throws SruException {
        assertTranslation("dc.title = \"100\\*\"", "{!field f=title_text v=$t1}", Map.of("t1", "100*"));
        assertTranslation("dc.title = \"why\\?\"", "{!field f=title_text v=$t1}", Map.of("t1", "why?"));
        assertTranslation("dc.title = \"\\^top\"", "{!field f=title_text v=$t1}", Map.of("t1", "^top"));
    }

    @Test
    void unmaskedModifierTakesEveryCharacterLiterally() throws SruException {
        assertTranslation("dc.title =/cql.unmasked \"hist*\"", "{!field f=title_text v=$t1}", Map.of("t1", "hist*"));
        assertTranslation("dc.title =/unmasked \"^hist?\"", "{!field f=title_text v=$t1}", Map.of("t1", "^hist?"));
    }

    @Test
    void fuzzyWordsAreFuzzyQueries() throws SruException {
        assertTranslation("dc.title =/fuzzy histroy", "title_text:histroy~", Map.of());
        assertTranslation(
                "dc.title =/cql.fuzzy \"world histroy\"", "(title_text:world~ AND title_text:histroy~)", Map.of());
        assertTranslation("dc.title any/fuzzy \"wrld hist*\"", "(title_text:wrld~ OR title_text:hist*)", Map.of());
    }

    @Test
    void relationModifiersTheHubAppliesAnywayChangeNothing() throws SruException {
        String plain = "{!field f=title_text v=$t1}";
        for (String modifiers : List.of("/relevant", "/cql.ignoreCase", "/ignoreAccents/masked", "/word", "/string")) {
            assertTranslation("dc.title =" + modifiers + " fish", plain, Map.of("t1", "fish"));
        }
    }

    @Test
    void anchoredTermsMatchWholeFoldedValuesOfTheKeyField() throws SruException {
        assertTranslation("dc.title = \"^World History^\"", "{!term f=title_key v=$t1}", Map.of("t1", "world history"));
        assertTranslation("dc.title = \"^World Hist\"", "title_key:world\\ hist*", Map.of());
        assertTranslation("dc.title = \"History^\"", "title_key:*history", Map.of());
        assertTranslation("dc.creator = \"^Müller, H*^\"", "creator_key:muller,\\ h*", Map.of());
    }

    @Test
    void exactMatchesOneWholeFoldedValue() throws SruException {
        String term = "{!term f=title_key v=$t1}";
        assertTranslation("dc.title == \"World  History\"", term, Map.of("t1", "world history"));
        assertTranslation("dc.title cql.exact \"World History\"", term, Map.of("t1", "world history"));
        // An anchor on a whole value says what == says already.
        assertTranslation("dc.title == \"^World History^\"", term, Map.of("t1", "world history"));
        assertTranslation("dc.title == \"World Hist*\"", "title_key:world\\ hist*", Map.of());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "dc.title < Modern              | title_key:[* TO \"modern\"}",
                "dc.title <= Modern             | title_key:[* TO \"modern\"]",
                "dc.title > Modern              | title_key:{\"modern\" TO *]",
                "dc.title >= Modern             | title_key:[\"modern\" TO *]",
                "dc.title <> \"Modern History\" | (*:* -{!term f=title_key v=$t1})",
                "dc.creator < \"Say \\\"hi\\\"\"| creator_key:[* TO \"say \\\"hi\\\"\"}",
                "dc.publisher >= \"A B\"        | publisher_key:[\"a b\" TO *]",
            })
    void comparisonsOrderFoldedWholeValues(String cql, String query) throws SruException {
        assertEquals(query, translate(cql).query());
    }

    @Test
    void codesMatchWholeValues() throws SruException {
        assertTranslation("dc.language = CHI", "{!term f=language v=$t1}", Map.of("t1", "chi"));
        assertTranslation("dc.language cql.exact chi", "{!term f=language v=$t1}", Map.of("t1", "chi"));
        assertTranslation("dc.type == Book", "{!term f=type v=$t1}", Map.of("t1", "book"));
        assertTranslation("dc.language <> eng", "(*:* -{!term f=language v=$t1})", Map.of("t1", "eng"));
        assertTranslation("dc.language = ch*", "language:ch*", Map.of());
        assertTranslation("dc.identifier = \"10.1000/ABC\"", "{!term f=identifier v=$t1}", Map.of("t1", "10.1000/abc"));
    }

    @Test
    void codesWithAnyOrAllMatchEachValue() throws SruException {
        assertTranslation(
                "dc.language any \"chi  eng\"",
                "({!term f=language v=$t1} OR {!term f=language v=$t2})",
                Map.of("t1", "chi", "t2", "eng"));
        assertTranslation(
                "cashl.form all \"print electronic\"",
                "({!term f=form v=$t1} AND {!term f=form v=$t2})",
                Map.of("t1", "print", "t2", "electronic"));
        assertTranslation("dc.language any chi", "{!term f=language v=$t1}", Map.of("t1", "chi"));
    }

    @Test
    void recordIdsAndLibrariesAreMatchedAsWrittenNotFolded() throws SruException {
        assertTranslation("rec.identifier = \"Cashl:ABC\"", "{!term f=id v=$t1}", Map.of("t1", "Cashl:ABC"));
        assertTranslation("bath.possessingInstitution = \" PKU \"", "{!term f=library v=$t1}", Map.of("t1", "PKU"));
    }

    @Test
    void accessValuesMatchAsIndexedWhateverTheirCase() throws SruException {
        assertTranslation("cashl.access = online", "{!term f=access_ss v=$t1}", Map.of("t1", "online"));
        assertTranslation("access == OPENACCESS", "{!term f=access_ss v=$t1}", Map.of("t1", "openAccess"));
        assertTranslation(
                "cashl.access cql.exact \"open access\"", "{!term f=access_ss v=$t1}", Map.of("t1", "openAccess"));
        assertTranslation(
                "cashl.access any \"online Print\"",
                "({!term f=access_ss v=$t1} OR {!term f=access_ss v=$t2})",
                Map.of("t1", "online", "t2", "print"));
        assertTranslation("cashl.access <> print", "(*:* -{!term f=access_ss v=$t1})", Map.of("t1", "print"));
        // A value that is none of them is searched as written: no records, no diagnostic.
        assertTranslation("cashl.access = licensed", "{!term f=access_ss v=$t1}", Map.of("t1", "licensed"));
    }

    @Test
    void standardNumbersMatchInTheirIndexedForm() throws SruException {
        assertTranslation("bath.isbn = 0-306-40615-2", "{!term f=isbn v=$t1}", Map.of("t1", "9780306406157"));
        assertTranslation(
                "cashl.isbn any \"0306406152 978-0-306-40615-7\"",
                "({!term f=isbn v=$t1} OR {!term f=isbn v=$t2})",
                Map.of("t1", "9780306406157", "t2", "9780306406157"));
        assertTranslation("cashl.issn = 03785955", "{!term f=issn v=$t1}", Map.of("t1", "0378-5955"));
        assertTranslation("cashl.issn <> 0378-5955", "(*:* -{!term f=issn v=$t1})", Map.of("t1", "0378-5955"));
    }

    @Test
    void doisMatchWithoutResolverPrefixAndCase() throws SruException {
        String doi = "{!term f=doi_s v=$t1}";
        Map<String, String> key = Map.of("t1", "10.1177/0097700401027002001");
        // Quoted: a slash outside quotes starts a relation modifier in CQL.
        assertTranslation("cashl.doi = \"10.1177/0097700401027002001\"", doi, key);
        assertTranslation("cashl.doi == \"https://doi.org/10.1177/0097700401027002001\"", doi, key);
        assertTranslation("doi cql.exact \"DOI:10.1177/0097700401027002001\"", doi, key);
        assertTranslation("cashl.doi = \"10.1177/*\"", "doi_s:10.1177\\/*", Map.of());
        // The every-identifier index holds DOIs in the same form.
        assertTranslation(
                "dc.identifier = \"https://doi.org/10.1177/0097700401027002001\"", "{!term f=identifier v=$t1}", key);
    }

    @Test
    void bathIssnFindsJournalsAndTheirArticlesCashlIssnTheJournalsAlone() throws SruException {
        String both = "({!term f=issn v=$t1} OR {!term f=host_issn_ss v=$t1})";
        assertTranslation("bath.issn = 00977004", both, Map.of("t1", "0097-7004"));
        assertTranslation("bath.issn cql.exact 0097-7004", both, Map.of("t1", "0097-7004"));
        assertTranslation("bath.issn <> 0097-7004", "(*:* -" + both + ")", Map.of("t1", "0097-7004"));
        assertTranslation(
                "bath.issn any \"0097-7004 1552-6836\"",
                "(" + both + " OR ({!term f=issn v=$t2} OR {!term f=host_issn_ss v=$t2}))",
                Map.of("t1", "0097-7004", "t2", "1552-6836"));
        assertTranslation("cashl.issn = 00977004", "{!term f=issn v=$t1}", Map.of("t1", "0097-7004"));
    }

    @Test
    void volumeIssueAndJournalRecordMatchWholeValues() throws SruException {
        assertTranslation(
                "cashl.volume = 27 and cashl.issue == \" 2 \"",
                "(+{!term f=volume_s v=$t1} +{!term f=issue_s v=$t2})",
                Map.of("t1", "27", "t2", "2"));
        assertTranslation("cashl.issue cql.exact Suppl", "{!term f=issue_s v=$t1}", Map.of("t1", "suppl"));
        assertTranslation(
                "cashl.volume any \"27 28\"",
                "({!term f=volume_s v=$t1} OR {!term f=volume_s v=$t2})",
                Map.of("t1", "27", "t2", "28"));
        assertTranslation(
                "cashl.journalRecord = M-Journal:1", "{!term f=host_record_s v=$t1}", Map.of("t1", "M-Journal:1"));
    }

    @Test
    void journalTitlesAreWordsAndWholeTitles() throws SruException {
        assertTranslation(
                "cashl.journal = \"modern china\"", "{!field f=journal_t v=$t1}", Map.of("t1", "modern china"));
        assertTranslation(
                "cashl.journal adj \"modern china\"", "{!field f=journal_t v=$t1}", Map.of("t1", "modern china"));
        assertTranslation(
                "cashl.journal all \"china modern\"",
                "({!field f=journal_t v=$t1} AND {!field f=journal_t v=$t2})",
                Map.of("t1", "china", "t2", "modern"));
        assertTranslation(
                "cashl.journal any \"china japan\"",
                "({!field f=journal_t v=$t1} OR {!field f=journal_t v=$t2})",
                Map.of("t1", "china", "t2", "japan"));
        assertTranslation("cashl.journal = mod*", "journal_t:mod*", Map.of());
        assertTranslation(
                "cashl.journal == \"Modern China\"", "{!term f=journal_key_s v=$t1}", Map.of("t1", "modern china"));
    }

    @Test
    void serverChoiceIsARankedSearchOverSeveralFields() throws SruException {
        assertTranslation("history", SERVER_CHOICE, Map.of("t1", "history"));
        assertTranslation("\"world history\"", SERVER_CHOICE, Map.of("t1", "world history"));
        assertTranslation("cql.serverChoice all \"world history\"", SERVER_CHOICE, Map.of("t1", "world history"));
        assertTranslation("srw.serverChoice = history", SERVER_CHOICE, Map.of("t1", "history"));
        assertTranslation(
                "cql.serverChoice any \"world history\"",
                "{!edismax qf=$scqf pf=$scpf mm=1 v=$t1}",
                Map.of("t1", "world history"));
        assertTranslation("cql.serverChoice adj \"world history\"", SERVER_CHOICE, Map.of("t1", "\"world history\""));
    }

    @Test
    void serverChoiceEscapesWhatEdismaxWouldReadAsSyntax() throws SruException {
        assertTranslation("cql.serverChoice = \"c++ a:b\"", SERVER_CHOICE, Map.of("t1", "c\\+\\+ a\\:b"));
        assertTranslation("cql.serverChoice = \"hist* wom?n\"", SERVER_CHOICE, Map.of("t1", "hist* wom?n"));
        assertTranslation("cql.serverChoice =/fuzzy \"world hist*\"", SERVER_CHOICE, Map.of("t1", "world~ hist*"));
    }

    @Test
    void serverChoiceFieldsAreCommonParameters() {
        assertEquals(
                Map.of(
                        "scqf",
                        "title_text^5 creator_text^3 subject_text^2 identifier^10 isbn^10 issn^10 any_text",
                        "scpf",
                        "title_text^10"),
                CqlTranslator.commonParams());
    }

    @Test
    void allRecordsIgnoresTheTerm() throws SruException {
        assertTranslation("cql.allRecords = 1", "*:*", Map.of());
        assertTranslation("cql.allRecords = \"\"", "*:*", Map.of());
    }

    @Test
    void booleansNestAsTheTreeDoes() throws SruException {
        String a = "{!field f=title_text v=$t1}";
        String b = "{!field f=title_text v=$t2}";
        assertTranslation("dc.title = a and dc.title = b", "(+" + a + " +" + b + ")", Map.of("t1", "a", "t2", "b"));
        assertTranslation("dc.title = a OR dc.title = b", "(" + a + " OR " + b + ")", Map.of("t1", "a", "t2", "b"));
        assertTranslation("dc.title = a not dc.title = b", "(+" + a + " -" + b + ")", Map.of("t1", "a", "t2", "b"));
        assertTranslation(
                "dc.title = ((a and (b or c)) not d)",
                "(+(+" + a + " +(" + b + " OR {!field f=title_text v=$t3})) -{!field f=title_text v=$t4})",
                Map.of("t1", "a", "t2", "b", "t3", "c", "t4", "d"));
    }

    @Test
    void aResultSetIsItsStoredQueryWithItsParametersRenumbered() throws SruException {
        SolrQueryText stored = new SolrQueryText(
                "(+{!field f=title_text v=$t1} +{!term f=language v=$t2})", Map.of("t1", "history", "t2", "chi"));
        SolrQueryText solr = CqlTranslator.translate(
                parse("dc.title = world and cql.resultSetId = \"rs-1\""), id -> id.equals("rs-1") ? stored : null);

        assertEquals(
                "(+{!field f=title_text v=$t1} +((+{!field f=title_text v=$t2} +{!term f=language v=$t3})))",
                solr.query());
        assertEquals(Map.of("t1", "world", "t2", "history", "t3", "chi"), solr.params());
    }

    @Test
    void prefixAssignmentsBindContextSets() throws SruException {
        String title = "{!field f=title_text v=$t1}";
        assertTranslation("> t = \"info:srw/cql-context-set/1/dc-v1.1\" t.title = x", title, Map.of("t1", "x"));
        assertTranslation("> \"info:srw/cql-context-set/1/dc-v1.1\" title = x", title, Map.of("t1", "x"));
        // Reassigning a predefined prefix: dc has no index year, the cashl set has.
        assertTranslation(
                "> dc = \"info:cashl/cql-context-set/cashl-1.0\" dc.year = 2000", "year:[2000 TO 2001}", Map.of());
        assertTranslation(
                "(> t = \"info:srw/cql-context-set/1/dc-v1.1\" t.title = x) or dc.title = y",
                "(" + title + " OR {!field f=title_text v=$t2})",
                Map.of("t1", "x", "t2", "y"));
    }

    @Test
    void aPrefixAssignedInsideAQueryDoesNotReachOutOfIt() {
        assertDiagnostic(
                15, "t", () -> translate("(> t = \"info:srw/cql-context-set/1/dc-v1.1\" t.title = x) or t.title = y"));
    }

    @Test
    void scopeAddsAssignmentsToThoseAlreadyInScope() {
        Map<String, String> outer = Map.of("", "urn:default", "a", "urn:a");
        assertSame(outer, CqlTranslator.scope(outer, List.of()));
        assertEquals(
                Map.of("", "urn:inner", "a", "urn:a", "b", "urn:b"),
                CqlTranslator.scope(outer, List.of(new CqlPrefix(null, "urn:inner"), new CqlPrefix("B", "urn:b"))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                // 15 unsupported context set, 16 unsupported index
                "foo.title = x                          | 15 | foo",
                "`> \"urn:nothing\" title = x`          | 15 | ``",
                "dc.nosuch = x                          | 16 | dc.nosuch",
                "nosuch = x                             | 16 | nosuch",
                // 19 unsupported relation
                "dc.title encloses x                    | 19 | encloses",
                "dc.title rel.fancy x                   | 19 | rel.fancy",
                // 20 unsupported relation modifier: unknown, or with a value
                "dc.title =/stem fish                   | 20 | stem",
                "dc.title =/relevant=1 fish             | 20 | relevant",
                // 22 a relation the index does not have
                "dc.title within \"a b\"                | 22 | within",
                "cql.anywhere == x                      | 22 | ==",
                "dc.language < eng                      | 22 | <",
                "dc.language adj chi                    | 22 | adj",
                "cashl.access within \"a b\"            | 22 | within",
                "cashl.doi < \"10.1/a\"                 | 22 | <",
                "cashl.doi adj \"10.1/a 10.1/b\"        | 22 | adj",
                "cashl.volume within \"1 5\"            | 22 | within",
                "cashl.issue adj \"1 2\"                | 22 | adj",
                "cashl.journalRecord >= m               | 22 | >=",
                "cashl.journal within \"a b\"           | 22 | within",
                "cql.serverChoice == x                  | 22 | ==",
                "cql.serverChoice <> x                  | 22 | <>",
                "cql.resultSetId <> rs-1                | 22 | <>",
                // 27 empty term
                "dc.title = \"\"                        | 27 | dc.title",
                "dc.language = \"  \"                   | 27 | dc.language",
                // 28 masking where values are compared whole
                "bath.isbn = 978*                       | 28 | 978*",
                "cashl.issn == 0378-59?5                | 28 | 0378-59?5",
                // 32 an anchor where it cannot anchor
                "dc.title = a^b                         | 32 | a^b",
                "dc.title all \"^a b\"                  | 32 | ^a b",
                "cql.anywhere = ^history                | 32 | ^history",
                "\"^history\"                           | 32 | ^history",
                // 46 boolean modifiers, 51 no such result set
                "a and/rel.sumOfScores b                | 46 | rel.sumofscores",
                "cql.resultSetId = nosuch               | 51 | nosuch",
            })
    void unsupportedQueriesGetTheirDiagnostic(String cql, int code, String details) {
        assertDiagnostic(code, details, () -> translate(cql));
    }

    @Test
    void termsAreBounded() throws SruException {
        String longest = "x".repeat(CqlTranslator.MAX_TERM_LENGTH);
        assertEquals(
                "{!field f=title_text v=$t1}",
                translate("dc.title = " + longest).query());
        assertDiagnostic(23, "1000", () -> translate("dc.title = " + longest + "x"));
    }

    @Test
    void booleansAreBounded() throws SruException {
        String most = "a" + " or a".repeat(CqlTranslator.MAX_BOOLEANS);
        assertEquals(CqlTranslator.MAX_BOOLEANS + 1, translate(most).params().size());
        assertDiagnostic(38, "100", () -> translate(most + " or a"));
    }
}

package cn.edu.cashl.hub.sru.query;

import static cn.edu.cashl.hub.sru.query.QueryFixture.assertDiagnostic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.sru.diagnostic.SruException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CQL 1.2's masking rules (section 5) as the translation reads a term. */
class CqlTermTest {

    private static final UnaryOperator<String> AS_IS = UnaryOperator.identity();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                // raw term    | literal    | masked | anchored start | anchored end | wildcard
                "history       | history    | false  | false | false | history",
                "hist*         | hist*      | true   | false | false | hist*",
                "wom?n         | wom?n      | true   | false | false | wom?n",
                "*ology        | *ology     | true   | false | false | *ology",
                "`a\\*b`       | a*b        | false  | false | false | a\\*b",
                "`a\\?b`       | a?b        | false  | false | false | a\\?b",
                "`a\\\\b`      | `a\\b`     | false  | false | false | a\\\\b",
                "`\\^a`        | ^a         | false  | false | false | \\^a",
                "^history      | history    | false  | true  | false | history",
                "history^      | history    | false  | false | true  | history",
                "^hist*^       | hist*      | true   | true  | true  | hist*",
                "`abc\\`       | `abc\\`    | false  | false | false | abc\\\\",
                "`a:b (c)`     | `a:b (c)`  | false  | false | false | a\\:b\\ \\(c\\)",
            })
    void masksAnchorsAndEscapes(String raw, String literal, boolean masked, boolean start, boolean end, String wildcard)
            throws SruException {
        CqlTerm term = CqlTerm.parse(raw, false);
        assertEquals(literal, term.literal());
        assertEquals(masked, term.masked());
        assertEquals(start, term.anchoredStart());
        assertEquals(end, term.anchoredEnd());
        assertEquals(start || end, term.anchored());
        assertEquals(wildcard, term.wildcard(AS_IS, false, false));
    }

    @Test
    void unmaskedTakesEveryCharacterLiterally() throws SruException {
        CqlTerm term = CqlTerm.parse("^a*b?\\c^", true);
        assertEquals("^a*b?\\c^", term.literal());
        assertFalse(term.masked());
        assertFalse(term.anchored());
        assertEquals("\\^a\\*b\\?\\\\c\\^", term.wildcard(AS_IS, false, false));
    }

    @Test
    void anAnchorInsideATermIsRefused() {
        assertDiagnostic(32, "a^b", () -> CqlTerm.parse("a^b", false));
    }

    @Test
    void anAnchorAloneLeavesNothingToSearch() throws SruException {
        assertTrue(CqlTerm.parse("^", false).isEmpty());
        assertTrue(CqlTerm.parse("^^", false).isEmpty());
        assertFalse(CqlTerm.parse("*", false).isEmpty());
    }

    @Test
    void wildcardsNormaliseOnlyTheLiteralParts() throws SruException {
        CqlTerm term = CqlTerm.parse("Müller, H*", false);
        assertEquals("muller,\\ h*", term.wildcard(SearchFields::fold, false, false));
        assertEquals("*muller,\\ h**", term.wildcard(SearchFields::fold, true, true));
        assertEquals("*Müller,\\ H*", term.wildcard(AS_IS, true, false));
    }

    @Test
    void wordsSplitAtWhiteSpaceThatIsNotEscaped() throws SruException {
        assertEquals(List.of("new york", "city"), literals(CqlTerm.words("new\\ york  city ", false)));
        assertEquals(List.of("a", "b", "c"), literals(CqlTerm.words(" a\tb\nc", false)));
        assertEquals(List.of(), literals(CqlTerm.words("   ", false)));
    }

    @Test
    void wordsReadTheirMasksEachOnItsOwn() throws SruException {
        List<CqlTerm> words = CqlTerm.words("^world hist*", false);
        assertTrue(words.get(0).anchoredStart());
        assertFalse(words.get(0).masked());
        assertFalse(words.get(1).anchored());
        assertTrue(words.get(1).masked());
        assertEquals("hist*", words.get(1).wildcard(AS_IS, false, false));
    }

    @Test
    void unmaskedWordsKeepTheirBackslashes() throws SruException {
        assertEquals(List.of("new\\", "york"), literals(CqlTerm.words("new\\ york", true)));
    }

    private static List<String> literals(List<CqlTerm> terms) {
        return terms.stream().map(CqlTerm::literal).toList();
    }
}

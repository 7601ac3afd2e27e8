package cn.edu.cashl.hub.harvest.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each repair TextRepair makes to a harvested page, where it says it made it, and that text XML
 * accepts (and faults only a parser can judge) pass untouched.
 */
class TextRepairTest {

    private static TextRepair.Repaired repair(String text) {
        return TextRepair.repair(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static List<String> descriptions(TextRepair.Repaired repaired) {
        return repaired.repairs().stream().map(TextRepair.Repair::description).toList();
    }

    private static List<Integer> offsets(TextRepair.Repaired repaired) {
        return repaired.repairs().stream().map(TextRepair.Repair::offset).toList();
    }

    // ---------------------------------------------------------------------------- left untouched

    @Test
    void textXmlAcceptsIsReturnedAsItIs() {
        String page =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<OAI-PMH>\t<dc:title>Hóng lóu mèng 紅樓夢 𠀀 😀</dc:title>"
                        // Allowed though discouraged (DEL, C1 controls), and the edges of the allowed ranges.
                        + "\u007F\u0085\u009F\uD7FF\uE000\uFFFD"
                        + "&#9;&#10;&#13;&#32;&#x41;&#xE9;&#x1F600;&#x10FFFF;&#55295;&#xE000;&#xFFFD;&#x0000041;&amp;&lt;</OAI-PMH>";

        TextRepair.Repaired repaired = repair(page);

        assertEquals(page, repaired.text());
        assertEquals(List.of(), repaired.repairs());
        assertEquals(new TextRepair.Repaired("", List.of()), TextRepair.repair(new byte[0]));
    }

    @Test
    void whatOnlyAParserCanJudgeIsLeftForIt() {
        // A bare ampersand, an entity XML does not define, a reference XML does not recognise, a
        // truncated document: guessing at them would lose records silently.
        String page = "<OAI-PMH><record><title>Law & order &nbsp; &#X41; &#x; &#-1; 1 < 2</title><record";

        TextRepair.Repaired repaired = repair(page);

        assertEquals(page, repaired.text());
        assertEquals(List.of(), repaired.repairs());
    }

    // ------------------------------------------------------------------------------------ bytes

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharactersOnePerMalformedSequence() {
        TextRepair.Repaired repaired = TextRepair.repair(
                bytes("caf", 0xC3, " au lait, ", 0xFF, " and ", 0xED, 0xA0, 0x80, " end ", 0xE2, 0x82));

        assertEquals("caf\uFFFD au lait, \uFFFD and \uFFFD end \uFFFD", repaired.text());
        assertEquals(
                List.of(
                        "bytes 0xC3 are not UTF-8: replaced by U+FFFD",
                        "bytes 0xFF are not UTF-8: replaced by U+FFFD",
                        // an encoded surrogate (CESU-8): one sequence, one replacement
                        "bytes 0xED 0xA0 0x80 are not UTF-8: replaced by U+FFFD",
                        // cut off at the end of the page
                        "bytes 0xE2 0x82 are not UTF-8: replaced by U+FFFD"),
                descriptions(repaired));
        assertEquals(List.of(3, 14, 20, 26), offsets(repaired), "where each replacement character is");
        repaired.repairs().forEach(r -> assertEquals('\uFFFD', repaired.text().charAt(r.offset())));
    }

    @Test
    void aUtf8ByteOrderMarkIsDropped() {
        TextRepair.Repaired repaired = TextRepair.repair(bytes(0xEF, 0xBB, 0xBF, "<OAI-PMH/>"));

        assertEquals("<OAI-PMH/>", repaired.text());
        assertEquals(List.of(), repaired.repairs());
    }

    @Test
    void aUtf16ByteOrderMarkDecidesTheEncodingEitherWayRound() {
        String page = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><OAI-PMH>紅樓夢 😀</OAI-PMH>";
        byte[] bigEndian = page.getBytes(StandardCharsets.UTF_16); // Java writes FE FF first
        byte[] littleEndian = bytes(0xFF, 0xFE);
        littleEndian = concat(littleEndian, page.getBytes(StandardCharsets.UTF_16LE));

        assertEquals(0xFE, bigEndian[0] & 0xFF);
        assertEquals(new TextRepair.Repaired(page, List.of()), TextRepair.repair(bigEndian));
        assertEquals(new TextRepair.Repaired(page, List.of()), TextRepair.repair(littleEndian));
    }

    @Test
    void aLoneSurrogateInUtf16IsReplacedAndReported() {
        byte[] page = concat(
                bytes(0xFE, 0xFF),
                "ab".getBytes(StandardCharsets.UTF_16BE),
                bytes(0xD8, 0x00),
                "<x/>".getBytes(StandardCharsets.UTF_16BE));

        TextRepair.Repaired repaired = TextRepair.repair(page);

        assertTrue(repaired.text().startsWith("ab\uFFFD"), repaired.text());
        assertEquals(1, repaired.repairs().size());
        assertEquals(2, repaired.repairs().get(0).offset());
        assertTrue(
                repaired.repairs().get(0).description().startsWith("bytes 0xD8 0x00"),
                descriptions(repaired).toString());
        assertTrue(
                repaired.repairs().get(0).description().endsWith(" are not UTF-16: replaced by U+FFFD"),
                descriptions(repaired).toString());
    }

    @Test
    void anEncodingTheXmlDeclarationNamesIsHonoured() {
        String latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><title>Les Misérables, Ærø</title>";
        assertEquals(
                new TextRepair.Repaired(latin1, List.of()),
                TextRepair.repair(latin1.getBytes(StandardCharsets.ISO_8859_1)));

        String cp1252 = "\n  <?xml version='1.0' encoding = 'windows-1252' ?><title>“Quoted” – €5</title>";
        assertEquals(
                new TextRepair.Repaired(cp1252, List.of()),
                TextRepair.repair(cp1252.getBytes(Charset.forName("windows-1252"))));
    }

    @Test
    void bytesTheDeclaredEncodingCannotHoldAreReportedAgainstThatEncoding() {
        TextRepair.Repaired repaired = TextRepair.repair(concat(
                "<?xml version='1.0' encoding='US-ASCII'?><t>caf".getBytes(StandardCharsets.US_ASCII),
                bytes(0xE9, "</t>")));

        assertEquals("<?xml version='1.0' encoding='US-ASCII'?><t>caf\uFFFD</t>", repaired.text());
        assertEquals(List.of("bytes 0xE9 are not US-ASCII: replaced by U+FFFD"), descriptions(repaired));
        assertEquals(List.of(repaired.text().indexOf('\uFFFD')), offsets(repaired));
    }

    @Test
    void anEncodingNameJavaDoesNotKnowFallsBackToUtf8() {
        // OAI-PMH requires UTF-8: the likeliest truth when a provider names something unknown.
        String page = "<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?><title>Misérables</title>";

        assertEquals(new TextRepair.Repaired(page, List.of()), repair(page));
    }

    // ------------------------------------------------------------------------------- characters

    @Test
    void charactersXmlForbidsAreRemovedEachReportedWhereItWas() {
        TextRepair.Repaired repaired = repair("a\u0000b\u0007c\u001Fd\uFFFEe\uFFFFf\u000Bg\u000Ch");

        assertEquals("abcdefgh", repaired.text());
        assertEquals(
                List.of(
                        "character U+0000 is not allowed in XML: removed",
                        "character U+0007 is not allowed in XML: removed",
                        "character U+001F is not allowed in XML: removed",
                        "character U+FFFE is not allowed in XML: removed",
                        "character U+FFFF is not allowed in XML: removed",
                        "character U+000B is not allowed in XML: removed",
                        "character U+000C is not allowed in XML: removed"),
                descriptions(repaired));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), offsets(repaired), "offsets in the repaired text");
    }

    @Test
    void characterReferencesXmlForbidsAreRemovedAndValidOnesKept() {
        TextRepair.Repaired repaired =
                repair("<t>x&#0;y&#x1;z&#xFFFE;&#xD800;&#x110000;&#99999999999;w&#x41;&#1F;</t>");

        // "&#1F;" is no reference at all (F is no decimal digit): the parser's business.
        assertEquals("<t>xyzw&#x41;&#1F;</t>", repaired.text());
        assertEquals(
                List.of(
                        "character reference &#0; is not allowed in XML: removed",
                        "character reference &#x1; is not allowed in XML: removed",
                        "character reference &#xFFFE; is not allowed in XML: removed",
                        "character reference &#xD800; is not allowed in XML: removed",
                        "character reference &#x110000; is not allowed in XML: removed",
                        "character reference &#99999999999; is not allowed in XML: removed"),
                descriptions(repaired));
        assertEquals(List.of(4, 5, 6, 6, 6, 6), offsets(repaired));
    }

    @Test
    void repairsOfEveryKindComeInTextOrder() {
        TextRepair.Repaired repaired = TextRepair.repair(bytes("\u0007<t>&#x2;", 0xC3, "</t>"));

        assertEquals("<t>\uFFFD</t>", repaired.text());
        assertEquals(
                List.of(
                        "character U+0007 is not allowed in XML: removed",
                        "character reference &#x2; is not allowed in XML: removed",
                        "bytes 0xC3 are not UTF-8: replaced by U+FFFD"),
                descriptions(repaired));
        List<Integer> offsets = offsets(repaired);
        assertEquals(offsets.stream().sorted().toList(), offsets);
    }

    private static byte[] concat(byte[]... arrays) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] array : arrays) {
            out.writeBytes(array);
        }
        return out.toByteArray();
    }
}

package cn.edu.cashl.hub.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.coverage.Reason;
import cn.edu.cashl.hub.openurl.OpenUrlRequest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The answer written as JSON and as the reader's page, in both languages. */
class AnswersTest {

    private static Resolution resolution(Problem problem) {
        OpenUrlRequest request = OpenUrlRequest.parse(
                "rft.atitle=Growth <b>%26 debt</b>&rft.jtitle=The American economic review&rft.issn=0002-8282"
                        + "&rft.date=2024&library=pku");
        List<Option> options = List.of(
                new Option(
                        1,
                        OptionKind.ELECTRONIC,
                        "cashl",
                        "https://proxy.pku.example/login?url=https://doi.org/10.1/x",
                        Why.of(Reason.COVERED),
                        "(1995)-",
                        "ProQuest \"SSP\""),
                new Option(2, OptionKind.PRINT_DELIVERY, "whu", null, Why.of(Rule.CENTRE_LENDER), "F0 A512", null),
                new Option(3, OptionKind.ILL, "pku", "javascript:alert(1)", Why.of(Rule.ILL_REQUEST), null, null));
        List<Exclusion> excluded = List.of(
                new Exclusion(
                        OptionKind.ELECTRONIC,
                        "pku",
                        new Why(Reason.EMBARGOED, null, LocalDate.of(2029, 1, 1)),
                        "v.40 (1950)- (moving wall R5Y)",
                        "JSTOR Arts & Sciences I"),
                new Exclusion(OptionKind.ELECTRONIC_DELIVERY, "ecnu", Why.of(Reason.NO_ILL_RIGHTS), "(1990)-", "BSC"));
        return new Resolution(
                request,
                Resolver.citation(request, new ArrayList<>()),
                Fixtures.PKU,
                List.of(Fixtures.record("m-aer", "journal", "The American economic review", "")),
                problem == null ? options : List.of(),
                problem == null ? excluded : List.of(),
                List.of("a note"),
                problem,
                Fixtures.DIRECTORY);
    }

    private static String json(Resolution resolution) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResolutionJson.write(resolution, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The keys of each object at a path of field names and array elements ("options[]"). */
    private static List<List<String>> keys(String json, String array) throws Exception {
        List<List<String>> objects = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(array) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        List<String> keys = new ArrayList<>();
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            keys.add(parser.currentName());
                            parser.nextToken();
                            parser.skipChildren();
                        }
                        objects.add(keys);
                    }
                } else if (array.isEmpty()) {
                    objects.add(List.of(name));
                    parser.skipChildren();
                } else {
                    parser.skipChildren();
                }
            }
        }
        return objects;
    }

    @Test
    void theJsonHasExactlyItsFourPartsAndTheirKeys() throws Exception {
        String json = json(resolution(null));
        assertEquals(
                List.of(List.of("citation"), List.of("matches"), List.of("options"), List.of("excluded")),
                keys(json, ""));
        assertEquals(List.of(List.of("id", "title", "type")), keys(json, "matches"));
        for (List<String> option : keys(json, "options")) {
            assertEquals(List.of("rank", "kind", "library", "url", "reason", "coverage"), option);
        }
        assertEquals(
                List.of(
                        List.of("kind", "library", "reason", "coverage", "availableOn"),
                        List.of("kind", "library", "reason", "coverage")),
                keys(json, "excluded"),
                "availableOn when an embargo will lift");
        assertTrue(json.contains(
                "\"reason\":\"embargoed until 2029-01-01\",\"coverage\":\"v.40 (1950)- (moving wall R5Y)\""
                        + ",\"availableOn\":\"2029-01-01\""));
        assertTrue(json.contains("{\"rank\":2,\"kind\":\"print-delivery\",\"library\":\"whu\",\"url\":null,"
                + "\"reason\":\"centre-library\",\"coverage\":\"F0 A512\"}"));
        assertTrue(json.contains("\"library\":\"pku\""), "the home library understood");
        assertTrue(json.contains("\"period\":\"2024\""));
    }

    @Test
    void aProblemIsExplainedInTheCitation() throws Exception {
        String json = json(resolution(Problem.NOTHING_TO_LOOK_FOR));
        assertTrue(
                json.contains("\"problem\":\"nothing-to-look-for\",\"explanation\":\"The request names nothing"), json);
        assertTrue(json.contains("\"options\":[]"));
    }

    @Test
    void thePageLeadsWithTheBestWayAndHidesTheExcludedOnes() {
        String page = ResolutionPage.write(resolution(null), Labels.ZH, "rft.issn=0002-8282&lang=zh&library=pku");
        assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"zh-Hans\">"));
        int best = page.indexOf("class=\"go\" href=\"https://proxy.pku.example/login?url=https://doi.org/10.1/x\"");
        assertTrue(best > 0, page);
        assertTrue(page.indexOf("本馆电子资源：CASHL 集团许可 · ProQuest &quot;SSP&quot;") > best, "escaped");
        assertTrue(page.contains("<ol start=\"2\">"));
        assertTrue(page.contains("纸本文献传递：武汉大学图书馆"));
        assertTrue(page.contains("<details>\n<summary>已排除的途径 (2)</summary>"));
        assertTrue(page.contains("在限制期（embargo）内，2029-01-01 起可用"));
        assertTrue(page.contains("Growth &lt;b&gt;&amp; debt&lt;/b&gt;"), "the citation escaped");
        assertFalse(page.contains("href=\"javascript:"), "only web links are links");
        assertTrue(
                page.contains("<a href=\"?rft.issn=0002-8282&amp;library=pku&amp;lang=en\" lang=\"en\" hreflang=\"en\">"
                        + "English</a>"),
                "the same request in English");
        assertFalse(page.contains("<script"));
        assertFalse(page.contains(" style=\""));

        String english = ResolutionPage.write(resolution(null), Labels.EN, null);
        assertTrue(english.contains("<html lang=\"en\">"));
        assertTrue(english.contains("Online through your library&#39;s licence: CASHL consortium licence"));
        assertTrue(english.contains("Under embargo, available from 2029-01-01"));
        assertTrue(english.contains("<a href=\"?lang=zh\" lang=\"zh\" hreflang=\"zh\">中文</a>"));
    }

    @Test
    void anUnreadableRequestGetsItsExplanationAndAForm() {
        String page = ResolutionPage.write(resolution(Problem.NOTHING_TO_LOOK_FOR), Labels.EN, "");
        assertTrue(page.contains("<p class=\"problem\" role=\"status\">The request names nothing to look for"));
        assertTrue(page.contains("<form method=\"get\">"));
        assertTrue(
                page.contains("<label for=\"f-issn\">ISSN</label><input id=\"f-issn\" name=\"rft.issn\" type=\"text\""
                        + " value=\"0002-8282\">"));
    }

    @Test
    void thePolicyNamesTheHashOfThePagesOnlyStyle() throws Exception {
        String page = ResolutionPage.write(resolution(null), Labels.ZH, null);
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page);
        assertTrue(style.find());
        String hash = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertTrue(ResolutionPage.CONTENT_SECURITY_POLICY.contains("style-src 'sha256-" + hash + "'"));
        assertTrue(ResolutionPage.CONTENT_SECURITY_POLICY.startsWith("default-src 'none'"));
        assertFalse(style.find(), "one style element");
    }

    @Test
    void theLanguageByLangThenAcceptLanguageThenChinese() {
        assertEquals(Labels.EN, Labels.negotiate("en", "zh-CN"));
        assertEquals(Labels.ZH, Labels.negotiate("zh-Hans", "en"));
        assertEquals(Labels.EN, Labels.negotiate(null, "en-GB,en;q=0.9,zh;q=0.8"));
        assertEquals(Labels.ZH, Labels.negotiate(null, "fr;q=1, zh-TW;q=0.7, en;q=0.5"));
        assertEquals(Labels.ZH, Labels.negotiate("fr", "de"));
        assertEquals(Labels.ZH, Labels.negotiate(null, null));
        assertEquals(Labels.EN, Labels.negotiate(null, "en;q=abc, en-US"));
    }
}

package cn.edu.cashl.hub.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.coverage.Coverage;
import cn.edu.cashl.hub.openurl.OpenUrlRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Article links: the providers' templates, the DOI, the title link, and the proxy in front. */
class LinksTest {

    private static final Links LINKS = new Links(LinkTemplates.shipped());

    private static ElectronicHolding at(String titleUrl) {
        return new ElectronicHolding(
                "pku", "s", "P", titleUrl, false, false, new Coverage(List.of()), List.of("0002-8282"));
    }

    private static String link(String titleUrl, String kev) {
        return LINKS.article(at(titleUrl), OpenUrlRequest.parse(kev));
    }

    @Test
    void jstorsOpenUrlTakesTheIssueWhenThereIsOne() {
        String jstor = "https://www.jstor.org/journal/amerecorevi";
        assertEquals(
                "https://www.jstor.org/openurl?issn=0002-8282&volume=80&issue=5&spage=611",
                link(jstor, "issn=0002-8282&volume=80&issue=5&spage=611"));
        assertEquals(
                "https://www.jstor.org/openurl?issn=0002-8282&volume=80&spage=611",
                link(jstor, "volume=80&spage=611"),
                "no issue: left out; the ISSN from the title's record");
        assertEquals(jstor, link(jstor, "volume=80"), "no start page: the title's link");
        assertEquals(
                "https://doi.org/10.2307/1234",
                link(jstor, "volume=80&id=doi:10.2307/1234"),
                "no start page but a DOI");
    }

    @Test
    void doiPlatformsLinkTheArticleByItsDoi() {
        assertEquals(
                "https://www.tandfonline.com/doi/10.1080/09612025.2019.1",
                link("https://www.tandfonline.com/loi/rwhr20", "rft_id=info:doi/10.1080/09612025.2019.1"));
        assertEquals(
                "https://onlinelibrary.wiley.com/doi/10.1002/gj.2426",
                link("http://onlinelibrary.wiley.com/journal/10991034", "rft_id=info:doi/10.1002/gj.2426"));
        assertEquals(
                "https://www.tandfonline.com/loi/rwhr20",
                link("https://www.tandfonline.com/loi/rwhr20", "rft.volume=1"),
                "no DOI: the title's link");
    }

    @Test
    void aDoiKeepsItsPunctuationAndEscapesTheRest() {
        assertEquals(
                "https://doi.org/10.1002/(SICI)1097-4679(199711)53:7%3C657::AID-JCLP3%3E3.0.CO;2-F",
                link(
                        "https://example.org/j",
                        "rft_id=info:doi/10.1002/(SICI)1097-4679(199711)53:7%3C657::AID-JCLP3%3E3.0.CO;2-F"));
    }

    @Test
    void noLinkAtAllIsNull() {
        assertNull(link(null, "rft.volume=1"));
    }

    @Test
    void theProxyPrefixGoesInFrontOfTheWholeLink() {
        assertEquals(
                "https://proxy.example/login?url=https://www.jstor.org/openurl?issn=1&volume=2&spage=3",
                Links.proxied(
                        "https://proxy.example/login?url=", "https://www.jstor.org/openurl?issn=1&volume=2&spage=3"));
        assertEquals("https://x.example/", Links.proxied(null, "https://x.example/"));
        assertNull(Links.proxied("https://proxy.example/login?url=", null));
    }

    @Test
    void templatesAreFoundByTheirHostWithOrWithoutWww() {
        LinkTemplates templates = LinkTemplates.shipped();
        assertTrue(templates.forTitleUrl("https://jstor.org/stable/x").isPresent());
        assertTrue(templates.forTitleUrl("https://WWW.JSTOR.ORG/journal/x").isPresent());
        assertTrue(templates.forTitleUrl("https://shs.cairn.info/revue").isEmpty());
        assertTrue(templates.forTitleUrl("not a url at all").isEmpty());
        assertTrue(templates.forTitleUrl(null).isEmpty());
    }
}

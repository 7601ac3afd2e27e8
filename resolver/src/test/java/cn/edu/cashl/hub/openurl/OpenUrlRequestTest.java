package cn.edu.cashl.hub.openurl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.testkit.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** OpenURL requests as real sources send them: the 102 real requests of the shared data, and each quirk. */
class OpenUrlRequestTest {

    /** The query of a request line (a URL, or a URL without its scheme). */
    private static String query(String line) {
        int question = line.indexOf('?');
        return question < 0 ? line : line.substring(question + 1);
    }

    @Test
    void everyRealRequestIsReadAndNamesSomethingToLookFor() throws IOException {
        Assumptions.assumeTrue(TestData.available(), "the shared test data is absent");
        List<String> lines = new ArrayList<>();
        lines.addAll(Files.readAllLines(
                TestData.file("openurl/openurl-link-resolver-sampler/100-random-nyu-getit-resolve-openurls.txt"),
                StandardCharsets.UTF_8));
        for (String file : List.of("example1.openurl", "new-school1.openurl")) {
            lines.add(Files.readString(TestData.file("openurl/listener-openurl/" + file), StandardCharsets.UTF_8)
                    .strip());
        }
        int read = 0;
        List<String> nothing = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            OpenUrlRequest request = OpenUrlRequest.parse(query(line.strip()));
            read++;
            if (!request.identifiesSomething()) {
                nothing.add(line);
            }
        }
        System.out.printf("OpenURL: %d real requests read, %d without anything to look for%n", read, nothing.size());
        assertEquals(102, read);
        assertTrue(nothing.size() <= 2, nothing.toString());
    }

    @Test
    void aVersionOneArticle() {
        OpenUrlRequest request =
                OpenUrlRequest.parse("?ctx_ver=Z39.88-2004&ctx_enc=info:ofi/enc:UTF-8&url_ver=Z39.88-2004"
                        + "&rfr_id=info:sid/Elsevier:SD&rft_val_fmt=info:ofi/fmt:kev:mtx:journal&rft.aulast=JACOB&rft.date=2005"
                        + "&rft.issn=00256196&rft.volume=80&rft.issue=5&rft.spage=611&rft.title=Mayo Clinic Proceedings"
                        + "&rft.atitle=Postural Pseudoanemia&rft_id=info:doi/10.4065/80.5.611&rft_id=&library=pku");
        assertEquals("1.0", request.version());
        assertEquals(List.of("00256196"), request.issns());
        assertEquals("10.4065/80.5.611", request.doi());
        assertEquals("Mayo Clinic Proceedings", request.containerTitle());
        assertEquals("Postural Pseudoanemia", request.articleTitle());
        assertEquals("80", request.volume());
        assertEquals("5", request.issue());
        assertEquals("611", request.startPage());
        assertEquals("2005", request.date());
        assertEquals("JACOB", request.author());
        assertEquals("info:sid/Elsevier:SD", request.referrer());
        assertEquals("pku", request.library());
        assertTrue(
                request.notes().contains("the query started with ??")
                        || request.notes().isEmpty(),
                request.notes().toString());
    }

    @Test
    void aVersionZeroPointOneArticleWithJavaEscapesAndRawSpaces() {
        OpenUrlRequest request = OpenUrlRequest.parse("??genre=article&isbn=&issn=10090592"
                + "&title=\\u6cd5\\u5236\\u4e0e\\u793e\\u4f1a / Legal System and Society&volume=&issue=15&date=20170101"
                + "&spage=238&sid=EBSCO:China Online Journals (Wanfang)&id=doi:10.1016/j.oraloncology.2020.104844");
        assertEquals("0.1", request.version());
        assertEquals("article", request.genre());
        assertEquals("法制与社会 / Legal System and Society", request.containerTitle());
        assertEquals(List.of("10090592"), request.issns());
        assertEquals(List.of(), request.isbns(), "an empty isbn is none");
        assertNull(request.volume());
        assertEquals("10.1016/j.oraloncology.2020.104844", request.doi());
        assertEquals("EBSCO:China Online Journals (Wanfang)", request.referrer());
        assertTrue(
                request.notes().contains("the query started with ??"),
                request.notes().toString());
        assertTrue(
                request.notes().stream().anyMatch(n -> n.contains("\\u escapes")),
                request.notes().toString());
    }

    @Test
    void mixedVersionsTemplatesAndBrokenEscapes() {
        OpenUrlRequest request = OpenUrlRequest.parse("rft.genre=book&rft.btitle=Smart+Testing%3A+100%25 sure"
                + "&isbn=0715630407&rft_id=urn:ISBN:9780715630402&rft.jtitle={{control/<provider_id>}}&pid=50% off");
        assertEquals("mixed", request.version());
        assertEquals("Smart Testing: 100% sure", request.containerTitle());
        assertEquals(List.of("9780715630402", "0715630407"), request.isbns());
        assertTrue(
                request.notes().stream().anyMatch(n -> n.contains("unfilled template")),
                request.notes().toString());
        assertTrue(
                request.notes().stream().anyMatch(n -> n.contains("starts no escape")),
                request.notes().toString());
    }

    @Test
    void anEmptyRequestNamesNothing() {
        assertFalse(OpenUrlRequest.parse("").identifiesSomething());
        assertFalse(
                OpenUrlRequest.parse("url_ver=Z39.88-2004&rft.genre=article").identifiesSomething());
        assertTrue(KevParameters.parse("&&").isEmpty());
    }

    @Test
    void theCitationGoesOnAsAVersionOneKevRepaired() {
        OpenUrlRequest request = OpenUrlRequest.parse("??genre=article&issn=10090592&title=\\u6cd5\\u5236 / Law"
                + "&atitle=A & B&date=2017&volume=3&spage=238&id=doi:10.1016/j.x.2020.104844&rft_id=info:pmid/123");
        assertEquals(
                "url_ver=Z39.88-2004&ctx_ver=Z39.88-2004&ctx_enc=info%3Aofi%2Fenc%3AUTF-8"
                        + "&rfr_id=info%3Asid%2Fcashl.edu.cn%3Ahub&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal"
                        + "&rft.genre=article&rft.atitle=A&rft.jtitle=%E6%B3%95%E5%88%B6%20%2F%20Law"
                        + "&rft.issn=10090592&rft.date=2017&rft.volume=3&rft.spage=238"
                        + "&rft_id=info%3Adoi%2F10.1016%2Fj.x.2020.104844&rft_id=info%3Apmid%2F123",
                request.kev("info:sid/cashl.edu.cn:hub"));
        OpenUrlRequest book = OpenUrlRequest.parse("rft.genre=book&rft.btitle=Sparta&rft.isbn=0715630407");
        String kev = book.kev(null);
        assertTrue(kev.contains("&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&rft.genre=book&rft.btitle=Sparta"));
        assertFalse(kev.contains("rfr_id"));
        assertEquals(book.isbns(), OpenUrlRequest.parse(kev).isbns(), "read back as it was");
    }

    @Test
    void anOaiIdentifierNamesARecordOfTheHub() {
        OpenUrlRequest request =
                OpenUrlRequest.parse("url_ver=Z39.88-2004&rft_id=info:oai/oai:hub.cashl.edu.cn:pku:b123");
        assertEquals("pku:b123", request.record());
        assertTrue(request.identifiesSomething());
        OpenUrlRequest broken = OpenUrlRequest.parse("rft_id=info:oai/oai:nothing");
        assertEquals(null, broken.record());
        assertTrue(
                broken.notes().stream().anyMatch(n -> n.contains("no OAI-PMH identifier")), broken.notes()::toString);
    }
}

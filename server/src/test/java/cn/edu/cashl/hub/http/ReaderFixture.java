package cn.edu.cashl.hub.http;

import cn.edu.cashl.hub.cli.TestHubs;
import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.server.DemoHub;
import cn.edu.cashl.hub.server.Hub;
import cn.edu.cashl.hub.testkit.KbartLists;
import cn.edu.cashl.hub.testkit.ProjectRoot;
import cn.edu.cashl.hub.testkit.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The catalogue the reader pages are tested on, written by the import command: four member
 * libraries (three centre, one service), real records of the shared data (a Japanese book with its
 * 880 parallel script at pku, a Hebrew one at gzu, the Library of Congress's 43 opera scores and
 * recordings at whu), the print journal Modern China at whu with a
 * JSTOR package licensed to pku (electronic delivery allowed), an open-access article of it as its
 * publisher's JATS, and 25 books of one series at fudan for paging.
 */
final class ReaderFixture {

    /** Where the open-access article's licence sends readers: its DOI. */
    static final String OPEN_ACCESS_URL = "https://doi.org/10.1177/MCX.2020.46.3.245";

    private static final String SOURCES = """
            sources:
              - id: pku
                type: file
                name: Peking University Library
                nameZh: 北京大学图书馆
                tier: centre
                illBaseUrl: https://ill.pku.example/openurl?sid=cashl
              - id: whu
                type: file
                name: Wuhan University Library
                nameZh: 武汉大学图书馆
                tier: centre
              - id: fudan
                type: file
                name: Fudan University Library
                nameZh: 复旦大学图书馆
                tier: centre
              - id: gzu
                type: file
                name: Guizhou University Library
                nameZh: 贵州大学图书馆
                tier: service
              - id: jstor-as1
                type: kbart
                url: https://example.org/jstor.txt
                package: JSTOR Arts & Sciences I
                libraries: [pku]
                illElectronic: true
                proxy:
                  pku: "https://proxy.pku.example/login?url="
            """;

    private static final String MODERN_CHINA = """
            <collection xmlns="http://www.loc.gov/MARC21/slim"><record>
              <leader>00000cas a2200000 a 4500</leader>
              <controlfield tag="001">modern-china</controlfield>
              <controlfield tag="008">750101c19759999cauqr p       0   a0eng d</controlfield>
              <datafield tag="022" ind1=" " ind2=" "><subfield code="a">0097-7004</subfield></datafield>
              <datafield tag="050" ind1="0" ind2="0"><subfield code="a">DS701</subfield></datafield>
              <datafield tag="245" ind1="0" ind2="0"><subfield code="a">Modern China.</subfield></datafield>
              <datafield tag="260" ind1=" " ind2=" "><subfield code="a">Beverly Hills :</subfield>
                <subfield code="b">Sage</subfield></datafield>
              <datafield tag="650" ind1=" " ind2="0"><subfield code="a">China</subfield><subfield code="v">Periodicals.</subfield></datafield>
              <datafield tag="852" ind1=" " ind2=" "><subfield code="a">whu</subfield><subfield code="h">D6 M689</subfield></datafield>
            </record></collection>
            """;

    private static final String JSTOR = KbartLists.HEADER.replace("\n", "\r\n")
            + "Modern China\t0097-7004\t1552-6836\t1975\t1\t1\t\t\t\t"
            + "https://www.jstor.org/journal/modechin\t\tmodechin\t\tfulltext\t\tSage\tserial\r\n";

    private static final String JATS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article" dtd-version="1.2" xml:lang="en">
              <front>
                <journal-meta>
                  <journal-title-group><journal-title>Modern China</journal-title></journal-title-group>
                  <issn pub-type="ppub">0097-7004</issn>
                  <issn pub-type="epub">1552-6836</issn>
                </journal-meta>
                <article-meta>
                  <article-id pub-id-type="doi">10.1177/MCX.2020.46.3.245</article-id>
                  <title-group><article-title>Household registration and labour migration in reform-era China</article-title></title-group>
                  <contrib-group>
                    <contrib contrib-type="author"><name><surname>Zhang</surname><given-names>Min</given-names></name></contrib>
                  </contrib-group>
                  <pub-date pub-type="ppub"><month>5</month><year>2020</year></pub-date>
                  <volume>46</volume><issue>3</issue><fpage>245</fpage><lpage>276</lpage>
                  <permissions>
                    <license license-type="open-access" xlink:href="https://creativecommons.org/licenses/by/4.0/"><license-p>CC BY 4.0</license-p></license>
                  </permissions>
                </article-meta>
              </front>
            </article>
            """;

    private ReaderFixture() {}

    /** Imports the catalogue into {@code work}/data and starts a hub on it, on a free loopback port. */
    static Hub start(Path work) throws Exception {
        Assumptions.assumeTrue(TestData.available(), "the shared test data is not at " + TestData.root());
        Path data = work.resolve("data");
        Path config = ProjectRoot.find().resolve("config/cashl-hub.yaml");
        Path sources = write(work, "sources.yaml", SOURCES);
        DemoHub.importFile(
                config,
                data,
                sources,
                "pku",
                "auto",
                TestData.file("marc/openlibrary/bin_input/880_Nihon_no_chasho.mrc"));
        DemoHub.importFile(config, data, sources, "gzu", "auto", TestData.file("marc/traject/hebrew880s.marc"));
        DemoHub.importFile(
                config,
                data,
                sources,
                "whu",
                "auto",
                TestData.file("marc/idzebra-loc-samples/collection-opera-43.xml"));
        DemoHub.importFile(config, data, sources, "whu", "auto", write(work, "modern-china.xml", MODERN_CHINA));
        DemoHub.importFile(config, data, sources, "jstor-as1", "kbart", write(work, "jstor.txt", JSTOR));
        DemoHub.importFile(config, data, sources, "pku", "jats", write(work, "article.xml", JATS));
        DemoHub.importFile(config, data, sources, "fudan", "auto", write(work, "books.xml", books(25)));
        HubConfig hubConfig = DemoHub.loopback(config, data);
        return Hub.start(hubConfig, data, TestHubs.harvesting(config, sources));
    }

    /** Books of one series, "Essays on reading 1" to "... 25", published 1990 onwards, held by fudan. */
    private static String books(int count) {
        StringBuilder xml = new StringBuilder("<collection xmlns=\"http://www.loc.gov/MARC21/slim\">");
        for (int i = 1; i <= count; i++) {
            xml.append("<record><leader>00000cam a2200000 a 4500</leader>")
                    .append("<controlfield tag=\"001\">essays-")
                    .append(i)
                    .append("</controlfield>")
                    .append("<controlfield tag=\"008\">000101s")
                    .append(1989 + i)
                    .append("    enk           000 0 eng d</controlfield>")
                    .append(
                            "<datafield tag=\"050\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">LB1050</subfield></datafield>")
                    .append("<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">Essays on reading ")
                    .append(i)
                    .append(" /</subfield></datafield>")
                    .append("<datafield tag=\"260\" ind1=\" \" ind2=\" \"><subfield code=\"c\">")
                    .append(1989 + i)
                    .append(".</subfield></datafield>")
                    .append(
                            "<datafield tag=\"650\" ind1=\" \" ind2=\"0\"><subfield code=\"a\">Reading</subfield></datafield>")
                    .append("<datafield tag=\"852\" ind1=\" \" ind2=\" \"><subfield code=\"a\">fudan</subfield>")
                    .append("<subfield code=\"h\">G2")
                    .append(i)
                    .append("</subfield></datafield></record>");
        }
        return xml.append("</collection>").toString();
    }

    private static Path write(Path work, String name, String text) throws Exception {
        return Files.writeString(work.resolve(name), text);
    }
}

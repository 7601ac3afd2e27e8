package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.catalog.StandardNumbers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes an article corpus in the shape of the shared JATS and Crossref samples (docs/benchmarks.md,
 * "Articles"): Crossref works as the REST API's snapshot files have them, one JSON work per line;
 * and a publisher's JATS front matter as an OAI-PMH ListRecords answer. Of {@code count} records,
 * 60 % are Crossref works; of the JATS articles, half are works Crossref also sent (the DOI in
 * another case, as feeds differ), a quarter are such works without their DOI (matched by journal,
 * volume, issue, first page and title), a quarter are articles only the publisher sent. So the
 * union catalogue should end with 70 % of {@code count} master records.
 *
 * <p>Articles of {@value #JOURNALS} journals, each with a print and an online ISSN, ORCID iDs,
 * affiliations, licences and abstracts. Deterministic for a given seed, streaming.
 */
final class ArticleCorpus {

    static final int JOURNALS = 5_000;
    private static final String[] WORDS = ("history society culture economy politics philosophy language literature law"
                    + " education religion china europe modern ancient theory practice reform empire revolution city"
                    + " village market state war peace art music memory identity migration gender labour trade")
            .split(" ");
    private static final String[] FAMILY = {"Li", "Wang", "Zhang", "Smith", "Müller", "Dubois", "Tanaka", "Kim", "Rossi"
    };
    private static final String[] GIVEN = {"Wei", "Fang", "Anna", "John", "Marie", "Hiroshi", "Min-jun", "Luca"};
    private static final String[] AFFILIATIONS = {
        "Peking University", "Fudan University", "University of Oxford", "Sciences Po", "Kyoto University"
    };

    /** The files written and what the union catalogue should make of them. */
    record Written(Path crossref, Path jats, int works, int jatsArticles, int expectedMasters) {}

    private ArticleCorpus() {}

    static Written write(Path dir, int count, long seed) throws IOException {
        Files.createDirectories(dir);
        Path crossref = dir.resolve("crossref-works.jsonl");
        Path jats = dir.resolve("publisher-jats.xml");
        int works = count * 6 / 10;
        int jatsArticles = count - works;
        try (BufferedWriter out = Files.newBufferedWriter(crossref, StandardCharsets.UTF_8)) {
            for (int i = 0; i < works; i++) {
                out.write(work(article(i, seed)));
                out.write('\n');
            }
        }
        int unique = 0;
        try (BufferedWriter out = Files.newBufferedWriter(jats, StandardCharsets.UTF_8)) {
            out.write(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                            + "<responseDate>2026-12-01T00:00:00Z</responseDate>"
                            + "<request verb=\"ListRecords\" metadataPrefix=\"jats\">https://publisher.example/oai</request>"
                            + "<ListRecords>\n");
            for (int j = 0; j < jatsArticles; j++) {
                int kind = j % 4; // 0, 1: Crossref's with the DOI; 2: without; 3: the publisher's own
                Article a;
                if (kind == 3) {
                    a = article(works + unique++, seed);
                } else {
                    // The same article as Crossref work number w (spread over all of them).
                    int w = (int) ((j * 2_654_435_761L) % works);
                    a = article(w, seed);
                    a = a.withDoi(kind == 2 ? null : a.doi().toUpperCase(Locale.ROOT));
                }
                out.write(record(j, a));
            }
            out.write("</ListRecords></OAI-PMH>\n");
        }
        return new Written(crossref, jats, works, jatsArticles, works + unique);
    }

    /** One article, as every feed describes it. */
    private record Article(
            String doi,
            String title,
            String family,
            String given,
            String orcid,
            String affiliation,
            int journal,
            int volume,
            int issue,
            int firstPage,
            int year,
            String abstractText) {

        /** The same article as a feed that writes its DOI otherwise, or not at all (null). */
        Article withDoi(String value) {
            return new Article(
                    value,
                    title,
                    family,
                    given,
                    orcid,
                    affiliation,
                    journal,
                    volume,
                    issue,
                    firstPage,
                    year,
                    abstractText);
        }
    }

    /** Article number {@code n}: its own random stream, so that another feed's copy of it says the same. */
    private static Article article(int n, long seed) {
        Random r = new Random(seed * 1_000_003L + n);
        int journal = r.nextInt(JOURNALS);
        int year = 1990 + r.nextInt(36);
        StringBuilder title = new StringBuilder();
        int words = 4 + r.nextInt(6);
        for (int w = 0; w < words; w++) {
            title.append(w == 0 ? capitalise(WORDS[r.nextInt(WORDS.length)]) : WORDS[r.nextInt(WORDS.length)])
                    .append(' ');
        }
        title.append("no. ").append(n);
        return new Article(
                "10.5555/cashl.a" + n,
                title.toString(),
                FAMILY[r.nextInt(FAMILY.length)],
                GIVEN[r.nextInt(GIVEN.length)],
                r.nextInt(3) == 0 ? orcid(r) : null,
                AFFILIATIONS[r.nextInt(AFFILIATIONS.length)],
                journal,
                year - 1989,
                1 + r.nextInt(4),
                1 + r.nextInt(400),
                year,
                "This article studies " + WORDS[r.nextInt(WORDS.length)] + " and " + WORDS[r.nextInt(WORDS.length)]
                        + " in the sources of the period, " + n + ".");
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String orcid(Random r) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            digits.append(r.nextInt(10));
        }
        int total = 0;
        for (int i = 0; i < 15; i++) {
            total = (total + digits.charAt(i) - '0') * 2;
        }
        int check = (12 - total % 11) % 11;
        String all = digits + (check == 10 ? "X" : String.valueOf(check));
        return all.substring(0, 4) + "-" + all.substring(4, 8) + "-" + all.substring(8, 12) + "-" + all.substring(12);
    }

    /** A valid ISSN for journal {@code j}: print even, online odd. */
    static String issn(int j, boolean online) {
        return StandardNumbers.issnWithCheck(String.format("%07d", 2_000_000 + j * 2 + (online ? 1 : 0)));
    }

    static String journalTitle(int j) {
        return "Journal of " + capitalise(WORDS[j % WORDS.length]) + " Studies " + j;
    }

    private static String work(Article a) {
        int lastPage = a.firstPage() + 20;
        return "{\"DOI\":\"" + a.doi() + "\",\"type\":\"journal-article\",\"title\":[\"" + a.title() + "\"],"
                + "\"author\":[{\"given\":\"" + a.given() + "\",\"family\":\"" + a.family()
                + "\",\"sequence\":\"first\""
                + (a.orcid() == null ? "" : ",\"ORCID\":\"https://orcid.org/" + a.orcid() + "\"")
                + ",\"affiliation\":[{\"name\":\"" + a.affiliation() + "\"}]}],"
                + "\"container-title\":[\"" + journalTitle(a.journal()) + "\"],\"publisher\":\"Example Press\","
                + "\"ISSN\":[\"" + issn(a.journal(), false) + "\",\"" + issn(a.journal(), true) + "\"],"
                + "\"issn-type\":[{\"value\":\"" + issn(a.journal(), false) + "\",\"type\":\"print\"},"
                + "{\"value\":\"" + issn(a.journal(), true) + "\",\"type\":\"electronic\"}],"
                + "\"volume\":\"" + a.volume() + "\",\"issue\":\"" + a.issue() + "\",\"page\":\"" + a.firstPage() + "-"
                + lastPage + "\",\"issued\":{\"date-parts\":[[" + a.year() + ",4]]},\"language\":\"en\","
                + "\"license\":[{\"URL\":\"http://creativecommons.org/licenses/by/4.0/\",\"content-version\":\"vor\"}],"
                + "\"abstract\":\"<jats:p>" + a.abstractText() + "</jats:p>\"}";
    }

    private static String record(int j, Article a) {
        StringBuilder x = new StringBuilder(2_000);
        x.append("<record><header><identifier>oai:publisher.example:")
                .append(j)
                .append("</identifier><datestamp>2026-12-01</datestamp></header><metadata>")
                .append("<article xmlns=\"http://jats.nlm.nih.gov\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
                .append(" article-type=\"research-article\" dtd-version=\"1.3\" xml:lang=\"en\"><front><journal-meta>")
                .append("<journal-title-group><journal-title>")
                .append(journalTitle(a.journal()))
                .append("</journal-title></journal-title-group>")
                .append("<issn pub-type=\"ppub\">")
                .append(issn(a.journal(), false))
                .append("</issn>")
                .append("<issn pub-type=\"epub\">")
                .append(issn(a.journal(), true))
                .append("</issn>")
                .append("<publisher><publisher-name>Example Press</publisher-name></publisher></journal-meta>")
                .append("<article-meta>");
        if (a.doi() != null) {
            x.append("<article-id pub-id-type=\"doi\">").append(a.doi()).append("</article-id>");
        }
        x.append("<title-group><article-title>")
                .append(a.title())
                .append("</article-title></title-group>")
                .append("<contrib-group><contrib contrib-type=\"author\">");
        if (a.orcid() != null) {
            x.append("<contrib-id contrib-id-type=\"orcid\">https://orcid.org/")
                    .append(a.orcid())
                    .append("</contrib-id>");
        }
        x.append("<name><surname>")
                .append(a.family())
                .append("</surname><given-names>")
                .append(a.given())
                .append("</given-names></name><xref ref-type=\"aff\" rid=\"aff1\"/></contrib></contrib-group>")
                .append("<aff id=\"aff1\">")
                .append(a.affiliation())
                .append("</aff>")
                .append("<pub-date pub-type=\"ppub\"><month>4</month><year>")
                .append(a.year())
                .append("</year></pub-date>")
                .append("<volume>")
                .append(a.volume())
                .append("</volume><issue>")
                .append(a.issue())
                .append("</issue>")
                .append("<fpage>")
                .append(a.firstPage())
                .append("</fpage><lpage>")
                .append(a.firstPage() + 20)
                .append("</lpage><permissions><license xlink:href=\"http://creativecommons.org/licenses/by/4.0/\">")
                .append("<license-p>CC BY 4.0</license-p></license></permissions>")
                .append("<abstract><p>")
                .append(a.abstractText())
                .append("</p></abstract>")
                .append("<kwd-group><kwd>")
                .append(a.title().split(" ")[0])
                .append("</kwd></kwd-group>")
                .append("</article-meta></front></article></metadata></record>\n");
        return x.toString();
    }
}

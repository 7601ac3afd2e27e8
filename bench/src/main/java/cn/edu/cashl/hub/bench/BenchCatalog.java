package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.catalog.SourceField;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.catalog.solr.SolrCatalogStore;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import cn.edu.cashl.hub.merge.SearchDocs;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.InvalidRecordException;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The catalogue the OAI-PMH and SRU benchmarks serve: COUNT master records (about 2 KB of canonical
 * XML each, a quarter of them held by two libraries, 2,000 to a datestamp second as a bulk load
 * leaves them) with their source records and search fields, written straight into embedded Solr.
 * The same seed gives the same catalogue, so runs compare.
 */
final class BenchCatalog {

    static final String[] LIBRARIES = {"pku", "fudan", "sjtu", "zju", "whu", "nju", "sysu", "ruc", "bnu", "nku"};
    static final String[] WORDS = ("history society culture economy politics philosophy language literature law "
                    + "education religion china europe modern ancient theory practice reform empire revolution city village "
                    + "market state war peace art music memory identity migration gender labour trade")
            .split(" ");
    private static final int BATCH = 5_000;
    /** Records kept for the SRU benchmark to draw queries from: enough for variety, few enough to hold. */
    private static final int SAMPLE = 2_000;

    private static final Instant BASE = Instant.parse("2026-06-01T00:00:00Z");

    /**
     * The share of journal articles among the records (system property {@code cashl.bench.articles},
     * default 0: books only, as every figure before articles was measured): the consortium's
     * catalogue of books and journals beside tens of millions of articles (docs/articles.md).
     */
    static final double ARTICLES = Double.parseDouble(System.getProperty("cashl.bench.articles", "0"));

    /** A generated master record before parsing: its XML and where it is held. */
    private record Draft(
            String id, String library, String second, int n, Instant datestamp, String xml, boolean article) {}

    private BenchCatalog() {}

    /**
     * Writes the catalogue into a fresh data directory and returns a sample of its records (about
     * {@value #SAMPLE}, spread over the whole catalogue), from which searches that find something
     * can be made.
     */
    static List<CashlRecord> populate(Path data, int count) throws InterruptedException {
        if (Files.exists(data)) {
            throw new IllegalArgumentException(data + " exists: the benchmark needs a fresh data directory");
        }
        long t0 = System.nanoTime();
        Random random = new Random(2026);
        int every = Math.max(1, count / SAMPLE);
        List<String> sample = new ArrayList<>();
        // Solr indexes one batch on the writer thread while the next is parsed and validated on
        // every core, so that parsing and indexing use both cores at once.
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (SolrCatalogStore store = SolrStores.open(SolrSettings.EMBEDDED, data)) {
            Future<?> writing = null;
            for (int from = 0; from < count; from += BATCH) {
                // Drafts in order on this thread: the records must not depend on thread timing.
                Draft[] drafts = new Draft[Math.min(BATCH, count - from)];
                for (int i = 0; i < drafts.length; i++) {
                    drafts[i] = draft(from + i, random);
                    if ((from + i) % every == 0 && !drafts[i].article()) {
                        sample.add(drafts[i].xml()); // the SRU queries are made from books' ISBNs and words
                    }
                }
                List<StoredRecord> masters = Arrays.stream(drafts)
                        .parallel()
                        .map(BenchCatalog::master)
                        .toList();
                List<StoredRecord> sources = new ArrayList<>();
                for (Draft draft : drafts) {
                    sources.add(source(draft.id(), draft.library(), draft.datestamp()));
                    if (draft.second() != null) {
                        sources.add(source(draft.second() + ":c" + draft.n(), draft.second(), draft.datestamp()));
                    }
                }
                await(writing);
                writing = writer.submit(() -> {
                    store.put(StoreCollection.CATALOG, masters);
                    store.put(StoreCollection.SOURCE, sources);
                });
            }
            await(writing);
            store.commit();
        } finally {
            writer.shutdownNow();
        }
        System.out.printf(
                "benchmark: wrote %,d master records (and their source records) in %.0f s%n",
                count, (System.nanoTime() - t0) / 1e9);
        return sample.stream().map(CashlRecords.get()::bind).toList();
    }

    private static void await(Future<?> writing) throws InterruptedException {
        if (writing == null) {
            return;
        }
        try {
            writing.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("writing the catalogue failed", e.getCause());
        }
    }

    private static Draft draft(int i, Random random) {
        if (ARTICLES > 0 && random.nextDouble() < ARTICLES) {
            String id = "crossref:a" + i;
            return new Draft(id, "crossref", null, i, BASE.plusSeconds(i / 2000), article(id, i, random), true);
        }
        String library = LIBRARIES[random.nextInt(LIBRARIES.length)];
        String second = random.nextInt(4) == 0 ? LIBRARIES[random.nextInt(LIBRARIES.length)] : null;
        if (library.equals(second)) {
            second = null;
        }
        String id = library + ":b" + i;
        return new Draft(
                id, library, second, i, BASE.plusSeconds(i / 2000), record(id, library, second, i, random), false);
    }

    /**
     * The master record as deduplication writes it, search fields included (without them SRU finds
     * nothing). Reading validates: a generated record the schema rejects stops the benchmark.
     */
    private static StoredRecord master(Draft draft) {
        CashlRecord record;
        try {
            record = CashlRecords.get().read(draft.xml());
        } catch (InvalidRecordException e) {
            throw new IllegalStateException("generated record " + draft.id() + " is not valid: " + e.getMessage(), e);
        }
        StoredRecord.Builder master = StoredRecord.builder(draft.id(), draft.datestamp())
                .xml(draft.xml())
                .set(draft.article() ? "type:article" : "type:book")
                .set("library:" + draft.library())
                .library(draft.library());
        List<String> members = new ArrayList<>(List.of(draft.id()));
        if (draft.second() != null) {
            master.set("library:" + draft.second()).library(draft.second());
            members.add(draft.second() + ":c" + draft.n());
        }
        SearchDocs.addTo(master, record);
        String key = draft.article() ? "\tdoi:10.5555/bench." + draft.n() : "\tisbn:" + draft.n();
        return master.field("member", members)
                .field("cluster", members.stream().map(m -> m + key).toList())
                .build();
    }

    private static StoredRecord source(String id, String library, Instant harvested) {
        return StoredRecord.builder(id, harvested)
                .source(library)
                .status("accepted")
                .field(SourceField.OAI_ID, "oai:" + library + ".edu.cn:" + id)
                .field(SourceField.OAI_DATESTAMP, harvested.toString())
                .field(SourceField.FORMAT, "MARC21")
                .field(SourceField.LOCAL_ID, id.substring(id.indexOf(':') + 1))
                .build();
    }

    /**
     * A canonical record of ordinary size (about 2 KB): title, authors, imprint, language,
     * subjects, holdings.
     */
    private static String record(String id, String library, String second, int n, Random random) {
        StringBuilder xml = new StringBuilder(2400);
        xml.append("<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"")
                .append(id)
                .append("\" type=\"book\" schemaVersion=\"1.0\"><identifiers><isbn>")
                .append(isbn(n))
                .append("</isbn><local source=\"")
                .append(library)
                .append("\">b")
                .append(n)
                .append("</local></identifiers>");
        xml.append("<title><main>")
                .append(words(random, 4))
                .append("</main><sub>")
                .append(words(random, 6))
                .append("</sub></title>");
        for (int a = 0, authors = 1 + random.nextInt(3); a < authors; a++) {
            // The relator code is an attribute: the schema rejects a role element.
            xml.append("<contributor kind=\"person\" role=\"aut\"><name>")
                    .append(capital(WORDS[random.nextInt(WORDS.length)]))
                    .append(", ")
                    .append(capital(WORDS[random.nextInt(WORDS.length)]))
                    .append("</name></contributor>");
        }
        xml.append("<publication><place>London</place><publisher>")
                .append(capital(words(random, 2)))
                .append(" Press</publisher><year>")
                .append(1950 + random.nextInt(75))
                .append("</year></publication>")
                .append("<extent>")
                .append(150 + random.nextInt(500))
                .append(" p. ; 24 cm</extent><language>eng</language>");
        for (int s = 0, subjects = 2 + random.nextInt(3); s < subjects; s++) {
            xml.append("<subject scheme=\"lcsh\">")
                    .append(capital(words(random, 2)))
                    .append(" -- ")
                    .append(capital(WORDS[random.nextInt(WORDS.length)]))
                    .append("</subject>");
        }
        xml.append("<discipline rule=\"bench\">hss</discipline>");
        holding(xml, library, "b" + n);
        if (second != null) {
            holding(xml, second, "c" + n);
        }
        xml.append("<provenance source=\"")
                .append(library)
                .append("\" sourceIdentifier=\"b")
                .append(n)
                .append("\" harvestedAt=\"2026-06-01T00:00:00Z\" crosswalk=\"marc21-to-cashl@1\"/></record>");
        return xml.toString();
    }

    /**
     * A journal article as the article feeds make them (about 1.5 KB): DOI, title, authors with an
     * ORCID iD and affiliation, the journal of 5,000 with print and online ISSN, volume, issue and
     * pages, an abstract, a licence, and for a third of them an open-access link.
     */
    private static String article(String id, int n, Random random) {
        int journal = random.nextInt(ArticleCorpus.JOURNALS);
        int year = 1990 + random.nextInt(36);
        int page = 1 + random.nextInt(400);
        StringBuilder xml = new StringBuilder(1800);
        xml.append("<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"")
                .append(id)
                .append("\" type=\"article\" schemaVersion=\"1.2\"><identifiers><doi>10.5555/bench.")
                .append(n)
                .append("</doi></identifiers><title><main>")
                .append(capital(words(random, 7)))
                .append("</main></title>");
        for (int a = 0, authors = 1 + random.nextInt(3); a < authors; a++) {
            xml.append("<contributor kind=\"person\" role=\"aut\"><name>")
                    .append(capital(WORDS[random.nextInt(WORDS.length)]))
                    .append(", ")
                    .append(capital(WORDS[random.nextInt(WORDS.length)]))
                    .append("</name><affiliation>")
                    .append(capital(WORDS[random.nextInt(WORDS.length)]))
                    .append(" University</affiliation></contributor>");
        }
        xml.append("<publication><publisher>Example Press</publisher><year>")
                .append(year)
                .append("</year></publication><isPartOf><title>")
                .append(ArticleCorpus.journalTitle(journal))
                .append("</title><issn>")
                .append(ArticleCorpus.issn(journal, false))
                .append("</issn><eissn>")
                .append(ArticleCorpus.issn(journal, true))
                .append("</eissn><volume>")
                .append(year - 1989)
                .append("</volume><issue>")
                .append(1 + random.nextInt(4))
                .append("</issue><pages>")
                .append(page)
                .append('-')
                .append(page + 20)
                .append("</pages></isPartOf><language>eng</language><subject scheme=\"keyword\">")
                .append(WORDS[random.nextInt(WORDS.length)])
                .append("</subject><discipline rule=\"articles:all\">hss</discipline><description language=\"eng\">")
                .append(capital(words(random, 25)))
                .append(".</description><licence>http://creativecommons.org/licenses/by/4.0/</licence>");
        if (n % 3 == 0) {
            xml.append("<holding library=\"crossref\" localId=\"a")
                    .append(n)
                    .append("\" form=\"electronic\" access=\"openAccess\"><url>https://doi.org/10.5555/bench.")
                    .append(n)
                    .append("</url></holding>");
        }
        xml.append("<provenance source=\"crossref\" sourceIdentifier=\"10.5555/bench.")
                .append(n)
                .append("\" harvestedAt=\"2026-06-01T00:00:00Z\" crosswalk=\"crossref-to-cashl@1\"/></record>");
        return xml.toString();
    }

    private static void holding(StringBuilder xml, String library, String localId) {
        xml.append("<holding library=\"")
                .append(library)
                .append("\" localId=\"")
                .append(localId)
                .append("\" form=\"print\"><callNumber>D")
                .append(localId.hashCode() & 0xFFF)
                .append(" .A1</callNumber></holding>");
    }

    private static String words(Random random, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String isbn(int n) {
        String twelve = "978" + String.format("%09d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return twelve + (10 - sum % 10) % 10;
    }
}

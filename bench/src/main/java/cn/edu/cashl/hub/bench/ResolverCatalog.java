package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.catalog.solr.SolrCatalogStore;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import cn.edu.cashl.hub.merge.SearchDocs;
import cn.edu.cashl.hub.publish.XmlText;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.InvalidRecordException;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
 * The catalogue of the resolver benchmark: the consortium's 34 member libraries, 100 licensed
 * packages and {@code rows} KBART rows over them, as master records would hold them once the lists
 * are harvested (each title's print holdings and one electronic holding per row and licensing
 * library, with its range, embargo and depth), written straight into embedded Solr with their search
 * fields; and the sources file that names the libraries (tiers, ILL systems) and the packages
 * (libraries, terms, proxies). The same seed gives the same catalogue.
 *
 * <p>Titles: two journals for every book. A journal package holds journals, an e-book package
 * books; a title is in about {@code rows / titles} rows, a tenth of the journal rows split at a
 * gap, a fifth with a moving wall. A tenth of the packages are consortium licences, five are open
 * access, half allow electronic delivery; each of the others is licensed by one to eight members.
 */
final class ResolverCatalog {

    static final String[] CENTRE = {
        "pku", "fudan", "whu", "scu", "jlu", "sysu", "lzu", "nju", "zju", "nankai", "xmu", "thu", "ruc", "bnu", "sjtu",
        "sdu", "hust"
    };
    static final String[] SERVICE = {
        "ecnu", "nenu", "ccnu", "snnu", "xjtu", "xju", "gxu", "ynu", "hnu", "cqu", "zzu", "ncu", "hbu", "sxu", "imu",
        "hainu", "gzu"
    };
    static final int PACKAGES = 100;
    private static final int BATCH = 2_000;
    private static final Instant DATESTAMP = Instant.parse("2026-12-01T00:00:00Z");
    private static final String[] EMBARGOES = {"R1Y", "R2Y", "R3Y", "R5Y", "R6M", "R12M", "R18M", "P1Y;R30D"};

    /** One package: who licenses it, on what terms, and whether it holds journals or books. */
    record Package(int n, boolean journals, List<String> libraries, boolean openAccess, boolean illElectronic) {
        String id() {
            return "pkg" + n;
        }
    }

    /** A title of the catalogue, as the OpenURL generator needs it. */
    record Title(int n, boolean journal, String issn, String isbn, String name, int firstYear, int firstVolume) {}

    final List<Package> packages = new ArrayList<>();
    final List<Title> titles = new ArrayList<>();
    /** Per title, the indexes of the packages that hold it, as drawn (rows). */
    private final List<int[]> rowsOf = new ArrayList<>();

    private final long rows;

    ResolverCatalog(long rows, Random random) {
        this.rows = rows;
        List<String> members = new ArrayList<>(Arrays.asList(CENTRE));
        members.addAll(Arrays.asList(SERVICE));
        for (int p = 0; p < PACKAGES; p++) {
            boolean consortium = p % 10 == 0;
            boolean openAccess = p % 20 == 5;
            List<String> libraries = new ArrayList<>();
            if (consortium || openAccess) {
                libraries.add("all");
            } else {
                int k = 1 + random.nextInt(8);
                List<String> shuffled = new ArrayList<>(members);
                java.util.Collections.shuffle(shuffled, random);
                libraries.addAll(shuffled.subList(0, k));
            }
            packages.add(new Package(p, p % 4 != 3, libraries, openAccess, random.nextBoolean()));
        }
        // About three rows per title.
        int count = (int) Math.max(3, rows / 3);
        for (int t = 0; t < count; t++) {
            boolean journal = t % 3 != 2;
            titles.add(new Title(
                    t,
                    journal,
                    journal ? issn(1_000_000 + t) : null,
                    journal ? null : isbn(t),
                    (journal ? "Journal of " : "Studies in ")
                            + BenchCatalog.WORDS[t % BenchCatalog.WORDS.length] + " "
                            + BenchCatalog.WORDS[(t / 7) % BenchCatalog.WORDS.length] + " " + t,
                    1950 + random.nextInt(60),
                    1 + random.nextInt(40)));
            rowsOf.add(new int[0]);
        }
        List<Integer> journalPackages = new ArrayList<>();
        List<Integer> bookPackages = new ArrayList<>();
        packages.forEach(p -> (p.journals() ? journalPackages : bookPackages).add(p.n()));
        for (long r = 0; r < rows; r++) {
            int t = random.nextInt(count);
            List<Integer> choice = titles.get(t).journal() ? journalPackages : bookPackages;
            int p = choice.get(random.nextInt(choice.size()));
            int[] old = rowsOf.get(t);
            int[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = p;
            rowsOf.set(t, grown);
        }
    }

    /** The sources file: the 34 members with tiers and ILL systems, and the 100 packages, none harvested. */
    void writeSources(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("sources:\n");
            for (String library : CENTRE) {
                member(out, library, "centre");
            }
            for (String library : SERVICE) {
                member(out, library, "service");
            }
            for (Package p : packages) {
                out.write("  - id: " + p.id() + "\n    type: kbart\n    url: https://kbart.example.org/" + p.id()
                        + ".txt\n    package: Package " + p.n() + "\n    libraries: ["
                        + String.join(", ", p.libraries()) + "]\n    openAccess: " + p.openAccess()
                        + "\n    illElectronic: " + p.illElectronic() + "\n    enabled: false\n");
                if (!p.openAccess()) {
                    out.write("    proxy:\n");
                    for (String library : p.libraries().contains("all") ? List.of("pku", "fudan") : p.libraries()) {
                        out.write("      " + library + ": https://proxy." + library + ".edu.cn/login?url=\n");
                    }
                }
            }
        }
    }

    private static void member(Writer out, String library, String tier) throws IOException {
        out.write("  - id: " + library + "\n    type: file\n    name: " + library.toUpperCase() + " Library\n    tier: "
                + tier + "\n    illBaseUrl: https://ill." + library + ".edu.cn/openurl\n");
    }

    /** Writes every title as a master record; returns how many holdings they carry. */
    long populate(Path data) throws InterruptedException {
        long t0 = System.nanoTime();
        long holdings = 0;
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (SolrCatalogStore store = SolrStores.open(SolrSettings.EMBEDDED, data)) {
            Future<?> writing = null;
            Random random = new Random(7);
            for (int from = 0; from < titles.size(); from += BATCH) {
                int to = Math.min(titles.size(), from + BATCH);
                String[] xml = new String[to - from];
                for (int t = from; t < to; t++) {
                    xml[t - from] = record(titles.get(t), rowsOf.get(t), random);
                    holdings += holdingCount(titles.get(t), rowsOf.get(t));
                }
                List<StoredRecord> masters = Arrays.stream(xml)
                        .parallel()
                        .map(ResolverCatalog::master)
                        .toList();
                await(writing);
                writing = writer.submit(() -> store.put(StoreCollection.CATALOG, masters));
            }
            await(writing);
            store.commit();
        } finally {
            writer.shutdownNow();
        }
        System.out.printf(
                "benchmark: %,d KBART rows over %d packages and %d libraries: %,d master records with %,d holdings,"
                        + " written in %.0f s%n",
                rows,
                PACKAGES,
                CENTRE.length + SERVICE.length,
                titles.size(),
                holdings,
                (System.nanoTime() - t0) / 1e9);
        return holdings;
    }

    private long holdingCount(Title title, int[] rows) {
        long n = title.n() % 5 < 3 ? 1 + title.n() % 3 : 0;
        for (int p : rows) {
            n += packages.get(p).libraries().size();
        }
        return n;
    }

    private String record(Title title, int[] rows, Random random) {
        String id = "m" + title.n();
        StringBuilder xml = new StringBuilder(4096);
        boolean print = title.n() % 5 < 3;
        String type = title.journal() ? (print ? "journal" : "ejournal") : (print ? "book" : "ebook");
        xml.append("<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"")
                .append(id)
                .append("\" type=\"")
                .append(type)
                .append("\" schemaVersion=\"1.1\"><identifiers>");
        if (title.journal()) {
            xml.append("<issn>").append(title.issn()).append("</issn>");
        } else {
            xml.append("<isbn>").append(title.isbn()).append("</isbn>");
        }
        xml.append("</identifiers><title><main>");
        XmlText.append(xml, title.name(), false);
        xml.append("</main></title>");
        if (!title.journal()) {
            xml.append("<contributor kind=\"person\" role=\"aut\"><name>Author ")
                    .append(title.n())
                    .append("</name></contributor>");
        }
        xml.append("<publication><publisher>Publisher ").append(title.n() % 97).append("</publisher>");
        if (!title.journal()) {
            xml.append("<year>").append(title.firstYear()).append("</year>");
        }
        xml.append("</publication><language>eng</language><discipline>hss</discipline>");
        if (print) {
            for (int i = 0; i < 1 + title.n() % 3; i++) {
                String library = i == 0 ? CENTRE[title.n() % CENTRE.length] : SERVICE[(title.n() + i) % SERVICE.length];
                xml.append("<holding library=\"")
                        .append(library)
                        .append("\" localId=\"p")
                        .append(title.n())
                        .append("\" form=\"print\"><callNumber>D")
                        .append(title.n() % 900)
                        .append(".")
                        .append(title.n() % 13)
                        .append("</callNumber></holding>");
            }
        }
        for (int r = 0; r < rows.length; r++) {
            Package p = packages.get(rows[r]);
            String range = range(title, random);
            for (String library : p.libraries()) {
                xml.append("<holding library=\"")
                        .append(library.equals("all") ? "cashl" : library)
                        .append("\" localId=\"t")
                        .append(title.n())
                        .append("@")
                        .append(r)
                        .append("\" form=\"electronic\" source=\"")
                        .append(p.id())
                        .append("\" package=\"Package ")
                        .append(p.n())
                        .append("\" access=\"")
                        .append(p.openAccess() ? "openAccess" : "licensed")
                        .append("\" illElectronic=\"")
                        .append(p.illElectronic())
                        .append("\"><url>https://platform")
                        .append(p.n() % 7)
                        .append(".example.org/")
                        .append(title.journal() ? "journal/" : "book/")
                        .append(title.n())
                        .append("</url>")
                        .append(range)
                        .append("</holding>");
            }
        }
        return xml.append("</record>").toString();
    }

    /** A row's range: journals from a year and volume, some with a gap before it ends or a moving wall. */
    private static String range(Title title, Random random) {
        if (!title.journal()) {
            return "<range depth=\"fulltext\"/>";
        }
        StringBuilder range = new StringBuilder("<range start=\"")
                .append(title.firstYear())
                .append("\" startVolume=\"")
                .append(title.firstVolume())
                .append('"');
        int roll = random.nextInt(10);
        if (roll == 0) {
            int end = title.firstYear() + 5 + random.nextInt(20);
            range.append(" end=\"")
                    .append(end)
                    .append("\" endVolume=\"")
                    .append(title.firstVolume() + end - title.firstYear())
                    .append('"');
        } else if (roll < 3) {
            range.append(" embargo=\"")
                    .append(EMBARGOES[random.nextInt(EMBARGOES.length)])
                    .append('"');
        }
        return range.append(" depth=\"fulltext\"/>").toString();
    }

    private static StoredRecord master(String xml) {
        CashlRecord record;
        try {
            record = CashlRecords.get().read(xml);
        } catch (InvalidRecordException e) {
            throw new IllegalStateException("generated record is not valid: " + e.getMessage() + "\n" + xml, e);
        }
        StoredRecord.Builder master =
                StoredRecord.builder(record.getId(), DATESTAMP).xml(xml);
        record.getHolding().stream()
                .map(h -> h.getLibrary())
                .distinct()
                .forEach(library -> master.set("library:" + library).library(library));
        master.set("type:" + record.getType().value());
        SearchDocs.addTo(master, record);
        return master.field("member", List.of(record.getId() + "-src")).build();
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

    /** A valid ISSN from seven digits. */
    static String issn(int seven) {
        String digits = String.format("%07d", seven % 10_000_000);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (digits.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        return digits.substring(0, 4) + "-" + digits.substring(4) + (check == 10 ? "X" : String.valueOf(check));
    }

    /** A valid ISBN-13 in the 979-8 range. */
    static String isbn(int n) {
        String digits = "9798" + String.format("%08d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits + (10 - sum % 10) % 10;
    }
}

package cn.edu.cashl.hub.harvest;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.RecordPage;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.catalog.memory.InMemoryCatalogStore;
import cn.edu.cashl.hub.crosswalk.CrosswalkEngine;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.db.Database;
import cn.edu.cashl.hub.db.DatabaseException;
import cn.edu.cashl.hub.db.DbSettings;
import cn.edu.cashl.hub.ingest.IngestPipeline;
import cn.edu.cashl.hub.ingest.hss.HssFilter;
import cn.edu.cashl.hub.ingest.hss.HssRules;
import cn.edu.cashl.hub.source.JournalListFiles;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.Sources;
import cn.edu.cashl.hub.source.SourcesException;
import cn.edu.cashl.hub.testkit.ProjectRoot;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A real harvester for tests: a catalogue store (in memory unless a test asks for another), an H2
 * file database in a temporary directory (which is also the configuration directory: relative export
 * locations and {@code journals/} are found there), the packaged crosswalks and shipped HSS rules,
 * and settings that retry quickly.
 */
public final class HarvestFixture implements AutoCloseable {

    /** Quick retries, a 1 s request timeout, so that fault tests take seconds. */
    public static final HarvestSettings FAST =
            new HarvestSettings("CASHL-Hub-test", 1, 4, 20, 2, 8, 60, 50_000, true, 0.10, 500);

    private static final Crosswalks CROSSWALKS = Crosswalks.packaged(new CrosswalkEngine());

    public final CatalogStore catalog;
    public final DataSource database;
    public final HarvestStore store;
    private final Database opened;
    private final Path dir;

    /** The crosswalks every fixture's pipelines use; tests that change one install it under an id of their own. */
    public static Crosswalks crosswalks() {
        return CROSSWALKS;
    }

    /** A stylesheet that compiles but makes records the CASHL schema refuses (no identifiers, no title). */
    public static javax.xml.transform.Source brokenCrosswalk() {
        return new javax.xml.transform.stream.StreamSource(new StringReader("""
                <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                                xmlns="https://ns.cashl.edu.cn/record/v1">
                  <xsl:template match="/"><record id="broken" type="book"/></xsl:template>
                </xsl:stylesheet>"""));
    }

    /** A fixture on the in-memory catalogue store: what a harvest does depends on no Solr feature. */
    public HarvestFixture(Path dir) {
        this(dir, new InMemoryCatalogStore());
    }

    /** A fixture on this catalogue store, which closing the fixture closes. */
    public HarvestFixture(Path dir, CatalogStore catalog) {
        this.dir = dir;
        this.catalog = catalog;
        try {
            opened = Database.open(new DbSettings("", "sa", "", 4), dir);
        } catch (DatabaseException e) {
            catalog.close();
            throw new IllegalStateException(e);
        }
        database = opened.dataSource();
        store = new HarvestStore(database);
    }

    public Harvester harvester(HarvestSettings settings, Source... sources) {
        try {
            return new Harvester(
                    Sources.of(List.of(sources)),
                    store,
                    this::pipeline,
                    settings,
                    dir,
                    JournalListFiles.inConfig(dir),
                    Clock.systemUTC());
        } catch (SourcesException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public IngestPipeline pipeline() {
        try {
            HssRules rules = HssRules.load(ProjectRoot.find().resolve("config/hss-rules.yaml"));
            // The journal lists the harvester reads, so that a source's list scopes its articles.
            return new IngestPipeline(
                    catalog,
                    CROSSWALKS,
                    new HssFilter(rules),
                    JournalListFiles.inConfig(dir),
                    DatestampClock.serving());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Source oai(String id, String url, String prefix) {
        return Source.oaiPmh(id, url, prefix).withNames(id, null);
    }

    /** Every source record of a source as {@code id -> status}, in id order: what "nothing lost, nothing duplicated" compares. */
    public TreeMap<String, String> sourceRecords(String source) {
        catalog.commit();
        TreeMap<String, String> records = new TreeMap<>();
        String cursor = null;
        do {
            RecordPage page = catalog.list(StoreCollection.SOURCE, RecordFilter.ALL.withSource(source), cursor, 500);
            for (StoredRecord record : page.records()) {
                if (records.put(record.id(), record.status()) != null) {
                    throw new AssertionError("source record " + record.id() + " listed twice");
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return records;
    }

    /** The live master records holding a library's copy. */
    public long mastersOf(String library) {
        catalog.commit();
        return catalog.count(
                StoreCollection.CATALOG, RecordFilter.ALL.withLibrary(library).withDeleted(false));
    }

    public List<String> events(RunRecord run, String kind) {
        List<String> messages = new ArrayList<>();
        store.events(run.id()).stream().filter(e -> e.kind().equals(kind)).forEach(e -> messages.add(e.message()));
        return messages;
    }

    @Override
    public void close() {
        opened.close();
        catalog.close();
    }

    /** A datestamp a day ago, to the second: what a test feed's records start with. */
    public static Instant yesterday() {
        return Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }
}

package cn.edu.cashl.hub.server;

import cn.edu.cashl.hub.admin.Admin;
import cn.edu.cashl.hub.admin.common.HarvestControl;
import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.crosswalk.CrosswalkEngine;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.db.Database;
import cn.edu.cashl.hub.db.DatabaseException;
import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.harvest.Harvester;
import cn.edu.cashl.hub.harvest.schedule.HarvestScheduler;
import cn.edu.cashl.hub.oai.OaiProvider;
import cn.edu.cashl.hub.resolver.Resolver;
import cn.edu.cashl.hub.source.JournalLists;
import cn.edu.cashl.hub.source.Sources;
import cn.edu.cashl.hub.sru.SruEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running hub: the data-directory lock, the catalogue store, the database, the harvest scheduler
 * and the HTTP server, started in that order and closed in the reverse one (so harvests are
 * interrupted, resumably, before the store and the database close). A failure half-way closes what was already
 * open, so a hub that could not start holds nothing (no lock, no Solr core, no port).
 */
public final class Hub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final Deque<AutoCloseable> started;
    private final HttpServer http;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Hub(Deque<AutoCloseable> started, HttpServer http) {
        this.started = started;
        this.http = http;
    }

    /** The hub without harvesting: serves what the catalogue holds. */
    public static Hub start(HubConfig config, Path dataDir) throws HubStartupException {
        return start(config, dataDir, null);
    }

    /** The hub, harvesting the enabled sources on their schedules when {@code harvesting} is given. */
    public static Hub start(HubConfig config, Path dataDir, Harvesting harvesting) throws HubStartupException {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            long t0 = System.nanoTime();
            DataDirectory data = DataDirectory.open(config, dataDir);
            started.push(data);
            Database database = Database.open(config.db(), dataDir);
            started.push(database);

            HarvestStore harvests = new HarvestStore(database.dataSource());
            // One clock for every writer and reader of the catalogue: OAI-PMH waits for its leases.
            DatestampClock datestamps = DatestampClock.serving();
            Sources sources = harvesting == null ? Sources.none() : harvesting.sources();
            // The crosswalks ingest uses are the ones OAI-PMH publishes with.
            Crosswalks crosswalks =
                    harvesting == null ? Crosswalks.packaged(new CrosswalkEngine()) : harvesting.crosswalks();
            // Before anything reads them: the admins' published crosswalks and saved sources.
            HarvestControl control = new HarvestControl();
            Admin admin = Admin.open(
                    config,
                    database.dataSource(),
                    data.store(),
                    crosswalks,
                    sources,
                    harvests,
                    control,
                    harvesting == null ? Path.of(".") : harvesting.configDir(),
                    harvesting == null ? JournalLists.NONE : harvesting.journalLists());
            OaiProvider oai =
                    OaiPublishing.provider(config.oai(), data.store(), datestamps, database, sources, crosswalks);
            SruEndpoint sru = SruPublishing.endpoint(config.oai(), data.store(), sources, crosswalks);
            // The lenders' weights as the consortium's staff keep them in the admin, read afresh for each
            // answer, so that a change counts from the next request on every node.
            Resolver resolver = ResolverPublishing.resolver(data.store(), sources, admin.lenders());
            HarvestScheduler scheduler = null;
            if (harvesting != null) {
                scheduler = startScheduler(
                        harvesting.harvester(data.store(), datestamps, harvests, config.harvest()), database);
                started.push(scheduler);
                control.set(scheduler);
            }
            HttpServer http = HttpServer.start(
                    config.hub().host(),
                    config.hub().port(),
                    new HubApplication(
                            data.store(),
                            database,
                            harvests,
                            sources,
                            control,
                            oai,
                            config.oai().maxConcurrentRequests(),
                            sru,
                            resolver,
                            ReaderPublishing.discovery(data.store(), resolver),
                            config.hub().baseUrl(),
                            config.oai().repositoryIdentifier(),
                            admin));
            started.push(http);
            started.push(refreshEvery(ADMIN_REFRESH, () -> admin.refresh(sources)));
            LOG.info(
                    "CASHL Hub {} listening on http://{}:{} (data {}, Solr {}, database {}) in {} ms",
                    version(),
                    config.hub().host(),
                    http.port(),
                    dataDir,
                    data.storeMode(),
                    database.url().startsWith("jdbc:h2:") ? "H2" : database.url(),
                    (System.nanoTime() - t0) / 1_000_000);
            return new Hub(started, http);
        } catch (HubStartupException | RuntimeException e) {
            closeAll(started);
            throw e;
        } catch (DatabaseException e) {
            closeAll(started);
            throw new HubStartupException(e.getMessage(), e);
        }
    }

    /** How often a node picks up what admins published or saved on the other nodes of a cluster. */
    private static final Duration ADMIN_REFRESH = Duration.ofSeconds(30);

    /** Runs a task periodically on a daemon thread until closed; a failure is logged and the next run goes on. */
    private static AutoCloseable refreshEvery(Duration period, Runnable task) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cashl-admin-refresh");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.warn("refreshing the admin's crosswalks and sources failed: {}", e.getMessage());
                    }
                },
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }

    private static HarvestScheduler startScheduler(Harvester harvester, Database database) throws HubStartupException {
        try {
            return HarvestScheduler.start(harvester, database.dataSource(), "cashl-hub", 4);
        } catch (org.quartz.SchedulerException e) {
            throw new HubStartupException("cannot start the harvest scheduler: " + e.getMessage(), e);
        }
    }

    /** The port the hub listens on (the real one when configured as 0). */
    public int port() {
        return http.port();
    }

    /** Blocks until the hub has been stopped. */
    public void awaitStop() throws InterruptedException {
        http.join();
    }

    /** Stops the HTTP server, closes Solr's cores and the database, releases the lock. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            LOG.info("CASHL Hub stopping");
            closeAll(started);
            LOG.info("CASHL Hub stopped");
        }
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", resource.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    /** The hub's version from the jar manifest, "dev" when run from classes. */
    public static String version() {
        String version = Hub.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}

package cn.edu.cashl.hub.harvest.schedule;

import cn.edu.cashl.hub.harvest.Harvester;
import cn.edu.cashl.hub.source.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz, with its JDBC job store in the hub's operational database (the H2 file by default;
 * PostgreSQL with clustering for several hub nodes), so that schedules survive restarts and a run
 * missed while the hub was down fires once at start-up.
 *
 * <ul>
 * <li>One durable job per enabled source with a {@code schedule}, its cron trigger set from
 *     {@code sources.yaml} at every start (a changed cron replaces the trigger; a source removed or
 *     disabled loses its job).</li>
 * <li>At start-up, a source that never completed a run, or whose last run was interrupted, is
 *     harvested at once, so that a fresh hub has data and an interrupted harvest resumes.</li>
 * <li>Manual runs go through the same job, so they never overlap a scheduled one.</li>
 * </ul>
 */
public final class HarvestScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HarvestScheduler.class);
    private static final String GROUP = "harvest";

    private final Scheduler scheduler;
    private final Harvester harvester;

    private HarvestScheduler(Scheduler scheduler, Harvester harvester) {
        this.scheduler = scheduler;
        this.harvester = harvester;
    }

    /**
     * Starts the scheduler.
     *
     * @param name     the scheduler's name: the same on every node of a cluster
     * @param threads  harvests that may run at once (of different sources)
     */
    public static HarvestScheduler start(Harvester harvester, DataSource data, String name, int threads) throws SchedulerException {
        return start(harvester, data, name, threads, java.time.Duration.ofMinutes(1));
    }

    /** @param misfireThreshold how late a fire time may be before it counts as missed (and fires once at start-up) */
    public static HarvestScheduler start(Harvester harvester, DataSource data, String name, int threads,
            java.time.Duration misfireThreshold) throws SchedulerException {
        boolean postgres = createTables(data);
        String provider = "cashl-" + name;
        DBConnectionManager.getInstance().addConnectionProvider(provider, new PooledConnections(data));
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceName", name);
        quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        quartz.setProperty("org.quartz.scheduler.interruptJobsOnShutdown", "true");
        quartz.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        quartz.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        quartz.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", postgres
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        quartz.setProperty("org.quartz.jobStore.dataSource", provider);
        quartz.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(misfireThreshold.toMillis()));
        // Several hub nodes on one PostgreSQL share the schedule: each run happens on one node.
        quartz.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(postgres));
        Scheduler scheduler = new StdSchedulerFactory(quartz).getScheduler();
        scheduler.getContext().put(HarvestJob.HARVESTER, harvester);
        HarvestScheduler schedules = new HarvestScheduler(scheduler, harvester);
        schedules.synchronise();
        scheduler.start();
        schedules.catchUp();
        return schedules;
    }

    /** Makes the jobs and triggers match the enabled sources and their crons. */
    private void synchronise() throws SchedulerException {
        Set<JobKey> wanted = new HashSet<>();
        for (Source source : harvester.sources().all()) {
            if (!source.isEnabled() || "file".equals(source.type())) {
                continue;
            }
            JobKey job = JobKey.jobKey(source.id(), GROUP);
            wanted.add(job);
            scheduler.addJob(JobBuilder.newJob(HarvestJob.class).withIdentity(job).storeDurably().requestRecovery()
                    .withDescription("harvest of " + source.id()).build(), true);
            TriggerKey key = TriggerKey.triggerKey(source.id(), GROUP);
            Trigger existing = scheduler.getTrigger(key);
            if (source.schedule() == null || source.schedule().isBlank()) {
                scheduler.unscheduleJob(key);
                continue;
            }
            if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(source.schedule())) {
                continue; // kept as it is, so that Quartz sees the runs it missed
            }
            CronTrigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule(source.schedule()).withMisfireHandlingInstructionFireAndProceed())
                    .build();
            if (existing == null) {
                scheduler.scheduleJob(trigger);
            } else {
                scheduler.rescheduleJob(key, trigger);
            }
        }
        for (JobKey job : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(job)) {
                scheduler.deleteJob(job);
            }
        }
    }

    /** Harvests at once the sources never harvested to the end, and those left interrupted. */
    private void catchUp() throws SchedulerException {
        for (Source source : harvester.sources().all()) {
            if (!source.isEnabled() || "file".equals(source.type())) {
                continue;
            }
            boolean interrupted = harvester.store().unfinished(source.id()).isPresent();
            if (interrupted || !harvester.store().everCompleted(source.id())) {
                trigger(source.id(), false, interrupted ? "resume" : "startup");
            }
        }
    }

    /** Harvests a source now (after its current run, if one is going). */
    public void runNow(String source, boolean full) throws SchedulerException {
        trigger(source, full, "manual");
    }

    private void trigger(String source, boolean full, String kind) throws SchedulerException {
        JobKey job = JobKey.jobKey(source, GROUP);
        if (!scheduler.checkExists(job)) {
            throw new SchedulerException("source " + source + " is not enabled for harvesting");
        }
        JobDataMap data = new JobDataMap();
        data.put(HarvestJob.FULL, full);
        data.put(HarvestJob.TRIGGER, kind);
        scheduler.triggerJob(job, data);
    }

    /** When the source's schedule fires next, if it has one. */
    public Optional<Instant> nextRun(String source) {
        try {
            Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(source, GROUP));
            return trigger == null || trigger.getNextFireTime() == null ? Optional.empty()
                    : Optional.of(trigger.getNextFireTime().toInstant());
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    /** Whether a harvest of the source is running in this hub now. */
    public boolean isRunning(String source) {
        try {
            return scheduler.getCurrentlyExecutingJobs().stream().anyMatch(c -> c.getJobDetail().getKey().getName().equals(source));
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Whether a cron expression is valid, with Quartz's reason if not. */
    public static Optional<String> checkCron(String cron) {
        try {
            CronExpression.validateExpression(cron);
            return Optional.empty();
        } catch (java.text.ParseException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Stops the scheduler: running harvests are interrupted at their next page and stay resumable;
     * waits for them to let go.
     */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("stopping the harvest scheduler failed: {}", e.getMessage());
        }
    }

    /** Creates Quartz's tables from the scripts in its jar when they are missing; says whether the database is PostgreSQL. */
    static boolean createTables(DataSource data) throws SchedulerException {
        try (Connection connection = data.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            boolean postgres = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            boolean exists;
            try (ResultSet tables = meta.getTables(null, null, postgres ? "qrtz_job_details" : "QRTZ_JOB_DETAILS", null)) {
                exists = tables.next();
            }
            if (!exists) {
                String script = postgres ? "tables_postgres.sql" : "tables_h2.sql";
                try (InputStream in = org.quartz.impl.jdbcjobstore.JobStoreSupport.class.getResourceAsStream(script);
                     Statement statement = connection.createStatement()) {
                    String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    StringBuilder withoutComments = new StringBuilder();
                    sql.lines().filter(line -> !line.strip().startsWith("--") && !line.strip().startsWith("#"))
                            .forEach(line -> withoutComments.append(line).append('\n'));
                    for (String ddl : withoutComments.toString().split(";")) {
                        String trimmed = ddl.strip();
                        if (!trimmed.isEmpty() && !trimmed.equalsIgnoreCase("commit")) {
                            statement.execute(trimmed);
                        }
                    }
                }
                LOG.info("created the Quartz tables ({})", script);
            }
            return postgres;
        } catch (SQLException | IOException e) {
            throw new SchedulerException("cannot create the Quartz tables: " + e.getMessage(), e);
        }
    }

    /** Quartz's connections from the hub's pool. */
    private record PooledConnections(DataSource data) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return data.getConnection();
        }

        @Override
        public void shutdown() {
            // the hub closes its pool itself
        }

        @Override
        public void initialize() {
        }
    }
}

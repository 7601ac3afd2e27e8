package cn.edu.cashl.hub.harvest.schedule;

import cn.edu.cashl.hub.db.Vendor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * A Quartz scheduler with its JDBC job store in the hub's operational database (the H2 file by
 * default; PostgreSQL with clustering for several hub nodes), so that schedules survive restarts
 * and a run missed while the hub was down fires once at start-up. Its tables are in the database's
 * migrations ({@link cn.edu.cashl.hub.db.Migrations}).
 */
final class QuartzSetup {

    private QuartzSetup() {}

    /**
     * A scheduler, not started yet.
     *
     * @param data             the operational database, migrated
     * @param name             the scheduler's name: the same on every node of a cluster
     * @param threads          jobs that may run at once
     * @param misfireThreshold how late a fire time may be before it counts as missed (and fires once at start-up)
     */
    static Scheduler scheduler(DataSource data, String name, int threads, Duration misfireThreshold)
            throws SchedulerException {
        boolean postgres;
        try {
            postgres = Vendor.of(data) == Vendor.POSTGRESQL;
        } catch (SQLException e) {
            throw new SchedulerException("cannot start Quartz on the database: " + e.getMessage(), e);
        }
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
        quartz.setProperty(
                "org.quartz.jobStore.driverDelegateClass",
                postgres
                        ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                        : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        quartz.setProperty("org.quartz.jobStore.dataSource", provider);
        quartz.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(misfireThreshold.toMillis()));
        // Several hub nodes on one PostgreSQL share the schedule: each run happens on one node.
        quartz.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(postgres));
        return new StdSchedulerFactory(quartz).getScheduler();
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
        public void initialize() {}
    }
}

package cn.edu.cashl.hub.harvest;

import cn.edu.cashl.hub.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Harvest state in the operational database (H2 or PostgreSQL, plain SQL both accept): each
 * source's watermark, every run with its counts and checkpoint, the run's log of retries and
 * repairs, the CALIS export files already processed, the records of the full dump being read and
 * the deletions the guard held back ({@link DumpRetirement}). Times are epoch milliseconds.
 */
public final class HarvestStore {

    /** A run logs at most this many events; the counts go on counting beyond. */
    static final int MAX_EVENTS_PER_RUN = 2000;

    private static final String COUNTS = String.join(", ", RunCounts.NAMES);
    private static final String SET_COUNTS = String.join(" = ?, ", RunCounts.NAMES) + " = ?";
    private static final String RUN_COLUMNS =
            "run_id, source_id, full_harvest, trigger_kind, started_at, ended_at, outcome, " + "reason, " + COUNTS
                    + ", watermark_before, watermark_after, response_date, checkpoint";

    private final DataSource data;
    private final Jdbc jdbc;

    public HarvestStore(DataSource data) {
        this.data = data;
        this.jdbc = new Jdbc(data);
    }

    public Optional<String> watermark(String source) {
        return jdbc
                .query("SELECT watermark FROM harvest_source WHERE source_id = ?", rs -> rs.getString(1), source)
                .stream()
                .findFirst();
    }

    /** Records a new run; returns it. */
    public RunRecord start(String source, boolean full, String trigger, String watermarkBefore, Instant now) {
        boolean interrupted = Thread.interrupted();
        try (Connection connection = data.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO harvest_run (source_id, full_harvest, trigger_kind, started_at, outcome, watermark_before) "
                                + "VALUES (?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, source);
            insert.setBoolean(2, full);
            insert.setString(3, trigger);
            insert.setLong(4, now.toEpochMilli());
            insert.setString(5, RunOutcome.RUNNING.value());
            insert.setString(6, watermarkBefore);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return run(keys.getLong(1)).orElseThrow();
            }
        } catch (SQLException e) {
            throw new HarvestStoreException("cannot record a run of " + source, e);
        } finally {
            Jdbc.restoreInterrupt(interrupted);
        }
    }

    /**
     * Every run of this source still marked running (left so by a hub that stopped or died, or going
     * on now), newest first.
     */
    public List<RunRecord> unfinishedRuns(String source) {
        return jdbc.query(
                "SELECT " + RUN_COLUMNS + " FROM harvest_run WHERE source_id = ? AND outcome = ? ORDER BY run_id DESC",
                HarvestStore::toRun,
                source,
                RunOutcome.RUNNING.value());
    }

    /** The run of this source left running by a hub that stopped or died, if any. */
    public Optional<RunRecord> unfinished(String source) {
        return jdbc
                .query(
                        "SELECT " + RUN_COLUMNS
                                + " FROM harvest_run WHERE source_id = ? AND outcome = ? ORDER BY run_id DESC",
                        HarvestStore::toRun,
                        source,
                        RunOutcome.RUNNING.value())
                .stream()
                .findFirst();
    }

    public Optional<RunRecord> run(long id) {
        return jdbc
                .query("SELECT " + RUN_COLUMNS + " FROM harvest_run WHERE run_id = ?", HarvestStore::toRun, id)
                .stream()
                .findFirst();
    }

    /** The source's last runs, newest first. */
    public List<RunRecord> lastRuns(String source, int limit) {
        return jdbc.query(
                "SELECT " + RUN_COLUMNS + " FROM harvest_run WHERE source_id = ? ORDER BY run_id DESC FETCH FIRST "
                        + Math.max(1, limit) + " ROWS ONLY",
                HarvestStore::toRun,
                source);
    }

    /** Whether the source ever completed a run. */
    public boolean everCompleted(String source) {
        return !jdbc.query(
                        "SELECT run_id FROM harvest_run WHERE source_id = ? AND outcome = ? FETCH FIRST 1 ROWS ONLY",
                        rs -> rs.getLong(1),
                        source,
                        RunOutcome.COMPLETE.value())
                .isEmpty();
    }

    /** Whether the source ever completed a harvest (re-crosswalks and retries do not count). */
    public boolean everHarvested(String source) {
        return !jdbc.query(
                        "SELECT run_id FROM harvest_run WHERE source_id = ? AND outcome = ? AND trigger_kind <> ? AND trigger_kind <> ? "
                                + "FETCH FIRST 1 ROWS ONLY",
                        rs -> rs.getLong(1),
                        source,
                        RunOutcome.COMPLETE.value(),
                        RunMode.RECROSSWALK.value(),
                        RunMode.RETRY.value())
                .isEmpty();
    }

    /** Saves where the run is and what it counted so far, in one statement. */
    public void checkpoint(long runId, RunCounts counts, String checkpoint, String responseDate) {
        jdbc.update(
                "UPDATE harvest_run SET " + SET_COUNTS + ", checkpoint = ?, "
                        + "response_date = COALESCE(response_date, ?) WHERE run_id = ?",
                countValues(counts, checkpoint, responseDate, runId));
    }

    /**
     * Ends a run. A complete run with a watermark moves the source's watermark in the same
     * transaction, so that the two never disagree.
     */
    public void finish(
            long runId,
            String source,
            RunOutcome outcome,
            String reason,
            RunCounts counts,
            String watermarkAfter,
            Instant now) {
        boolean interrupted = Thread.interrupted();
        try (Connection connection = data.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement end = connection.prepareStatement(
                        "UPDATE harvest_run SET " + SET_COUNTS
                                + ", outcome = ?, reason = ?, watermark_after = ?, ended_at = ?, checkpoint = NULL WHERE run_id = ?")) {
                    int i = bindCounts(end, counts);
                    end.setString(i++, outcome.value());
                    end.setString(i++, truncate(reason));
                    end.setString(i++, watermarkAfter);
                    end.setLong(i++, now.toEpochMilli());
                    end.setLong(i, runId);
                    end.executeUpdate();
                }
                if (outcome == RunOutcome.COMPLETE && watermarkAfter != null) {
                    setWatermark(connection, source, watermarkAfter, now);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HarvestStoreException("cannot record the end of run " + runId, e);
        } finally {
            Jdbc.restoreInterrupt(interrupted);
        }
    }

    private static void setWatermark(Connection connection, String source, String watermark, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE harvest_source SET watermark = ?, updated_at = ? WHERE source_id = ?")) {
            update.setString(1, watermark);
            update.setLong(2, now.toEpochMilli());
            update.setString(3, source);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO harvest_source (source_id, watermark, updated_at) VALUES (?, ?, ?)")) {
            insert.setString(1, source);
            insert.setString(2, watermark);
            insert.setLong(3, now.toEpochMilli());
            insert.executeUpdate();
        }
    }

    /** Adds a line to the run's log (retries, repairs, restarts, notes), up to a limit per run. */
    public void event(long runId, String kind, String message, Instant now) {
        jdbc.update("UPDATE harvest_run SET events = events + 1 WHERE run_id = ?", runId);
        jdbc.update(
                "INSERT INTO harvest_event (run_id, event_time, kind, message) SELECT ?, ?, ?, ? FROM harvest_run "
                        + "WHERE run_id = ? AND events <= " + MAX_EVENTS_PER_RUN,
                runId,
                now.toEpochMilli(),
                kind,
                truncate(message),
                runId);
    }

    /** One line of a run's log. */
    public record Event(Instant time, String kind, String message) {}

    public List<Event> events(long runId) {
        return jdbc.query(
                "SELECT event_time, kind, message FROM harvest_event WHERE run_id = ? ORDER BY event_time",
                rs -> new Event(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3)),
                runId);
    }

    /** Every run that started at or after a time, oldest first: the harvest volumes over time. */
    public List<RunRecord> runsSince(Instant since) {
        return jdbc.query(
                "SELECT " + RUN_COLUMNS + " FROM harvest_run WHERE started_at >= ? ORDER BY run_id",
                HarvestStore::toRun,
                since.toEpochMilli());
    }

    public boolean fileProcessed(String source, String name) {
        return !jdbc.query("SELECT 1 FROM harvest_file WHERE source_id = ? AND file_name = ?", rs -> 1, source, name)
                .isEmpty();
    }

    /** Marks a file processed (again, after a full harvest). */
    public void fileDone(String source, String name, long size, long runId, Instant now) {
        jdbc.update("DELETE FROM harvest_file WHERE source_id = ? AND file_name = ?", source, name);
        jdbc.update(
                "INSERT INTO harvest_file (source_id, file_name, file_size, run_id, processed_at) VALUES (?, ?, ?, ?, ?)",
                source,
                name,
                size,
                runId,
                now.toEpochMilli());
    }

    /** Records that these records (hub ids) are in the full dump of the source being read: one batch. */
    public void dumpSeen(String source, List<String> recordIds) {
        boolean interrupted = Thread.interrupted();
        try (Connection connection = data.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO harvest_dump_seen (source_id, record_id) VALUES (?, ?)")) {
            for (String id : recordIds) {
                insert.setString(1, source);
                insert.setString(2, id);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new HarvestStoreException("cannot record the records of the dump of " + source, e);
        } finally {
            Jdbc.restoreInterrupt(interrupted);
        }
    }

    /** Those of these records (hub ids) that are in the full dump of the source being read. */
    public Set<String> seenInDump(String source, Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return Set.of();
        }
        Object[] parameters = new Object[recordIds.size() + 1];
        parameters[0] = source;
        int i = 1;
        for (String id : recordIds) {
            parameters[i++] = id;
        }
        String marks = String.join(", ", Collections.nCopies(recordIds.size(), "?"));
        return new HashSet<>(jdbc.query(
                "SELECT record_id FROM harvest_dump_seen WHERE source_id = ? AND record_id IN (" + marks + ")",
                rs -> rs.getString(1),
                parameters));
    }

    /** Forgets the records of the source's full dump: when a dump starts, and once it is retired. */
    public void forgetDump(String source) {
        jdbc.update("DELETE FROM harvest_dump_seen WHERE source_id = ?", source);
    }

    /** Keeps the deletions the guard held back, in place of the source's earlier ones. */
    public void holdDeletions(HeldDeletions held) {
        releaseDeletions(held.source());
        jdbc.update(
                "INSERT INTO harvest_held_deletions (source_id, run_id, dump_name, deletions, source_records, held_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                held.source(),
                held.runId(),
                held.dump(),
                held.deletions(),
                held.sourceRecords(),
                held.heldAt().toEpochMilli());
    }

    /** The deletions the guard holds back for the source, if any. */
    public Optional<HeldDeletions> heldDeletions(String source) {
        return jdbc
                .query(
                        "SELECT source_id, run_id, dump_name, deletions, source_records, held_at "
                                + "FROM harvest_held_deletions WHERE source_id = ?",
                        rs -> new HeldDeletions(
                                rs.getString(1),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                Instant.ofEpochMilli(rs.getLong(6))),
                        source)
                .stream()
                .findFirst();
    }

    /** The source has no deletions held back any more: a dump was retired, or a run completed. */
    public void releaseDeletions(String source) {
        jdbc.update("DELETE FROM harvest_held_deletions WHERE source_id = ?", source);
    }

    private static Object[] countValues(RunCounts counts, Object... more) {
        long[] values = counts.values();
        Object[] all = new Object[values.length + more.length];
        for (int i = 0; i < values.length; i++) {
            all[i] = values[i];
        }
        System.arraycopy(more, 0, all, values.length, more.length);
        return all;
    }

    private static int bindCounts(PreparedStatement statement, RunCounts counts) throws SQLException {
        long[] values = counts.values();
        for (int i = 0; i < values.length; i++) {
            statement.setLong(i + 1, values[i]);
        }
        return values.length + 1;
    }

    private static RunRecord toRun(ResultSet rs) throws SQLException {
        long[] values = new long[RunCounts.NAMES.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getLong(RunCounts.NAMES.get(i));
        }
        RunCounts counts = RunCounts.of(values);
        long ended = rs.getLong("ended_at");
        Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
        return new RunRecord(
                rs.getLong("run_id"),
                rs.getString("source_id"),
                rs.getBoolean("full_harvest"),
                rs.getString("trigger_kind"),
                Instant.ofEpochMilli(rs.getLong("started_at")),
                endedAt,
                RunOutcome.of(rs.getString("outcome")),
                rs.getString("reason"),
                counts,
                rs.getString("watermark_before"),
                rs.getString("watermark_after"),
                rs.getString("response_date"),
                rs.getString("checkpoint"));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }

    /** The harvest database failed: the run cannot record what it does, so it must stop. */
    public static final class HarvestStoreException extends RuntimeException {
        HarvestStoreException(String message, SQLException cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }
}

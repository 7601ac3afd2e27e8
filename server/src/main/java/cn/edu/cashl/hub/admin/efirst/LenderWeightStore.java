package cn.edu.cashl.hub.admin.efirst;

import cn.edu.cashl.hub.db.Jdbc;
import cn.edu.cashl.hub.resolver.LenderWeights;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The lenders' weights (table {@code resolver_lender_weight}): how much the resolver prefers a
 * member's print copy among libraries of the same tier, for turnaround and load. Read on every
 * resolution that ranks lenders (all of them in one query, {@link #current()}), so every hub node
 * sees an admin's change at once; a library without a row weighs {@link #DEFAULT}.
 */
public final class LenderWeightStore implements LenderWeights {

    public static final double DEFAULT = LenderWeights.DEFAULT;
    /** Weights are between 0 (asked last) and this, so that one slip of a key does not bury everyone else. */
    public static final double MAX = 100.0;

    /** A library's weight as saved: by whom, when, and why. */
    public record Weight(String library, double weight, String note, long updatedAt, String updatedBy) {}

    private final Jdbc jdbc;
    private final Clock clock;

    public LenderWeightStore(DataSource data, Clock clock) {
        this.jdbc = new Jdbc(data);
        this.clock = clock;
    }

    @Override
    public double weight(String library) {
        return jdbc.first("SELECT weight FROM resolver_lender_weight WHERE library = ?", rs -> rs.getDouble(1), library)
                .orElse(DEFAULT);
    }

    /** Every saved weight, by library code. */
    public Map<String, Weight> all() {
        Map<String, Weight> weights = new TreeMap<>();
        jdbc.query(
                        "SELECT library, weight, note, updated_at, updated_by FROM resolver_lender_weight",
                        rs -> new Weight(
                                rs.getString(1), rs.getDouble(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
                .forEach(w -> weights.put(w.library(), w));
        return weights;
    }

    /** Every weight in one query: what one answer of the resolver ranks its lenders by. */
    @Override
    public LenderWeights current() {
        Map<String, Weight> saved = all();
        return library -> {
            Weight weight = saved.get(library);
            return weight == null ? DEFAULT : weight.weight();
        };
    }

    /** Saves a weight (0 to {@link #MAX}); the caller checked that the library is a member. */
    public Weight set(String library, double weight, String note, String by) {
        if (!(weight >= 0 && weight <= MAX)) {
            throw new IllegalArgumentException("a weight is between 0 and " + (int) MAX + ", not " + weight);
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > 500) {
            throw new IllegalArgumentException("a note is at most 500 characters");
        }
        long now = clock.millis();
        int updated = jdbc.update(
                "UPDATE resolver_lender_weight SET weight = ?, note = ?, updated_at = ?, updated_by = ? WHERE library = ?",
                weight,
                cleanNote,
                now,
                by,
                library);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO resolver_lender_weight (library, weight, note, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)",
                    library,
                    weight,
                    cleanNote,
                    now,
                    by);
        }
        return new Weight(library, weight, cleanNote, now, by);
    }
}

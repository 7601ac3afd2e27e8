package cn.edu.cashl.hub.harvest;

import java.util.Locale;

/**
 * What a run of a source does. A harvest reads the source; a re-crosswalk and a retry read the
 * source's stored raw records again (all of them, or only the quarantined ones) through the
 * crosswalks now in use. The last two are recorded with their mode as the run's trigger
 * ({@code recrosswalk}, {@code retry}) and a checkpoint that starts with it, never move the
 * watermark, and are never resumed as a harvest: they are simply started again.
 */
public enum RunMode {
    HARVEST,
    RECROSSWALK,
    RETRY;

    /** The name in job data, run triggers and checkpoints: {@code harvest}, {@code recrosswalk}, {@code retry}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode a value names; null or an unknown value is a harvest. */
    public static RunMode of(String value) {
        if (value != null) {
            for (RunMode mode : values()) {
                if (mode.value().equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return mode;
                }
            }
        }
        return HARVEST;
    }

    /** What a recorded run was: a re-crosswalk or retry by its trigger or checkpoint, a harvest otherwise. */
    public static RunMode of(RunRecord run) {
        for (RunMode mode : new RunMode[] {RECROSSWALK, RETRY}) {
            if (mode.value().equals(run.trigger())
                    || (run.checkpoint() != null && run.checkpoint().startsWith(mode.value() + ":"))) {
                return mode;
            }
        }
        return HARVEST;
    }

    /** Whether this run reads the stored records again rather than the source. */
    public boolean rereads() {
        return this != HARVEST;
    }
}

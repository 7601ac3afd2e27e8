package cn.edu.cashl.hub.harvest;

import java.util.Locale;

/** How a harvest run ended. Only a complete run moves the source's watermark. */
public enum RunOutcome {
    /** Still going, or interrupted (the hub stopped or died): the next run of the source resumes it. */
    RUNNING,
    /** Every list was harvested to its end. */
    COMPLETE,
    /** Stopped part-way by a fault, with the reason; what was harvested stays. */
    PARTIAL,
    /** Could not harvest at all (Identify failed, a configuration or internal error), with the reason. */
    FAILED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunOutcome of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package cn.edu.cashl.hub.harvest;

/**
 * The counts of one harvest run, saved with every checkpoint so that a resumed run goes on counting
 * where the interrupted one stopped.
 */
public final class RunCounts {

    public long requests;
    public long pages;
    public long bytes;
    public long retries;
    public long repairs;
    /** Source records new to the hub. */
    public long added;
    /** Source records the hub had, with new content or status. */
    public long changed;
    /** Source records received again unchanged. */
    public long unchanged;
    /** Deleted headers (or delete-list entries and leader/05 = d). */
    public long deleted;
    public long accepted;
    public long filtered;
    public long quarantined;

    /** Records received: every record is exactly one of accepted, filtered, quarantined or deleted. */
    public long records() {
        return accepted + filtered + quarantined + deleted;
    }

    @Override
    public String toString() {
        return "pages " + pages + ", records " + records() + " (added " + added + ", changed " + changed + ", unchanged "
                + unchanged + ", deleted " + deleted + "; accepted " + accepted + ", filtered " + filtered + ", quarantined "
                + quarantined + "), requests " + requests + ", retries " + retries + ", repairs " + repairs + ", bytes " + bytes;
    }
}

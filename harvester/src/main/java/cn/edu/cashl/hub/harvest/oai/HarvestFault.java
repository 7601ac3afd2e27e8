package cn.edu.cashl.hub.harvest.oai;

/**
 * A fault that stops a harvest where it is: the server kept failing, a page stayed broken, a guard
 * tripped. The run ends {@code partial} (or {@code failed}, when nothing could be harvested) with
 * this message as its reason; what was harvested before stays, and the watermark does not move.
 */
public final class HarvestFault extends Exception {

    private final boolean failed;

    public HarvestFault(String message) {
        this(message, false);
    }

    private HarvestFault(String message, boolean failed) {
        super(message);
        this.failed = failed;
    }

    /** A fault before anything could be harvested (Identify failed): the run ends {@code failed}. */
    public static HarvestFault failed(String message) {
        return new HarvestFault(message, true);
    }

    public boolean isFailure() {
        return failed;
    }
}

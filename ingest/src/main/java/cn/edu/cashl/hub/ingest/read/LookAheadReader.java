package cn.edu.cashl.hub.ingest.read;

import java.util.NoSuchElementException;

/**
 * The iterator plumbing of a reader that finds its next record only by reading it: subclasses say
 * how to read one record ({@link #readNext}), and when the input has ended.
 */
abstract class LookAheadReader implements RecordReader {

    private RawRecord next;
    private boolean ended;
    private boolean gaveUp;

    /** The next record, or null when there is none; may call {@link #end()} or {@link #giveUp()}. */
    protected abstract RawRecord readNext();

    /** No record after the one being returned (if any). */
    protected final void end() {
        ended = true;
    }

    /** No record after the one being returned, which says why the rest of the input cannot be read. */
    protected final void giveUp() {
        ended = true;
        gaveUp = true;
    }

    @Override
    public final boolean gaveUp() {
        return gaveUp && next == null;
    }

    @Override
    public final boolean hasNext() {
        if (next == null && !ended) {
            next = readNext();
            if (next == null) {
                ended = true;
            }
        }
        return next != null;
    }

    @Override
    public final RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawRecord record = next;
        next = null;
        return record;
    }
}

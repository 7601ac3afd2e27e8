package cn.edu.cashl.hub.ingest.read;

import java.util.Iterator;

/**
 * Streams the records of one input, one at a time: whatever the input's size, a reader holds one
 * record in memory. A record that cannot be read comes out as an unreadable {@link RawRecord} with
 * its reason and reading goes on; only when the input cannot be read further at all does the
 * iteration end early, after an unreadable record that says so.
 */
public interface RecordReader extends Iterator<RawRecord>, AutoCloseable {

    /**
     * Whether the iteration ended early because the rest of the input could not be read (XML that
     * is not well-formed, an input that holds no records at all), after the unreadable record that
     * says why: the records read are not all the input holds. Known once {@link #hasNext()} said no
     * more; false for an input read to its end.
     */
    default boolean gaveUp() {
        return false;
    }

    @Override
    void close();
}

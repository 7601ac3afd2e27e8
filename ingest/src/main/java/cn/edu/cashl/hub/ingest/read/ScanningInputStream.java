package cn.edu.cashl.hub.ingest.read;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered input that can also be read in runs up to a terminator byte, scanning its buffer in
 * bulk: reading a file byte by byte through {@link #read()} takes a lock per byte, a real share of
 * reading ISO 2709. The underlying stream is read exactly when {@code read()} would read it, so an
 * input that fails part way (a truncated gzip file) fails after the same records as when read byte
 * by byte.
 */
final class ScanningInputStream extends BufferedInputStream {

    /** Which bytes {@link #skipWhile} passes over. */
    @FunctionalInterface
    interface ByteTest {
        boolean test(int b);
    }

    ScanningInputStream(InputStream in, int size) {
        super(in, size);
    }

    /** Passes over the bytes {@code skip} accepts; false when the input ends first. */
    synchronized boolean skipWhile(ByteTest skip) throws IOException {
        while (true) {
            if (!buffered()) {
                return false;
            }
            while (pos < count) {
                if (!skip.test(buf[pos] & 0xFF)) {
                    return true;
                }
                pos++;
            }
        }
    }

    /**
     * Reads through the next {@code terminator} (included), or to the end of the input, keeping the
     * first {@code max} bytes in {@code out} and dropping the rest.
     *
     * @return how many bytes were read, kept or dropped
     */
    synchronized long readThrough(int terminator, ByteArrayOutputStream out, int max) throws IOException {
        long read = 0;
        while (buffered()) {
            int from = pos;
            int end = from;
            while (end < count && (buf[end] & 0xFF) != terminator) {
                end++;
            }
            boolean found = end < count;
            int stop = found ? end + 1 : count;
            int keep = (int) Math.max(0, Math.min(stop - from, max - read));
            out.write(buf, from, keep);
            read += stop - from;
            pos = stop;
            if (found) {
                break;
            }
        }
        return read;
    }

    /**
     * Whether the buffer holds unread bytes, filling it from the underlying stream when it is empty
     * (through {@code read()}, whose refill the subclass cannot call directly).
     */
    private boolean buffered() throws IOException {
        if (pos < count) {
            return true;
        }
        if (read() == -1) {
            return false;
        }
        pos--; // the byte read() consumed is still in the buffer: step back onto it
        return true;
    }
}

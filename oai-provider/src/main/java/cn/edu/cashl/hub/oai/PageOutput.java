package cn.edu.cashl.hub.oai;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The stream a response document is written to. XOAI flushes its XML writer before and after every
 * record's metadata (it copies the metadata's bytes past the writer), and over HTTP every flush is
 * a network write: two per record, 400 on a page of 200. This buffer passes on no flush but its
 * own {@link #finish}; the bytes are the same, in fewer and larger writes.
 */
final class PageOutput extends BufferedOutputStream {

    private static final int BUFFER = 64 * 1024;

    PageOutput(OutputStream out) {
        super(out, BUFFER);
    }

    /** Keeps buffering: the bytes go out when the buffer is full, or at {@link #finish}. */
    @Override
    public void flush() {}

    /** Writes what is buffered and flushes the stream below. */
    void finish() throws IOException {
        super.flush();
    }

    @Override
    public void close() throws IOException {
        finish();
        super.close();
    }
}

package cn.edu.cashl.hub.harvest.calis;

import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/** A delete list: one record id (the 001 of the record to delete) per line; {@code #} starts a comment. */
public final class DeleteListReader implements RecordReader {

    private final BufferedReader lines;
    private final String name;
    private String next;
    private int lineNumber;

    public DeleteListReader(BufferedReader lines, String name) {
        this.lines = lines;
        this.name = name;
    }

    @Override
    public boolean hasNext() {
        try {
            while (next == null) {
                String line = lines.readLine();
                if (line == null) {
                    return false;
                }
                lineNumber++;
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    next = id;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String id = next;
        next = null;
        return RawRecord.deletion(id, name + ", line " + lineNumber);
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            // read to the end already
        }
    }
}

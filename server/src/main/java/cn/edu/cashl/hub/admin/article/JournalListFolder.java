package cn.edu.cashl.hub.admin.article;

import cn.edu.cashl.hub.source.JournalListFiles;
import cn.edu.cashl.hub.source.JournalListReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The journal lists as the admin changes them: the files of {@code config/journals} themselves, which
 * harvests, imports and the command line read through {@link JournalListFiles}, so that there is no
 * second copy to keep in step and every reader sees an edit at its next look. A list is saved only
 * when it holds a journal, as {@code ID.tsv}, by renaming a complete file over the old one: a reader
 * sees the old list or the new one, never half of one. The folder is this node's own; several hub
 * nodes must share it (docs/admin.md).
 */
public final class JournalListFolder {

    /** The largest list taken: a KBART title list of some 50,000 journals is about 15 MB. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    /** What became of an upload. */
    public enum Outcome {
        SAVED,
        /** No line has a valid ISSN: saving it would make every source of the list keep nothing. */
        NO_JOURNAL,
        NOT_UTF8,
        TOO_LARGE
    }

    /**
     * An upload read: how many journals it holds, and the lines left out of it (the first
     * {@link JournalListReader} keeps, and how many in all).
     */
    public record Upload(Outcome outcome, int journals, List<JournalListReader.Rejected> rejected, int rejectedLines) {

        static Upload refused(Outcome outcome) {
            return new Upload(outcome, 0, List.of(), 0);
        }
    }

    /**
     * A list of the folder: its journals and left-out lines, or why its file cannot be read (a file
     * put there by hand that is not UTF-8 text, say).
     */
    public record Entry(String id, Instant modifiedAt, int journals, int rejectedLines, String error) {}

    /** A list's file opened for reading, with its name. The caller closes it. */
    public record Download(String fileName, InputStream content) implements Closeable {

        @Override
        public void close() throws IOException {
            content.close();
        }
    }

    private final JournalListFiles files;
    private final long maxBytes;

    public JournalListFolder(JournalListFiles files) {
        this(files, MAX_BYTES);
    }

    JournalListFolder(JournalListFiles files, long maxBytes) {
        this.files = files;
        this.maxBytes = maxBytes;
    }

    /** Every list of the folder, by id. */
    public List<Entry> lists() {
        List<Entry> entries = new ArrayList<>();
        for (String id : files.ids()) {
            try {
                files.stored(id)
                        .ifPresent(stored -> entries.add(
                                new Entry(id, stored.modified(), stored.list().size(), stored.rejectedLines(), null)));
            } catch (UncheckedIOException e) {
                entries.add(new Entry(id, modified(id), 0, 0, unreadable(e.getCause())));
            }
        }
        return entries;
    }

    public boolean exists(String id) {
        return !files.files(id).isEmpty();
    }

    /** The file the list is read from, opened; empty when there is no such list. */
    public Optional<Download> open(String id) throws IOException {
        for (Path file : files.files(id)) {
            try {
                return Optional.of(new Download(file.getFileName().toString(), Files.newInputStream(file)));
            } catch (NoSuchFileException e) {
                // removed since it was listed: the next one, if any
            }
        }
        return Optional.empty();
    }

    /**
     * Saves a list's text as sent, once it holds a journal: written beside the lists under a name no
     * reader takes for one, read back, and renamed over {@code ID.tsv}; an {@code ID.csv} or
     * {@code ID.txt} of the same list goes, so the file saved is the one read. The text is streamed to
     * disk, never held whole.
     *
     * @param id a list id ({@link JournalListFiles#isListId})
     */
    public Upload save(String id, InputStream text) throws IOException {
        Path target = files.fileToWrite(id);
        Files.createDirectories(files.directory());
        Path upload = files.directory().resolve("." + id + "." + UUID.randomUUID() + ".upload");
        try {
            if (!write(text, upload)) {
                return Upload.refused(Outcome.TOO_LARGE);
            }
            JournalListReader.Result read;
            try (Reader reader = Files.newBufferedReader(upload, StandardCharsets.UTF_8)) {
                read = JournalListReader.read(id, reader);
            } catch (CharacterCodingException e) {
                return Upload.refused(Outcome.NOT_UTF8);
            }
            if (read.list().size() == 0) {
                return new Upload(Outcome.NO_JOURNAL, 0, read.rejected(), read.rejectedLines());
            }
            Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            for (Path other : files.files(id)) {
                if (!other.equals(target)) {
                    Files.deleteIfExists(other);
                }
            }
            return new Upload(Outcome.SAVED, read.list().size(), read.rejected(), read.rejectedLines());
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    /** Removes every file of the list; false when it had none. */
    public boolean delete(String id) throws IOException {
        boolean any = false;
        for (Path file : files.files(id)) {
            any |= Files.deleteIfExists(file);
        }
        return any;
    }

    /**
     * Copies the text to the file, at most {@link #maxBytes}; false when it is longer. On disk before
     * the rename, so that a crash right after it leaves the new list, not an empty file.
     */
    private boolean write(InputStream text, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = text.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    return false;
                }
                out.write(buffer, 0, n);
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return true;
    }

    private Instant modified(String id) {
        try {
            List<Path> existing = files.files(id);
            return existing.isEmpty()
                    ? null
                    : Files.getLastModifiedTime(existing.get(0)).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    private static String unreadable(Throwable cause) {
        return cause instanceof CharacterCodingException
                ? "the file is not UTF-8 text"
                : "the file cannot be read: " + cause.getMessage();
    }
}

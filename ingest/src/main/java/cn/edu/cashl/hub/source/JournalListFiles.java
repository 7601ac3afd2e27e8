package cn.edu.cashl.hub.source;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal lists kept as files in one directory ({@code config/journals}): the list {@code id} is
 * the file {@code id.tsv}, {@code id.csv} or {@code id.txt} ({@link JournalListReader}), the first of
 * them that exists. A list is read when first asked for and again when its file changes. Thread-safe;
 * the harvester, the ingest pipeline and the admin each hold one over the same directory, and see the
 * same lists because they all go by the files.
 */
public final class JournalListFiles implements JournalLists {

    private static final Logger LOG = LoggerFactory.getLogger(JournalListFiles.class);
    /** In the order a list's files are looked for: the admin writes {@code .tsv}, so its version wins. */
    private static final List<String> EXTENSIONS = List.of(".tsv", ".csv", ".txt");

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /**
     * A list as its file holds it now.
     *
     * @param file          the file it was read from
     * @param modified      when that file last changed
     * @param rejectedLines how many of its lines have no valid ISSN (left out of the list)
     */
    public record Stored(String id, Path file, Instant modified, JournalList list, int rejectedLines) {}

    /**
     * What tells a file's content changed without reading it. The modification time alone is not
     * enough: a list replaced twice within the file system's clock granularity keeps its time, but a
     * replacement by rename is another file.
     */
    private record Version(Path file, FileTime modified, long size, Object fileKey) {

        static Version of(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Version(file, attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        }
    }

    private record Loaded(Version version, Stored stored) {}

    private final Path directory;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    public JournalListFiles(Path directory) {
        this.directory = directory;
    }

    /** The lists of a configuration directory: the files of its {@code journals} folder, beside sources.yaml. */
    public static JournalListFiles inConfig(Path configDir) {
        return new JournalListFiles(configDir.resolve("journals"));
    }

    /** Whether a text can be a list's id: lower case letters, digits, {@code . _ -}, at most 64 characters. */
    public static boolean isListId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public Path directory() {
        return directory;
    }

    @Override
    public Optional<JournalList> find(String id) {
        return stored(id).map(Stored::list);
    }

    /** The list with this id as its file holds it now, with what it left out; empty when there is none. */
    public Optional<Stored> stored(String id) {
        List<Path> files = files(id);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(load(id, files.get(0)));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // removed since it was seen
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "journal list " + id + " cannot be read from "
                            + files.get(0).getFileName(),
                    e);
        }
    }

    /** The ids of the lists in the directory, sorted; a file named otherwise is no list. */
    public List<String> ids() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        TreeSet<String> ids = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                for (String extension : EXTENSIONS) {
                    String id = name.substring(0, Math.max(0, name.length() - extension.length()));
                    if (name.endsWith(extension) && isListId(id) && Files.isRegularFile(file)) {
                        ids.add(id);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the journal lists in " + directory + " cannot be listed", e);
        }
        return List.copyOf(ids);
    }

    /** The files of the list {@code id} that exist, the one it is read from first; empty for an id that is none. */
    public List<Path> files(String id) {
        if (!isListId(id)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        for (String extension : EXTENSIONS) {
            Path file = directory.resolve(id + extension);
            if (Files.isRegularFile(file)) {
                files.add(file);
            }
        }
        return files;
    }

    /** Where the list {@code id} is written, so that it is the file read: {@code id.tsv}. */
    public Path fileToWrite(String id) {
        if (!isListId(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a journal list id");
        }
        return directory.resolve(id + EXTENSIONS.get(0));
    }

    private Stored load(String id, Path file) throws IOException {
        Version version = Version.of(file);
        Loaded current = loaded.get(id);
        if (current != null && current.version().equals(version)) {
            return current.stored();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JournalListReader.Result result = JournalListReader.read(id, reader);
            if (!result.rejected().isEmpty()) {
                LOG.warn(
                        "journal list {}: {} lines without a valid ISSN left out, the first at line {}: {}",
                        id,
                        result.rejectedLines(),
                        result.rejected().get(0).line(),
                        result.rejected().get(0).reason());
            }
            Stored stored = new Stored(id, file, version.modified().toInstant(), result.list(), result.rejectedLines());
            loaded.put(id, new Loaded(version, stored));
            return stored;
        }
    }
}

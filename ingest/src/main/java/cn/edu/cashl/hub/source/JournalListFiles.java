package cn.edu.cashl.hub.source;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal lists kept as files in one directory ({@code config/journals}): the list {@code id} is
 * the file {@code id.tsv}, {@code id.csv} or {@code id.txt} ({@link JournalListReader}). A list is
 * read when first asked for and again when its file changes. Thread-safe.
 */
public final class JournalListFiles implements JournalLists {

    private static final Logger LOG = LoggerFactory.getLogger(JournalListFiles.class);
    private static final List<String> EXTENSIONS = List.of(".tsv", ".csv", ".txt");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private record Loaded(FileTime modified, JournalList list) {}

    private final Path directory;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    public JournalListFiles(Path directory) {
        this.directory = directory;
    }

    /** The lists of a configuration directory: the files of its {@code journals} folder, beside sources.yaml. */
    public static JournalListFiles inConfig(Path configDir) {
        return new JournalListFiles(configDir.resolve("journals"));
    }

    @Override
    public Optional<JournalList> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        for (String extension : EXTENSIONS) {
            Path file = directory.resolve(id + extension);
            if (Files.isRegularFile(file)) {
                return Optional.of(load(id, file));
            }
        }
        return Optional.empty();
    }

    private JournalList load(String id, Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            Loaded current = loaded.get(id);
            if (current != null && current.modified().equals(modified)) {
                return current.list();
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                JournalListReader.Result result = JournalListReader.read(id, reader);
                if (!result.rejected().isEmpty()) {
                    LOG.warn(
                            "journal list {}: {} lines without a valid ISSN left out, the first at line {}: {}",
                            id,
                            result.rejected().size(),
                            result.rejected().get(0).line(),
                            result.rejected().get(0).reason());
                }
                loaded.put(id, new Loaded(modified, result.list()));
                return result.list();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("journal list " + id + " cannot be read from " + file.getFileName(), e);
        }
    }
}

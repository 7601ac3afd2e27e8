package cn.edu.cashl.hub.harvest.calis;

import cn.edu.cashl.hub.harvest.http.FileDownload;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a CALIS export's files are: a directory, or an HTTP(S) URL whose page lists them (an HTML
 * index with links, or plain text with one name per line).
 */
public abstract sealed class ExportLocation {

    /** The names of the files there. */
    public abstract List<String> list() throws IOException, InterruptedException;

    /**
     * The file, complete, on local disk: a remote file is downloaded first (to a temporary file
     * the caller deletes), so that a connection lost half-way is a failed download tried again,
     * never a silently shortened file.
     */
    public abstract Path fetch(String name) throws IOException, InterruptedException;

    /** Whether {@link #fetch} made a temporary copy that the caller deletes. */
    public abstract boolean temporary();

    /**
     * The file as a stream, for reading only its beginning (a sample): closing it early stops a
     * download there. A harvest uses {@link #fetch}, which never reads a file partly.
     */
    public abstract InputStream open(String name) throws IOException, InterruptedException;

    public static ExportLocation of(String url, Path base, Duration timeout, String userAgent) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new Http(URI.create(url.endsWith("/") ? url : url + "/"), timeout, userAgent);
        }
        Path dir = lower.startsWith("file:") ? Path.of(URI.create(url)) : base.resolve(url);
        return new Directory(dir.normalize());
    }

    static final class Directory extends ExportLocation {
        private final Path dir;

        Directory(Path dir) {
            this.dir = dir;
        }

        @Override
        public List<String> list() throws IOException {
            if (!Files.isDirectory(dir)) {
                throw new IOException("export directory " + dir + " does not exist");
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(Files::isRegularFile)
                        .map(p -> p.getFileName().toString())
                        .sorted()
                        .toList();
            }
        }

        @Override
        public Path fetch(String name) {
            return dir.resolve(name);
        }

        @Override
        public InputStream open(String name) throws IOException {
            return Files.newInputStream(dir.resolve(name));
        }

        @Override
        public boolean temporary() {
            return false;
        }

        @Override
        public String toString() {
            return dir.toString();
        }
    }

    static final class Http extends ExportLocation {
        private static final Pattern HREF =
                Pattern.compile("href\\s*=\\s*[\"']([^\"'#?]+)[\"']", Pattern.CASE_INSENSITIVE);
        private static final long MAX_LISTING = 8L * 1024 * 1024;

        private final URI base;
        private final FileDownload download;

        Http(URI base, Duration timeout, String userAgent) {
            this.base = base;
            this.download = new FileDownload(timeout, userAgent);
        }

        @Override
        public List<String> list() throws IOException, InterruptedException {
            HttpResponse<InputStream> response = download.get(base);
            String page;
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes((int) MAX_LISTING);
                page = new String(bytes, StandardCharsets.UTF_8);
            }
            Set<String> names = new LinkedHashSet<>();
            Matcher href = HREF.matcher(page);
            while (href.find()) {
                String link = href.group(1);
                if (!link.contains("/") || link.startsWith(base.getPath())) {
                    names.add(link.substring(link.lastIndexOf('/') + 1));
                }
            }
            if (names.isEmpty()) {
                page.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.contains("<"))
                        .forEach(names::add);
            }
            return new ArrayList<>(names);
        }

        @Override
        public Path fetch(String name) throws IOException, InterruptedException {
            return download.toTemporaryFile(base.resolve(name.replace(" ", "%20")), name, body -> body);
        }

        @Override
        public InputStream open(String name) throws IOException, InterruptedException {
            return download.get(base.resolve(name.replace(" ", "%20"))).body();
        }

        @Override
        public boolean temporary() {
            return true;
        }

        @Override
        public String toString() {
            return base.toString();
        }
    }
}

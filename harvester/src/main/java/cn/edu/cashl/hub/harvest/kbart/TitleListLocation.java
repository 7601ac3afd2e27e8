package cn.edu.cashl.hub.harvest.kbart;

import cn.edu.cashl.hub.harvest.http.FileDownload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Where a KBART source's title list is: an http(s) URL (a provider's or a knowledge base's export,
 * query string and all), a {@code file:} URL, or a path relative to the configuration directory. A
 * fetched list is copied to a temporary file and digested on the way, so that a run can tell that
 * the list has not changed since the last one and read it without holding it in memory.
 */
public final class TitleListLocation {

    private final String url;
    private final Path base;
    private final Duration timeout;
    private final String userAgent;

    public TitleListLocation(String url, Path base, Duration timeout, String userAgent) {
        this.url = url.strip();
        this.base = base;
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    /** A fetched list: where its bytes are, how many, their digest, and whether the file is ours to delete. */
    public record Fetched(Path file, long bytes, String digest, boolean temporary) {}

    public Fetched fetch() throws IOException, InterruptedException {
        if (!http()) {
            Path file = local();
            if (!Files.isRegularFile(file)) {
                throw new IOException("title list " + file + " does not exist");
            }
            try (DigestInputStream in = digesting(Files.newInputStream(file))) {
                long bytes = in.transferTo(OutputStream.nullOutputStream());
                return new Fetched(file, bytes, hex(in), false);
            }
        }
        URI uri = URI.create(url);
        DigestInputStream[] digesting = new DigestInputStream[1];
        Path copy = new FileDownload(timeout, userAgent).toTemporaryFile(uri, "list.txt", body -> {
            digesting[0] = digesting(body);
            return digesting[0];
        });
        return new Fetched(copy, Files.size(copy), hex(digesting[0]), true);
    }

    /**
     * The list as a stream, for reading only its first rows (the onboarding sample): closing it early
     * stops a download there. A harvest uses {@link #fetch}, which reads it whole.
     */
    public InputStream open() throws IOException, InterruptedException {
        return http()
                ? new FileDownload(timeout, userAgent).get(URI.create(url)).body()
                : Files.newInputStream(local());
    }

    private boolean http() {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private Path local() {
        return url.toLowerCase(Locale.ROOT).startsWith("file:")
                ? Path.of(URI.create(url))
                : base.resolve(url).normalize();
    }

    private static DigestInputStream digesting(InputStream in) {
        try {
            return new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The first 128 bits of the SHA-256, in hexadecimal: short enough for a watermark, and unique enough. */
    private static String hex(DigestInputStream in) {
        return HexFormat.of().formatHex(in.getMessageDigest().digest(), 0, 16);
    }

    @Override
    public String toString() {
        return http() ? url : local().toString();
    }
}

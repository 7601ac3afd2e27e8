package cn.edu.cashl.hub.harvest.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Whole files over HTTP, for the sources whose feed is a file (CALIS export files, KBART title
 * lists): a GET that must answer 200, and a copy to a temporary file that must hold every byte
 * the server announced, so that a download cut short is an error and never half a file read as the
 * whole of it.
 */
public final class FileDownload {

    private final HttpClient client;
    private final Duration timeout;
    private final String userAgent;

    public FileDownload(Duration timeout, String userAgent) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    /** The response to a GET, whose body the caller closes; an error for any status but 200. */
    public HttpResponse<InputStream> get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .GET()
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("HTTP " + response.statusCode() + " from " + uri);
        }
        return response;
    }

    /**
     * The file at {@code uri} in a new temporary file named after {@code name}; {@code through}
     * may wrap the body (to digest it on the way). Nothing is left behind when it fails.
     */
    public Path toTemporaryFile(URI uri, String name, UnaryOperator<InputStream> through)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> response = get(uri);
        Path copy = Files.createTempFile("cashl-", "-" + name.replaceAll("[^A-Za-z0-9._-]", "_"));
        try (InputStream body = through.apply(response.body())) {
            long copied = Files.copy(body, copy, StandardCopyOption.REPLACE_EXISTING);
            long expected =
                    response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (expected >= 0 && copied != expected) {
                throw new IOException(uri + ": received " + copied + " of " + expected + " bytes");
            }
            return copy;
        } catch (IOException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }
}

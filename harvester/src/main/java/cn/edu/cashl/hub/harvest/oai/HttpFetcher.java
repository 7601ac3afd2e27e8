package cn.edu.cashl.hub.harvest.oai;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * GETs one page with the JDK HTTP client: the whole exchange under one deadline, the body under a
 * size limit (a page is the most the harvester holds in memory), gzip and deflate undone whether
 * the server announced them or not, and transient failures (timeouts, refused or dropped
 * connections, 429, 5xx) tried again as the {@link RetryPolicy} says. When the tries run out, a
 * {@link HarvestFault} says what kept failing. OAI-PMH pages and Crossref's REST API both come
 * through it.
 */
public final class HttpFetcher {

    private final HttpClient client;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final long maxBytes;
    private final String userAgent;
    private final Clock clock;

    public HttpFetcher(RetryPolicy retry, Duration timeout, long maxBytes, String userAgent, Clock clock) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(30)) < 0 ? timeout : Duration.ofSeconds(30))
                .build();
        this.retry = retry;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.userAgent = userAgent;
        this.clock = clock;
    }

    /**
     * An answer the server meant: 200, or an error other than 429 and 5xx (those are tried again),
     * its body decompressed.
     *
     * @param status  the HTTP status
     * @param headers the response headers (rate limits, content type)
     * @param body    the body, gzip or deflate undone
     */
    public record Answer(int status, HttpHeaders headers, byte[] body) {

        public boolean ok() {
            return status == 200;
        }

        /** The media type the server declared, lower case; empty when it declared none. */
        public String contentType() {
            return headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        }
    }

    /** The body of a successful answer (or of an error answer that carries XML), decompressed. */
    public byte[] get(URI uri, boolean acceptCompression, FetchListener listener)
            throws HarvestFault, InterruptedException {
        Answer answer = fetch(uri, acceptCompression, listener);
        // 4xx with an XML body: some providers send OAI-PMH errors that way.
        if (answer.ok() || answer.contentType().contains("xml")) {
            return answer.body();
        }
        throw new HarvestFault("HTTP " + answer.status() + " from " + uri);
    }

    /**
     * The answer to a GET, after the tries transient failures (timeouts, refused or dropped
     * connections, 429, 5xx) are worth: a {@code Retry-After} is honoured, up to the policy's cap.
     * Any other answer is returned, errors included, for the caller to read what the server says.
     */
    public Answer fetch(URI uri, boolean acceptCompression, FetchListener listener)
            throws HarvestFault, InterruptedException {
        String lastFailure = null;
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                HttpResponse<byte[]> response = send(uri, acceptCompression);
                listener.requested(uri.toString(), response.body().length);
                int status = response.statusCode();
                if (status != 429 && status < 500) {
                    return new Answer(
                            status,
                            response.headers(),
                            decode(
                                    response.body(),
                                    response.headers()
                                            .firstValue("Content-Encoding")
                                            .orElse("")));
                }
                lastFailure = "HTTP " + status;
                wait = retry.retryAfter(
                        response.headers().firstValue("Retry-After").orElse(null), clock.instant());
            } catch (PageTooLargeException e) {
                throw new HarvestFault(
                        "the page at " + uri + " is larger than the limit of " + maxBytes / (1024 * 1024) + " MB");
            } catch (TimeoutException e) {
                lastFailure = "no complete answer within " + timeout.toSeconds() + " s";
                wait = null;
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                wait = null;
            }
            if (attempt >= retry.attempts()) {
                throw new HarvestFault("gave up on " + uri + " after " + attempt + " attempts; last: " + lastFailure);
            }
            if (wait == null) {
                wait = retry.backoff(attempt);
            }
            listener.retrying(
                    lastFailure + " from " + uri + " (attempt " + attempt + " of " + retry.attempts() + ")",
                    wait.toMillis());
            Thread.sleep(wait.toMillis());
        }
    }

    private HttpResponse<byte[]> send(URI uri, boolean acceptCompression)
            throws IOException, TimeoutException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).GET().timeout(timeout).header("User-Agent", userAgent);
        if (acceptCompression) {
            request.header("Accept-Encoding", "gzip, deflate");
        }
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request.build(), info -> new LimitedBody(maxBytes));
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof PageTooLargeException tooLarge) {
                throw tooLarge;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "request failed" : cause.toString(), cause);
        }
    }

    /** Undoes gzip or deflate, announced or not, recognised by their magic bytes. */
    byte[] decode(byte[] body, String contentEncoding) throws IOException {
        String encoding = contentEncoding.toLowerCase(Locale.ROOT);
        if (body.length >= 2 && (body[0] & 0xFF) == 0x1F && (body[1] & 0xFF) == 0x8B) {
            return readLimited(new GZIPInputStream(new ByteArrayInputStream(body)));
        }
        boolean zlib =
                body.length >= 2 && (body[0] & 0x0F) == 8 && ((body[0] & 0xFF) << 8 | (body[1] & 0xFF)) % 31 == 0;
        if (zlib) {
            return readLimited(new InflaterInputStream(new ByteArrayInputStream(body)));
        }
        if (encoding.contains("deflate")) {
            // Raw deflate without the zlib wrapper, as some servers send it.
            return readLimited(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)));
        }
        return body;
    }

    private byte[] readLimited(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new PageTooLargeException();
            }
            return bytes;
        }
    }

    /** A page over the size limit, inflated or not. */
    static final class PageTooLargeException extends IOException {
        PageTooLargeException() {
            super("page too large");
        }
    }

    /** Collects a body up to a limit, and gives up (cancelling the exchange) beyond it. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        private final long max;
        private Flow.Subscription subscription;

        LimitedBody(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (out.size() + (long) buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new PageTooLargeException());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}

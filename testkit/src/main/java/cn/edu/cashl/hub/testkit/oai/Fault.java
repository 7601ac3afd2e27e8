package cn.edu.cashl.hub.testkit.oai;

/** A fault the test server injects into one ListRecords answer. */
public enum Fault {
    /** 503 with {@code Retry-After: 1}. */
    UNAVAILABLE_RETRY_AFTER_SECONDS,
    /** 503 with {@code Retry-After} as an HTTP date one second ahead. */
    UNAVAILABLE_RETRY_AFTER_DATE,
    /** 429 Too Many Requests, no Retry-After. */
    TOO_MANY_REQUESTS,
    /** 500 Internal Server Error. */
    SERVER_ERROR,
    /** No answer for longer than the client's timeout (the server waits {@link OaiTestServer#stallMillis}). */
    STALL,
    /** Headers with the full Content-Length, half the body, then the connection closes. */
    DROP_CONNECTION,
    /** A 200 whose body is the page cut in half, with a matching Content-Length: only XML can tell. */
    TRUNCATED_PAGE,
    /** The page with a control character and a broken UTF-8 sequence inside its first record. */
    INVALID_CHARACTERS,
    /** badResumptionToken instead of the page, once (only for requests with a token). */
    BAD_RESUMPTION_TOKEN,
    /** badResumptionToken for this request's token, and for every later request with the same token. */
    LOST_RESUMPTION_TOKEN,
    /** The page, but carrying the token it was asked with: a loop. */
    REPEATED_TOKEN,
    /** The page gzipped, without a Content-Encoding header. */
    UNANNOUNCED_GZIP,
    /** The page deflated (zlib), with {@code Content-Encoding: deflate}. */
    DEFLATE
}

package cn.edu.cashl.hub.oai;

/**
 * The provider cannot answer now (the catalogue is unreachable, writes are still becoming
 * visible): HTTP 503 with Retry-After, the flow control OAI-PMH itself prescribes (section 3.1.2.2).
 * Thrown before anything is written.
 */
public final class OaiUnavailableException extends Exception {

    private final int retryAfterSeconds;

    public OaiUnavailableException(String message, int retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

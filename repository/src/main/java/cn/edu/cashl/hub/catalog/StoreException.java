package cn.edu.cashl.hub.catalog;

/** The backing store failed or refused a request. The message says which collection and why. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}

package cn.edu.cashl.hub.server;

/** The hub cannot start; the message says why in words an operator can act on. */
public final class HubStartupException extends Exception {

    public HubStartupException(String message) {
        super(message);
    }

    public HubStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}

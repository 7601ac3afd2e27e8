package cn.edu.cashl.hub.source;

/** The sources file is wrong, or names no such source. The message says which key or id. */
public final class SourcesException extends Exception {

    public SourcesException(String message) {
        super(message);
    }
}

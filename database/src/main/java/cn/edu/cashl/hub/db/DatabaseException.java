package cn.edu.cashl.hub.db;

/** The operational database cannot be opened or brought to the current schema. */
public final class DatabaseException extends Exception {

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}

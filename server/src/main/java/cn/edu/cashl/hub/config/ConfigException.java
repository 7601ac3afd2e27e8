package cn.edu.cashl.hub.config;

/** The configuration cannot be used. The message names the key and says what is wrong with it. */
public final class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }
}

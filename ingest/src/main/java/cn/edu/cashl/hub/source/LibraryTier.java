package cn.edu.cashl.hub.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A member library's place in the consortium: the 17 centre libraries (中心馆) hold the largest
 * collections and lend first, the 17 service libraries (服务馆) after them.
 */
public enum LibraryTier {
    CENTRE("centre"),
    SERVICE("service");

    private final String value;

    LibraryTier(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static LibraryTier of(String value) {
        for (LibraryTier tier : values()) {
            if (tier.value.equals(value)) {
                return tier;
            }
        }
        throw new IllegalArgumentException("tier must be centre or service, not " + value);
    }

    @Override
    public String toString() {
        return value;
    }
}

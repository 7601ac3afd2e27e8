package cn.edu.cashl.hub.admin.auth;

import java.util.Locale;

/** What an admin account may do. */
public enum Role {
    /** Everything: sources, harvests, statistics, users, and crosswalks. */
    ADMIN,
    /** Crosswalks only: edit, preview, save, publish, and follow the re-crosswalk. */
    EDITOR;

    /** The role's name in configuration and JSON. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of a name, case-insensitive. */
    public static Role of(String value) {
        for (Role role : values()) {
            if (role.value().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be admin or editor, not '" + value + "'");
    }
}

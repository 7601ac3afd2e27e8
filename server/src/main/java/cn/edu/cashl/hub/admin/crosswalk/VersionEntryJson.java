package cn.edu.cashl.hub.admin.crosswalk;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A version in a crosswalk's history.
 *
 * @param published   whether it is the version in use
 * @param publishedAt when it was last made live; null if it never was
 */
public record VersionEntryJson(
        @JsonUnwrapped VersionJson version, boolean published, String publishedAt, String publishedBy) {}

package cn.edu.cashl.hub.admin.crosswalk;

/**
 * A saved version of a crosswalk, without its text.
 *
 * @param createdAt null for the packaged version 1
 */
public record VersionJson(int version, String author, String createdAt, String comment) {

    static VersionJson of(CrosswalkVersions.Version v) {
        return new VersionJson(
                v.version(),
                v.author(),
                v.createdAt() == null ? null : v.createdAt().toString(),
                v.comment());
    }
}

package cn.edu.cashl.hub.admin.crosswalk;

/** The version to publish or roll back to. */
public record VersionRequest(Integer version) {}

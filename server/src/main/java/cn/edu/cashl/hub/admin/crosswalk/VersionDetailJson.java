package cn.edu.cashl.hub.admin.crosswalk;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A version with its text, for the editor to load. */
public record VersionDetailJson(@JsonUnwrapped VersionJson version, boolean published, String stylesheet) {}

package cn.edu.cashl.hub.admin.crosswalk;

/** A unified diff between two versions of a crosswalk. */
public record DiffJson(int from, int to, String diff) {}

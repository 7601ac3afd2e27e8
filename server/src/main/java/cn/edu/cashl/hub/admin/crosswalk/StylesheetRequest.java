package cn.edu.cashl.hub.admin.crosswalk;

/** A stylesheet sent for checking or saving, with what changed and why (saving only). */
public record StylesheetRequest(String stylesheet, String comment) {}

package cn.edu.cashl.hub.admin.crosswalk;

/** What to preview on: a source's records (count of them, 5 when not said), or a pasted record. */
public record PreviewRequest(String stylesheet, String source, Integer count, String xml) {}

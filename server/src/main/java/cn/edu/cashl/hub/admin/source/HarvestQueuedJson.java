package cn.edu.cashl.hub.admin.source;

/** A harvest asked for: the scheduler starts it as soon as the source is free. */
public record HarvestQueuedJson(String source, boolean full, boolean queued) {}

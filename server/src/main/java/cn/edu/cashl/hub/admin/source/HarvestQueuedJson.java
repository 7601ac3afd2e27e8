package cn.edu.cashl.hub.admin.source;

/**
 * A harvest asked for: the scheduler starts it as soon as the source is free.
 *
 * @param confirmDeletions a full dump in it may delete more than the guard allows
 */
public record HarvestQueuedJson(String source, boolean full, boolean queued, boolean confirmDeletions) {}

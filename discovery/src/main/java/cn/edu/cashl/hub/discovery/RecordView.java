package cn.edu.cashl.hub.discovery;

import cn.edu.cashl.hub.resolver.Resolution;

/**
 * A master record as its page shows it.
 *
 * @param hit          the record and its availability at a glance
 * @param resolution   the resolver's whole answer for it: every way, and the ways ruled out
 * @param articleCount for a journal, how many of its articles the catalogue holds; else 0
 */
public record RecordView(Hit hit, Resolution resolution, long articleCount) {}

/**
 * Deduplication: deciding which source records describe the same edition, and (next) merging each
 * such cluster into one master record with every library's holdings.
 *
 * <p>{@link cn.edu.cashl.hub.merge.MatchKeys} reads the keys from a canonical record;
 * {@link cn.edu.cashl.hub.merge.EditionMatcher} states the rules, strong identifiers first, then the
 * title key, with the cases that must stay apart (volumes of a set, print against electronic,
 * records whose only shared ISBN is invalid). Clustering, merging, stable master ids and the
 * incremental re-evaluation of a cluster build on these.
 */
package cn.edu.cashl.hub.merge;

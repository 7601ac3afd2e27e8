package cn.edu.cashl.hub.resolver;

/**
 * A way to the full text the resolver ruled out, and why: an embargo (with the day it lifts), a
 * gap, another member's licence without delivery rights...
 *
 * @param kind        what kind of way it would have been
 * @param library     whose licence or copy; null when no library was named (the ILL hand-off of a
 *                    reader whose home library is unknown)
 * @param why         why it is ruled out
 * @param coverage    the range decided on, or the copy's shelf; may be null
 * @param packageName the package of an electronic holding; null otherwise
 */
public record Exclusion(OptionKind kind, String library, Why why, String coverage, String packageName) {}

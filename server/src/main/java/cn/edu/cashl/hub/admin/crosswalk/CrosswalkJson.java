package cn.edu.cashl.hub.admin.crosswalk;

import java.util.List;

/**
 * A crosswalk in the list of crosswalks.
 *
 * @param direction {@code inbound} (a source's format to CASHL) or {@code outbound} (CASHL to what the protocols serve)
 * @param inUse     the reference of the compiled crosswalk in use ({@code marc21-to-cashl@2})
 * @param sources   the sources whose records go through it
 * @param updatedAt when its newest version was saved; null for the packaged version
 */
public record CrosswalkJson(
        String id,
        String direction,
        String from,
        String to,
        int publishedVersion,
        String inUse,
        int latestVersion,
        List<String> sources,
        String updatedAt,
        String updatedBy) {}

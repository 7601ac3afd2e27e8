package cn.edu.cashl.hub.coverage;

import cn.edu.cashl.hub.coverage.CoverageRange.Position;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A holding's coverage: its ranges (several when the title has gaps, or comes on several rows of a
 * list), and the decision whether it covers a citation today.
 *
 * <p>The first range that covers the citation decides. When none does, the most telling reason
 * wins: a range that holds the citation but is embargoed, offers abstracts only or is print; then
 * one that holds it by date but not by volume; then where the citation falls against all the
 * ranges: before the first, after the last, or in a gap between two.
 */
public record Coverage(List<CoverageRange> ranges) {

    public Coverage {
        ranges = ranges.stream()
                .sorted(Comparator.comparing(CoverageRange::firstDay))
                .toList();
    }

    public static Coverage of(CoverageRange... ranges) {
        return new Coverage(List.of(ranges));
    }

    public Decision decide(Citation citation, LocalDate today) {
        if (ranges.isEmpty()) {
            return new Decision(citation.undated() ? Reason.UNDATED : Reason.COVERED, null, null);
        }
        Decision held = null;
        CoverageRange volumeOutside = null;
        boolean before = false;
        boolean after = false;
        for (CoverageRange range : ranges) {
            switch (range.locate(citation)) {
                case BEFORE -> before = true;
                case AFTER -> after = true;
                case VOLUME_OUTSIDE -> volumeOutside = volumeOutside == null ? range : volumeOutside;
                case INSIDE -> {
                    Decision decision = inside(range, citation, today);
                    if (decision.available()) {
                        return decision;
                    }
                    held = held == null ? decision : held;
                }
            }
        }
        if (held != null) {
            return held;
        }
        if (volumeOutside != null) {
            return new Decision(Reason.VOLUME_OUTSIDE, volumeOutside, null);
        }
        if (before && !after) {
            return new Decision(Reason.BEFORE_COVERAGE, ranges.get(0), null);
        }
        if (after && !before) {
            return new Decision(Reason.AFTER_COVERAGE, ranges.get(ranges.size() - 1), null);
        }
        return new Decision(Reason.IN_GAP, nearestBefore(citation), null);
    }

    /** A citation inside a range: its embargo, then its depth. */
    private static Decision inside(CoverageRange range, Citation citation, LocalDate today) {
        if (range.embargo() != null) {
            Period when = citation.date();
            if (when == null && range.embargo().allowsNothing(today)) {
                return new Decision(Reason.EMBARGOED, range, null);
            }
            if (when != null && !range.embargo().allows(when.first(), when.last(), today)) {
                return new Decision(Reason.EMBARGOED, range, range.embargo().releasedOn(when.first(), today));
            }
        }
        return switch (range.depth()) {
            case ABSTRACTS -> new Decision(Reason.ABSTRACTS_ONLY, range, null);
            case PRINT -> new Decision(Reason.PRINT_ONLY, range, null);
            case SELECTED_ARTICLES -> new Decision(Reason.SELECTED_ARTICLES, range, null);
            case FULLTEXT -> new Decision(citation.undated() ? Reason.UNDATED : Reason.COVERED, range, null);
        };
    }

    /** The last range that ends before the citation: the edge of the gap it fell in. */
    private CoverageRange nearestBefore(Citation citation) {
        CoverageRange nearest = ranges.get(0);
        for (CoverageRange range : ranges) {
            if (range.locate(citation) == Position.AFTER) {
                nearest = range;
            }
        }
        return nearest;
    }
}

package cn.edu.cashl.hub.coverage;

import java.time.LocalDate;

/**
 * One KBART row's coverage: from its first issue to its last (or open), by date, volume and
 * issue, with the row's embargo and depth. A title with gaps has several ranges.
 *
 * @param start       the first issue's date; null: from the beginning of the title
 * @param startVolume the first issue's volume as written, or null
 * @param startIssue  the first issue's number as written, or null
 * @param end         the last issue's date; null: open, up to now
 * @param endVolume   the last issue's volume, or null
 * @param endIssue    the last issue's number, or null
 * @param embargo     the moving wall, or null
 * @param depth       what the range offers
 */
public record CoverageRange(
        Period start,
        String startVolume,
        String startIssue,
        Period end,
        String endVolume,
        String endIssue,
        Embargo embargo,
        Depth depth) {

    public CoverageRange {
        depth = depth == null ? Depth.FULLTEXT : depth;
    }

    /** Where a citation lies against this range, before any embargo. */
    Position locate(Citation citation) {
        Period when = citation.date();
        if (when != null) {
            if (start != null && when.last().isBefore(start.first())) {
                return Position.BEFORE;
            }
            if (end != null && when.first().isAfter(end.last())) {
                return Position.AFTER;
            }
        }
        Long volume = Enumeration.first(citation.volume());
        Long issue = Enumeration.first(citation.issue());
        Long firstVolume = Enumeration.first(startVolume);
        Long lastVolume = Enumeration.last(endVolume);
        if (volume != null && firstVolume != null) {
            Long firstIssue = Enumeration.first(startIssue);
            if (volume < firstVolume
                    || volume.equals(firstVolume) && issue != null && firstIssue != null && issue < firstIssue) {
                return when == null ? Position.BEFORE : Position.VOLUME_OUTSIDE;
            }
        }
        if (volume != null && lastVolume != null) {
            Long lastIssue = Enumeration.last(endIssue);
            if (volume > lastVolume
                    || volume.equals(lastVolume) && issue != null && lastIssue != null && issue > lastIssue) {
                return when == null ? Position.AFTER : Position.VOLUME_OUTSIDE;
            }
        }
        return Position.INSIDE;
    }

    /** The first day this range covers, or the epoch of titles when it is open at the start. */
    LocalDate firstDay() {
        return start == null ? LocalDate.MIN : start.first();
    }

    enum Position {
        BEFORE,
        AFTER,
        VOLUME_OUTSIDE,
        INSIDE
    }

    /**
     * The range as a holdings statement (ANSI/NISO Z39.71, as the published records write it in
     * {@code xslt/stylesheets/lib/holdings.xsl}): enumeration, chronology in parentheses, a hyphen
     * between first and last issue and nothing after it for an open range, then the moving wall and a
     * depth other than full text: {@code v.1:no.1 (1911-03)-v.30:no.4 (1940-12)},
     * {@code v.40 (1950)- (moving wall R5Y)}.
     */
    public String statement() {
        StringBuilder text = new StringBuilder(issue(startVolume, startIssue, start))
                .append('-')
                .append(issue(endVolume, endIssue, end));
        if (embargo != null) {
            text.append(" (moving wall ").append(embargo).append(')');
        }
        if (depth != Depth.FULLTEXT) {
            text.append(" [").append(depth.value()).append(']');
        }
        return text.toString();
    }

    /** {@code v.1:no.3 (1911)}, {@code v.1}, {@code (1911)}, or empty. */
    private static String issue(String volume, String issue, Period date) {
        StringBuilder text = new StringBuilder();
        if (volume != null && !volume.isBlank()) {
            text.append("v.").append(volume.strip());
        }
        if (issue != null && !issue.isBlank()) {
            text.append(text.isEmpty() ? "" : ":").append("no.").append(issue.strip());
        }
        if (date != null) {
            text.append(text.isEmpty() ? "" : " ")
                    .append('(')
                    .append(date.partialDate())
                    .append(')');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return statement();
    }
}

package cn.edu.cashl.hub.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A KBART {@code embargo_info} (NISO RP-9-2014, 6.6.17): one or two moving walls, such as {@code R1Y},
 * {@code P6M} or {@code P1Y;R30D}.
 *
 * <p>How the hub reads it (docs/efirst.md, "Embargoes"):
 * <ul>
 *   <li>Each part is a type, a number {@code n} and a unit. The period it speaks of is "the last
 *       {@code n} units, the current one counting as the first": for days the last {@code n} days
 *       up to today; for months and years whole calendar months and years, so that {@code R1Y} on
 *       2026-06-15 is the whole of 2026 and {@code R2Y} 2025 and 2026. The wall is the first day of
 *       that period.</li>
 *   <li>{@code R} (the most recent content is embargoed): access to what was published before the
 *       wall. {@code P} (only the most recent content is offered): access to what was published on
 *       or after the wall.</li>
 *   <li>Two parts are both in force: {@code P1Y;R30D} offers this calendar year except its last 30
 *       days. A combination that leaves nothing ({@code R10Y;P30D}) is kept as such: every citation
 *       is embargoed, and {@link #allowsNothing} says so at import.</li>
 * </ul>
 * Every computation is in calendar arithmetic on dates ({@link LocalDate}), never in hours: a month
 * is a calendar month, a leap day is a day.
 */
public final class Embargo {

    private static final Pattern PART = Pattern.compile("([RP])(\\d{1,4})([DMY])");

    /** R: access ends at the wall (recent content embargoed); P: access starts at the wall. */
    public enum Type {
        R,
        P
    }

    public enum Unit {
        D,
        M,
        Y
    }

    /** One wall: {@code R1Y}, {@code P30D}. */
    public record Part(Type type, int amount, Unit unit) {

        /** The first day of the last {@code amount} units before and including today's. */
        public LocalDate wall(LocalDate today) {
            return switch (unit) {
                case D -> today.minusDays(amount - 1L);
                case M -> today.withDayOfMonth(1).minusMonths(amount - 1L);
                case Y -> today.withDayOfYear(1).minusYears(amount - 1L);
            };
        }

        @Override
        public String toString() {
            return type.name() + amount + unit.name();
        }
    }

    private final List<Part> parts;

    private Embargo(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * Reads an {@code embargo_info} value: empty or blank is no embargo; otherwise one or two parts
     * separated by {@code ;}, case and blanks ignored.
     *
     * @throws IllegalArgumentException with what is wrong, for the quarantine
     */
    public static Optional<Embargo> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        for (String piece : text.split(";")) {
            String value = piece.strip().toUpperCase(Locale.ROOT);
            Matcher matcher = PART.matcher(value);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("embargo_info '" + text.strip()
                        + "' is not R or P, a number and D, M or Y (R1Y, P6M, P1Y;R30D)");
            }
            int amount = Integer.parseInt(matcher.group(2));
            if (amount == 0) {
                throw new IllegalArgumentException("embargo_info '" + text.strip() + "' has a wall of zero");
            }
            parts.add(new Part(Type.valueOf(matcher.group(1)), amount, Unit.valueOf(matcher.group(3))));
        }
        if (parts.size() > 2
                || parts.size() == 2 && parts.get(0).type() == parts.get(1).type()) {
            throw new IllegalArgumentException(
                    "embargo_info '" + text.strip() + "' combines more than one R and one P wall");
        }
        return Optional.of(new Embargo(parts));
    }

    public List<Part> parts() {
        return parts;
    }

    /**
     * The first day from which content is available today, or null when the embargo sets none (an
     * R wall alone).
     */
    public LocalDate availableFrom(LocalDate today) {
        return wall(Type.P, today);
    }

    /** The first day no longer available today (the R wall), or null when there is none. */
    public LocalDate embargoedFrom(LocalDate today) {
        return wall(Type.R, today);
    }

    /** The wall of the part of this type today, or null when there is none (a type occurs once at most). */
    private LocalDate wall(Type type, LocalDate today) {
        return parts.stream()
                .filter(p -> p.type() == type)
                .map(p -> p.wall(today))
                .findFirst()
                .orElse(null);
    }

    /**
     * Whether content published within {@code [first, last]} (a year, a month or a day) is at least
     * partly available today.
     */
    public boolean allows(LocalDate first, LocalDate last, LocalDate today) {
        LocalDate from = availableFrom(today);
        LocalDate until = embargoedFrom(today);
        return (from == null || !last.isBefore(from)) && (until == null || first.isBefore(until));
    }

    /** A combination under which nothing is ever available ({@code R10Y;P30D}). */
    public boolean allowsNothing(LocalDate today) {
        LocalDate from = availableFrom(today);
        LocalDate until = embargoedFrom(today);
        return from != null && until != null && !from.isBefore(until);
    }

    /**
     * When content published on {@code day}, now embargoed by an R wall, becomes available: the
     * first day on which {@code day} is before the wall. Null when an R wall does not hold it, or
     * when a P wall will have dropped it by then.
     */
    public LocalDate releasedOn(LocalDate day, LocalDate today) {
        LocalDate until = embargoedFrom(today);
        if (until == null || day.isBefore(until)) {
            return null;
        }
        Part wall = parts.stream().filter(p -> p.type() == Type.R).findFirst().orElseThrow();
        // The wall moves with the calendar: it passes `day` once `day` is no longer in the last n units.
        LocalDate released = switch (wall.unit()) {
            case D -> day.plusDays(wall.amount());
            case M -> day.withDayOfMonth(1).plusMonths(wall.amount());
            case Y -> day.withDayOfYear(1).plusYears(wall.amount());
        };
        // By then a P wall may have passed it too (R10Y;P30D): then it is never available.
        return allows(day, day, released) ? released : null;
    }

    @Override
    public String toString() {
        return String.join(";", parts.stream().map(Part::toString).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Embargo embargo && embargo.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }
}

package cn.edu.cashl.hub.coverage;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as precise as its source gives it, as the days it spans: {@code 2020} is the whole year,
 * {@code 2020-05} the month, {@code 2020-05-17} the day. KBART dates and OpenURL {@code rft.date}
 * come in all three precisions (and OpenURL sources also send {@code 20210401} and
 * {@code 2021/04/01}).
 */
public record Period(LocalDate first, LocalDate last) {

    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:[-/.]?(\\d{2})(?:[-/.]?(\\d{2}))?)?(?:[ T].*)?");

    /** The period a date text stands for; null when it is blank or not a date. */
    public static Period parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher matcher = DATE.matcher(text.strip());
        if (!matcher.matches()) {
            return null;
        }
        try {
            int year = Integer.parseInt(matcher.group(1));
            if (matcher.group(2) == null) {
                return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(matcher.group(2)));
            if (matcher.group(3) == null) {
                return new Period(month.atDay(1), month.atEndOfMonth());
            }
            LocalDate day = month.atDay(Integer.parseInt(matcher.group(3)));
            return new Period(day, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The period as a partial date, as precise as it is: {@code 2020}, {@code 2020-05} or
     * {@code 2020-05-17} (the schema's PartialDate).
     */
    public String partialDate() {
        if (first.equals(last)) {
            return first.toString();
        }
        if (first.getDayOfMonth() == 1 && last.equals(YearMonth.from(first).atEndOfMonth())) {
            return YearMonth.from(first).toString();
        }
        return String.format("%04d", first.getYear());
    }

    public static Period day(LocalDate day) {
        return new Period(day, day);
    }

    @Override
    public String toString() {
        return first.equals(last) ? first.toString() : first + ".." + last;
    }
}

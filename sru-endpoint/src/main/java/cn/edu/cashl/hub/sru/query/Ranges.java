package cn.edu.cashl.hub.sru.query;

import cn.edu.cashl.hub.sru.diagnostic.SruException;
import cn.edu.cashl.hub.sru.query.CqlTranslator.Clause;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers and dates. A date names a period ({@code 2024} is the whole year), so {@code =} is
 * "within that period", {@code <} "before it starts" and {@code >} "after it ends"; a number is a
 * period of one. Every bound is computed here and written by the hub: nothing of the term itself
 * reaches Solr.
 */
final class Ranges {

    /** A half-open period [start, end). */
    private record Period(String start, String end) {}

    private Ranges() {}

    static String number(Clause c) throws SruException {
        return range(c, Ranges::numberPeriod);
    }

    static String date(Clause c) throws SruException {
        return range(c, Ranges::datePeriod);
    }

    private interface PeriodReader {
        Period read(String term, Clause c) throws SruException;
    }

    private static String range(Clause c, PeriodReader reader) throws SruException {
        String field = c.index().keyField();
        String term = c.term().strip();
        if (term.indexOf('*') >= 0 || term.indexOf('?') >= 0 || term.indexOf('^') >= 0) {
            throw SruException.of(28, c.term(), c.index().qualifiedName() + " compares values, without masking");
        }
        switch (c.relation()) {
            case "within" -> {
                String[] bounds = term.split("\\s+");
                if (bounds.length != 2) {
                    throw SruException.of(36, c.term(), "within takes two values: \"1990 2000\"");
                }
                return field + ":[" + reader.read(bounds[0], c).start() + " TO "
                        + reader.read(bounds[1], c).end() + "}";
            }
            case "any" -> {
                List<String> clauses = new ArrayList<>();
                for (String value : term.split("\\s+")) {
                    clauses.add(equal(field, reader.read(value, c)));
                }
                return clauses.size() == 1 ? clauses.get(0) : "(" + String.join(" OR ", clauses) + ")";
            }
            case "=", "==" -> {
                return equal(field, reader.read(term, c));
            }
            case "<>" -> {
                return "(*:* -" + equal(field, reader.read(term, c)) + ")";
            }
            case "<" -> {
                return field + ":[* TO " + reader.read(term, c).start() + "}";
            }
            case "<=" -> {
                return field + ":[* TO " + reader.read(term, c).end() + "}";
            }
            case ">" -> {
                return field + ":[" + reader.read(term, c).end() + " TO *]";
            }
            case ">=" -> {
                return field + ":[" + reader.read(term, c).start() + " TO *]";
            }
            default -> throw CqlTranslator.unsupported(c);
        }
    }

    private static String equal(String field, Period period) {
        return field + ":[" + period.start() + " TO " + period.end() + "}";
    }

    private static Period numberPeriod(String term, Clause c) throws SruException {
        try {
            long value = Long.parseLong(term);
            if (value < Integer.MIN_VALUE || value >= Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return new Period(Long.toString(value), Long.toString(value + 1));
        } catch (NumberFormatException e) {
            throw SruException.of(36, term, c.index().qualifiedName() + " takes a whole number, such as 1998");
        }
    }

    private static Period datePeriod(String term, Clause c) throws SruException {
        try {
            Instant start;
            Instant end;
            if (term.matches("[0-9]{4}")) {
                Year year = Year.parse(term);
                start = year.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                end = year.plusYears(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else if (term.matches("[0-9]{4}-[0-9]{2}")) {
                YearMonth month = YearMonth.parse(term);
                start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else if (term.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                LocalDate day = LocalDate.parse(term);
                start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
                end = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else {
                start = Instant.parse(term);
                end = start.plusSeconds(1);
            }
            return new Period(start.toString(), end.toString());
        } catch (DateTimeParseException e) {
            throw SruException.of(
                    36,
                    term,
                    c.index().qualifiedName()
                            + " takes an ISO 8601 date: 2024, 2024-05, 2024-05-17 or 2024-05-17T08:00:00Z");
        }
    }
}

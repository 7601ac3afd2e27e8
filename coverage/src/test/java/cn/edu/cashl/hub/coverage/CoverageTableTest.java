package cn.edu.cashl.hub.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The coverage engine against hand-checked cases, each with a fixed "today". A range is written
 * {@code start,startVolume,startIssue,end,endVolume,endIssue,embargo,depth} (empty parts absent), and
 * several ranges (a title with gaps) are joined by {@code +}. The expected release day is the first
 * day an embargoed citation becomes available (empty: never, or not embargoed).
 */
class CoverageTableTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # dates against a range
            open range, inside                | 2026-06-15 | 2000,,,,,,,               | 2010       |      |    | covered         |
            open range, before                | 2026-06-15 | 2000,,,,,,,               | 1999       |      |    | before-coverage |
            closed range, after               | 2026-06-15 | 2000,,,2010,,,,           | 2011       |      |    | after-coverage  |
            closed range, its last day        | 2026-06-15 | 2000,,,2010,,,,           | 2010-12-31 |      |    | covered         |
            closed range, the day after       | 2026-06-15 | 2000,,,2010,,,,           | 2011-01-01 |      |    | after-coverage  |
            a year overlaps a later start     | 2026-06-15 | 2000-05,,,,,,,            | 2000       |      |    | covered         |
            the day before a precise start    | 2026-06-15 | 2000-05-10,,,,,,,         | 2000-05-09 |      |    | before-coverage |
            OpenURL compact date              | 2026-06-15 | 2000-05-10,,,,,,,         | 20000510   |      |    | covered         |
            # gaps
            in a gap                          | 2026-06-15 | 1990,,,1995,,,, + 2000,,,,,,, | 1997   |      |    | in-gap          |
            end of the first range            | 2026-06-15 | 1990,,,1995,,,, + 2000,,,,,,, | 1995-12 |     |    | covered         |
            start of the second range         | 2026-06-15 | 1990,,,1995,,,, + 2000,,,,,,, | 2000-01-01 | |    | covered         |
            before both ranges                | 2026-06-15 | 1990,,,1995,,,, + 2000,,,,,,, | 1980   |      |    | before-coverage |
            # volumes and issues
            volume inside                     | 2026-06-15 | 2000,1,,2010,11,,,        | 2005       | 6    |    | covered         |
            volume outside, date inside       | 2026-06-15 | 2000,1,,2010,11,,,        | 2005       | 20   |    | volume-outside  |
            undated volume before             | 2026-06-15 | 2000,1,,2010,11,,,        |            | 0    |    | before-coverage |
            undated volume after              | 2026-06-15 | 2000,1,,2010,11,,,        |            | 12   |    | after-coverage  |
            undated volume inside             | 2026-06-15 | 2000,1,,2010,11,,,        |            | 5    |    | covered         |
            issue before the first issue      | 2026-06-15 | 2000,1,3,,,,,             |            | 1    | 2  | before-coverage |
            the first issue                   | 2026-06-15 | 2000,1,3,,,,,             |            | 1    | 3  | covered         |
            issue after the last issue        | 2026-06-15 | 2000,1,,2010,11,2,,       |            | 11   | 3  | after-coverage  |
            zero-padded first issue           | 2026-06-15 | 2000,1,01,,,,,            |            | 1    | 1  | covered         |
            a volume range ends at its last   | 2026-06-15 | 2000,1,,2010,349 - 350,,, |            | 350  |    | covered         |
            past a volume range               | 2026-06-15 | 2000,1,,2010,349 - 350,,, |            | 351  |    | after-coverage  |
            a bound without a number          | 2026-06-15 | 2000,H.-S.,,,,,,          | 2001       | 1    |    | covered         |
            a supplement is no volume         | 2026-06-15 | 2000,1,,,,,,              |            | S1   |    | undated         |
            # R walls: the most recent content is held back (today 2026-06-15)
            R1Y holds the current year        | 2026-06-15 | 2000,,,,,,R1Y,            | 2026       |      |    | embargoed       | 2027-01-01
            R1Y frees last year               | 2026-06-15 | 2000,,,,,,R1Y,            | 2025-12-31 |      |    | covered         |
            R2Y holds last year too           | 2026-06-15 | 2000,,,,,,R2Y,            | 2025       |      |    | embargoed       | 2027-01-01
            R2Y frees the year before         | 2026-06-15 | 2000,,,,,,R2Y,            | 2024       |      |    | covered         |
            R6M frees December                | 2026-06-15 | 2000,,,,,,R6M,            | 2025-12    |      |    | covered         |
            R6M holds January                 | 2026-06-15 | 2000,,,,,,R6M,            | 2026-01    |      |    | embargoed       | 2026-07-01
            R1M holds this month              | 2026-06-15 | 2000,,,,,,R1M,            | 2026-06-01 |      |    | embargoed       | 2026-07-01
            R1M frees last month              | 2026-06-15 | 2000,,,,,,R1M,            | 2026-05-31 |      |    | covered         |
            R14D frees the 15th day back      | 2026-06-15 | 2000,,,,,,R14D,           | 2026-06-01 |      |    | covered         |
            R14D holds the 14th day back      | 2026-06-15 | 2000,,,,,,R14D,           | 2026-06-02 |      |    | embargoed       | 2026-06-16
            R365D is not R1Y                  | 2026-06-15 | 2000,,,,,,R365D,          | 2025-06-16 |      |    | embargoed       | 2026-06-16
            lower case and blanks             | 2026-06-15 | 2000,,,,,, r1y ,          | 2026-02    |      |    | embargoed       | 2027-01-01
            # P walls: only the most recent content is offered
            P1Y drops last year               | 2026-06-15 | 2000,,,,,,P1Y,            | 2025-12-31 |      |    | embargoed       |
            P1Y offers this year              | 2026-06-15 | 2000,,,,,,P1Y,            | 2026-01-01 |      |    | covered         |
            P6M drops December                | 2026-06-15 | 2000,,,,,,P6M,            | 2025-12    |      |    | embargoed       |
            P6M offers January                | 2026-06-15 | 2000,,,,,,P6M,            | 2026-01    |      |    | covered         |
            P30D drops the 31st day back      | 2026-06-15 | 2000,,,,,,P30D,           | 2026-05-16 |      |    | embargoed       |
            P30D offers the 30th day back     | 2026-06-15 | 2000,,,,,,P30D,           | 2026-05-17 |      |    | covered         |
            P2Y offers last year              | 2026-06-15 | 2000,,,,,,P2Y,            | 2025       |      |    | covered         |
            P2Y drops the year before         | 2026-06-15 | 2000,,,,,,P2Y,            | 2024       |      |    | embargoed       |
            # two walls
            P1Y;R30D offers March             | 2026-06-15 | 2000,,,,,,P1Y;R30D,       | 2026-03    |      |    | covered         |
            P1Y;R30D holds June               | 2026-06-15 | 2000,,,,,,P1Y;R30D,       | 2026-06-01 |      |    | embargoed       | 2026-07-01
            P1Y;R30D drops last year          | 2026-06-15 | 2000,,,,,,P1Y;R30D,       | 2025-11    |      |    | embargoed       |
            R10Y;P30D allows nothing          | 2026-06-15 | 2000,,,,,,R10Y;P30D,      | 2026-06-10 |      |    | embargoed       |
            R10Y;P30D undated                 | 2026-06-15 | 2000,,,,,,R10Y;P30D,      |            |      |    | embargoed       |
            # leap days (today 2024-02-29)
            R1Y on a leap day                 | 2024-02-29 | 2000,,,,,,R1Y,            | 2023-12-31 |      |    | covered         |
            R1D holds today                   | 2024-02-29 | 2000,,,,,,R1D,            | 2024-02-29 |      |    | embargoed       | 2024-03-01
            R1D frees yesterday               | 2024-02-29 | 2000,,,,,,R1D,            | 2024-02-28 |      |    | covered         |
            P12M drops February last year     | 2024-02-29 | 2000,,,,,,P12M,           | 2023-02-28 |      |    | embargoed       |
            P12M offers March last year       | 2024-02-29 | 2000,,,,,,P12M,           | 2023-03-01 |      |    | covered         |
            R12M holds March last year        | 2024-02-29 | 2000,,,,,,R12M,           | 2023-03-15 |      |    | embargoed       | 2024-03-01
            a range ending on a leap day      | 2024-02-29 | 2000,,,2024-02-29,,,,     | 2024-02-29 |      |    | covered         |
            the day after a leap-day end      | 2024-02-29 | 2000,,,2024-02-29,,,,     | 2024-03-01 |      |    | after-coverage  |
            # depth
            abstracts only                    | 2026-06-15 | 2000,,,,,,,abstracts      | 2010       |      |    | abstracts-only  |
            selected articles                 | 2026-06-15 | 2000,,,,,,,selected articles | 2010    |      |    | selected-articles |
            a print holdings list             | 2026-06-15 | 2000,,,,,,,print          | 2010       |      |    | print-only      |
            German full text                  | 2026-06-15 | 2000,,,,,,,Volltext       | 2010       |      |    | covered         |
            Elsevier full text                | 2026-06-15 | 2000,,,,,,,Full text      | 2010       |      |    | covered         |
            # several ranges, one decides
            embargoed, not in a gap           | 2026-06-15 | 1990,,,1995,,,, + 2000,,,,,,R1Y, | 2026 |    |    | embargoed       | 2027-01-01
            a later range covers              | 2026-06-15 | 1990,,,2010,,,,abstracts + 2005,,,,,,, | 2008 | | | covered   |
            undated on an open range          | 2026-06-15 | 2000,,,,,,,               |            |      |    | undated         |
            """)
    void decides(
            String name,
            LocalDate today,
            String ranges,
            String date,
            String volume,
            String issue,
            String reason,
            LocalDate availableOn) {
        Decision decision = coverage(ranges).decide(Citation.of(date, volume, issue), today);
        assertEquals(reason, decision.reason().code(), name + ": " + decision);
        assertEquals(availableOn, decision.availableOn(), name + ": " + decision);
    }

    static Coverage coverage(String spec) {
        List<CoverageRange> ranges = new ArrayList<>();
        for (String range : spec.split("\\+")) {
            String[] parts = range.strip().split(",", -1);
            ranges.add(new CoverageRange(
                    Period.parse(parts[0]),
                    blank(parts[1]),
                    blank(parts[2]),
                    Period.parse(parts[3]),
                    blank(parts[4]),
                    blank(parts[5]),
                    Embargo.parse(parts[6]).orElse(null),
                    Depth.parse(parts[7])));
        }
        return new Coverage(ranges);
    }

    private static String blank(String value) {
        return value.isBlank() ? null : value.strip();
    }
}

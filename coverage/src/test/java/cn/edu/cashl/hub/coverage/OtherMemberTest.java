package cn.edu.cashl.hub.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Another member's licence, read for a reader of a different library: covered content under a
 * licence without electronic delivery rights is {@code no-ill-rights}; anything the licence does not
 * cover keeps its own reason. And the ranges as the resolver shows them, in the published records'
 * holdings-statement style.
 */
class OtherMemberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            covered, delivery allowed          | 2000,,,,,,,               | 2010 | true  | covered           |
            covered, no delivery rights        | 2000,,,,,,,               | 2010 | false | no-ill-rights     |
            selected articles, no rights       | 2000,,,,,,,selected articles | 2010 | false | no-ill-rights  |
            undated, no rights                 | 2000,,,,,,,               |      | false | no-ill-rights     |
            embargoed keeps its day            | 2000,,,,,,R1Y,            | 2026 | false | embargoed         | 2027-01-01
            embargoed with rights              | 2000,,,,,,R1Y,            | 2026 | true  | embargoed         | 2027-01-01
            in a gap keeps its reason          | 1990,,,1995,,,, + 2000,,,,,,, | 1997 | false | in-gap       |
            before coverage keeps its reason   | 2000,,,,,,,               | 1999 | false | before-coverage   |
            abstracts only keeps its reason    | 2000,,,,,,,abstracts      | 2010 | false | abstracts-only    |
            """)
    void anotherMembersLicence(
            String name, String ranges, String date, boolean delivery, String reason, LocalDate availableOn) {
        Decision own = CoverageTableTest.coverage(ranges).decide(Citation.of(date, null, null), TODAY);
        Decision other = own.forOtherMember(delivery);
        assertEquals(reason, other.reason().code(), name + ": " + other);
        assertEquals(availableOn, other.availableOn(), name);
        assertSame(own.range(), other.range(), name + ": decided on the same range");
        if (other.reason() == Reason.NO_ILL_RIGHTS) {
            assertFalse(other.available());
            assertEquals("no-ill-rights", other.explanation());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            closed, volumes and issues  | 1911-03,1,1,1940-12,30,4,,     | v.1:no.1 (1911-03)-v.30:no.4 (1940-12)
            open with a moving wall     | 1950,40,,,,,R5Y,               | v.40 (1950)- (moving wall R5Y)
            dates only, to a day        | 2000-05-10,,,2010,,,,          | (2000-05-10)-(2010)
            a depth other than full text | 2000,,,,,,,abstracts          | (2000)- [abstracts]
            nothing stated              | ,,,,,,,                        | -
            """)
    void rangesAreWrittenAsHoldingsStatements(String name, String range, String statement) {
        assertEquals(
                statement, CoverageTableTest.coverage(range).ranges().get(0).statement(), name);
    }

    @Test
    void everyCodeIsOnceAndNoIllRightsIsOne() {
        assertEquals(
                Reason.values().length,
                Arrays.stream(Reason.values()).map(Reason::code).distinct().count());
        assertEquals(
                Reason.NO_ILL_RIGHTS,
                Arrays.stream(Reason.values())
                        .filter(r -> r.code().equals("no-ill-rights"))
                        .findFirst()
                        .orElseThrow());
    }
}

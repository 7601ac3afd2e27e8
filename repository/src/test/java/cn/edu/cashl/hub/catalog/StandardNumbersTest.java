package cn.edu.cashl.hub.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandardNumbersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "10.1177/0097700401027002001           | 10.1177/0097700401027002001",
                "10.1017/S0305741020000958             | 10.1017/s0305741020000958",
                "https://doi.org/10.1017/S0305741020000958 | 10.1017/s0305741020000958",
                "HTTP://DX.DOI.ORG/10.1000/182         | 10.1000/182",
                "`  doi: 10.1000/182 `                 | 10.1000/182",
                "info:doi/10.1000/182                  | 10.1000/182",
                "10.1000/A.B.                          | 10.1000/a.b.",
                "ocm12345                              | ocm12345",
            })
    void aDoiKeyHasNoResolverPrefixAndNoCase(String value, String key) {
        assertEquals(key, StandardNumbers.doiKey(value));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0097-7004 | 0097-7004", // Modern China
                "0305-7410 | 0305-7410", // The China Quarterly
                "0305-741X | ", // a wrong check character
                "1552 6836 | 1552-6836",
                "2050084x  | 2050-084X",
                "0097-7005 | ",
                "0097-700  | ",
            })
    void anIssnIsValidOnlyWithItsCheckCharacter(String value, String issn) {
        assertEquals(issn, StandardNumbers.issn(value));
        if (issn != null) {
            assertEquals(
                    issn, StandardNumbers.issnWithCheck(issn.replace("-", "").substring(0, 7)));
        }
    }
}

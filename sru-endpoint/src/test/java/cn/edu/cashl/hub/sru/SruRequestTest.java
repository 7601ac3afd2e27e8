package cn.edu.cashl.hub.sru;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.edu.cashl.hub.sru.SruResponse.Operation;
import cn.edu.cashl.hub.sru.diagnostic.SruDiagnostic;
import cn.edu.cashl.hub.sru.diagnostic.SruException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parameters read and checked as SRU 1.1, 1.2 and 2.0 say, before any search runs. */
class SruRequestTest {

    /** A request from a query string: {@code name=value&...}, a name repeated for several values. */
    private static SruRequest request(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                params.computeIfAbsent(parts[0], name -> new ArrayList<>()).add(parts[1]);
            }
        }
        return new SruRequest(params);
    }

    /** Checked as the endpoint checks it: in the version and for the operation read from it. */
    private static void check(SruRequest request) throws SruException {
        SruVersion version = request.version();
        request.check(version, request.operation(version));
    }

    private static void assertDiagnostic(int code, String details, SruRequest request) {
        SruDiagnostic diagnostic =
                assertThrows(SruException.class, () -> check(request)).diagnostic();
        assertEquals(code, diagnostic.code(), diagnostic::message);
        assertEquals(details, diagnostic.details(), diagnostic::message);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "``                                        | V2_0 | EXPLAIN",
                "query=x                                   | V2_0 | SEARCH_RETRIEVE",
                "scanClause=x                              | V2_0 | SCAN",
                "version=2.0&query=x                       | V2_0 | SEARCH_RETRIEVE",
                "operation=searchRetrieve&query=x          | V1_2 | SEARCH_RETRIEVE",
                "operation=scan&scanClause=x               | V1_2 | SCAN",
                "operation=nonsense                        | V1_2 | EXPLAIN",
                // 1.x names its operation: without one, a request is explain whatever else it has
                "version=1.2&query=x                       | V1_2 | EXPLAIN",
                "version=1.1&operation=searchRetrieve      | V1_1 | SEARCH_RETRIEVE",
                "`version= 1.2 &operation=scan`            | V1_2 | SCAN",
                // an unknown version is answered in the nearest one (and refused with diagnostic 5)
                "version=3.0&query=x                       | V2_0 | SEARCH_RETRIEVE",
                "version=1.5&operation=searchRetrieve      | V1_2 | SEARCH_RETRIEVE",
            })
    void versionAndOperation(String query, SruVersion version, Operation operation) {
        SruRequest request = request(query);
        assertEquals(version, request.version());
        assertEquals(operation, request.operation(request.version()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "version=1.1&operation=searchRetrieve&query=x&sortKeys=dc.title&recordPacking=string",
                "version=1.2&operation=searchRetrieve&query=x&startRecord=1&maximumRecords=10&recordSchema=dc&resultSetTTL=0",
                "version=2.0&query=x&queryType=cql&recordXMLEscaping=xml&facetLimit=10&sortKeys=dc.title",
                "version=1.2&operation=scan&scanClause=dc.title=x&responsePosition=1&maximumTerms=5",
                "version=1.2&operation=explain&stylesheet=/sru.xsl&x-hub-debug=1&x-hub-debug=2",
                "query=x&stylesheet=https://example.org/sru.xsl&extraRequestData=a&httpAccept=application/json",
            })
    void wellFormedRequestsPass(String query) throws SruException {
        check(request(query));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // 5 before anything else: the rest is judged by a version the hub does not speak
                "version=1.5&operation=searchRetrieve&query=x&junk=1        | 5   | 2.0",
                "version=1.2&operation=update                               | 4   | update",
                "version=1.2&operation=searchRetrieve&query=x&junk=1        | 8   | junk",
                // 1.2 sorts with sortby only; the 2.0 parameters are not in 1.x
                "version=1.2&operation=searchRetrieve&query=x&sortKeys=a    | 8   | sortKeys",
                "version=1.2&operation=searchRetrieve&query=x&queryType=cql | 8   | queryType",
                "version=1.1&operation=searchRetrieve&query=x&facetLimit=10 | 8   | facetLimit",
                // parameters of the other operation
                "version=1.2&operation=scan&scanClause=x&maximumRecords=1   | 8   | maximumRecords",
                "version=1.2&operation=explain&query=x                      | 8   | query",
                "version=1.2&operation=searchRetrieve&query=x&query=y       | 6   | query",
                "version=1.2&operation=searchRetrieve&query=x&recordXPath=/ | 72  | recordXPath",
                "version=2.0&query=x&queryType=pqf                          | 11  | pqf",
                "version=1.2&operation=explain&stylesheet=ftp://h/s.xsl     | 111 | ftp://h/s.xsl",
                "version=1.2&operation=explain&stylesheet=s.xsl             | 111 | s.xsl",
            })
    void badRequestsGetTheirDiagnostic(String query, int code, String details) {
        assertDiagnostic(code, details, request(query));
    }

    @Test
    void requiredParameters() throws SruException {
        assertEquals("x", request("query=x").required("query"));
        SruDiagnostic missing = assertThrows(
                        SruException.class, () -> request("").required("query"))
                .diagnostic();
        assertEquals(7, missing.code());
        assertEquals("query", missing.details());
    }

    @Test
    void wholeNumbersWithinBounds() throws SruException {
        assertEquals(20, request("").integer("maximumTerms", 20, 1, 100));
        assertEquals(5, request("maximumTerms= 5 ").integer("maximumTerms", 20, 1, 100));
        for (String value : List.of("0", "101", "5.0", "five", "")) {
            SruDiagnostic refused = assertThrows(
                            SruException.class,
                            () -> request("maximumTerms=" + value).integer("maximumTerms", 20, 1, 100))
                    .diagnostic();
            assertEquals(6, refused.code(), value);
            assertEquals("maximumTerms", refused.details(), value);
        }
    }

    @Test
    void commaSeparatedValuesLoseTheirBlankParts() {
        assertEquals(List.of("10:dc.subject", "5:dc.date"), SruRequest.split(" 10:dc.subject, ,5:dc.date,"));
        assertEquals(List.of(), SruRequest.split(" , "));
    }
}

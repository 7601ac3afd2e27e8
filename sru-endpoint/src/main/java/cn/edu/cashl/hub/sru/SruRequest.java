package cn.edu.cashl.hub.sru;

import cn.edu.cashl.hub.sru.SruResponse.Operation;
import cn.edu.cashl.hub.sru.diagnostic.SruException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's parameters, read and checked as SRU says. The version and operation are read before
 * anything is checked, because every diagnostic, the one for a bad version included, is written in
 * the response's version and names the operation; {@link #check} then refuses what that version
 * and operation do not take.
 */
final class SruRequest {

    private static final Set<String> COMMON =
            Set.of("operation", "version", "stylesheet", "extraRequestData", "httpAccept", "recordPacking");
    /** searchRetrieve's parameters in SRU 2.0 that SRU 1.x does not have. */
    private static final Set<String> SEARCH_2_0 = Set.of(
            "queryType",
            "recordXMLEscaping",
            "renderedBy",
            "responseType",
            "facetLimit",
            "facetStart",
            "facetSort",
            "facetCount");
    /** scan's parameters in SRU 2.0 that SRU 1.x does not have. */
    private static final Set<String> SCAN_2_0 = Set.of("queryType", "renderedBy", "responseType");

    private static final Set<String> SEARCH = union(
            Set.of("query", "startRecord", "maximumRecords", "recordSchema", "resultSetTTL", "sortKeys", "recordXPath"),
            SEARCH_2_0);
    private static final Set<String> SCAN = union(Set.of("scanClause", "responsePosition", "maximumTerms"), SCAN_2_0);
    /** Parameters of searchRetrieve or scan that SRU 1.x does not have. */
    private static final Set<String> SRU_2_ONLY = union(SEARCH_2_0, SCAN_2_0);

    private static final Set<String> OPERATIONS = Set.of("explain", "searchRetrieve", "scan");

    private final Map<String, List<String>> params;

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** @param params the request's parameters, each with every value it was given */
    SruRequest(Map<String, List<String>> params) {
        this.params = params;
    }

    /** The parameter's first value, or null; a repeated parameter is refused by {@link #check}. */
    String single(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    String required(String name) throws SruException {
        String value = single(name);
        if (value == null) {
            throw SruException.of(7, name, "the " + name + " parameter is required");
        }
        return value;
    }

    int integer(String name, int fallback, int min, int max) throws SruException {
        String value = single(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw SruException.of(
                    6,
                    name,
                    name + " takes a whole number from " + min + (max == Integer.MAX_VALUE ? "" : " to " + max)
                            + ", not " + value);
        }
    }

    /** The version to answer in: the one asked for, else 1.2 when an operation is named, else 2.0. */
    SruVersion version() {
        String asked = single("version");
        if (asked == null) {
            return single("operation") != null ? SruVersion.V1_2 : SruVersion.V2_0;
        }
        return SruVersion.of(asked.strip()).orElse(asked.compareTo("2.0") > 0 ? SruVersion.V2_0 : SruVersion.V1_2);
    }

    /** The operation: named in 1.x (explain when absent); in 2.0 inferred from the parameters. */
    Operation operation(SruVersion version) {
        String named = single("operation");
        if (named == null) {
            if (version.isTwo() || single("version") == null) {
                return single("query") != null
                        ? Operation.SEARCH_RETRIEVE
                        : single("scanClause") != null ? Operation.SCAN : Operation.EXPLAIN;
            }
            return Operation.EXPLAIN;
        }
        return switch (named) {
            case "searchRetrieve" -> Operation.SEARCH_RETRIEVE;
            case "scan" -> Operation.SCAN;
            default -> Operation.EXPLAIN;
        };
    }

    /** Version, operation and parameter checks, in the order the standard lists their diagnostics. */
    void check(SruVersion version, Operation operation) throws SruException {
        String asked = single("version");
        if (asked != null && SruVersion.of(asked.strip()).isEmpty()) {
            throw SruException.of(5, "2.0", "versions 1.1, 1.2 and 2.0 are supported, not " + asked);
        }
        String named = single("operation");
        if (named != null && !OPERATIONS.contains(named)) {
            throw SruException.of(4, named, "operations: explain, searchRetrieve, scan");
        }
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            String name = param.getKey();
            if (name.startsWith("x-")) {
                continue; // extension parameters: a server ignores those it does not know
            }
            boolean known = COMMON.contains(name)
                    || operation == Operation.SEARCH_RETRIEVE && SEARCH.contains(name)
                    || operation == Operation.SCAN && SCAN.contains(name);
            if (known && !version.isTwo() && SRU_2_ONLY.contains(name)) {
                known = false;
            }
            if (known && version == SruVersion.V1_2 && name.equals("sortKeys")) {
                known = false; // 1.2 sorts with CQL's sortby only
            }
            if (!known) {
                throw SruException.of(
                        8,
                        name,
                        "parameter " + name + " is not part of SRU " + version.label() + " "
                                + (operation == Operation.SEARCH_RETRIEVE
                                        ? "searchRetrieve"
                                        : operation.name().toLowerCase()));
            }
            if (param.getValue().size() > 1) {
                throw SruException.of(
                        6,
                        name,
                        "parameter " + name + " was given " + param.getValue().size() + " times");
            }
        }
        if (single("recordXPath") != null) {
            throw SruException.of(72, "recordXPath", "XPath retrieval is not supported");
        }
        String queryType = single("queryType");
        if (queryType != null && !queryType.equals("cql")) {
            throw SruException.of(11, queryType, "the query type is cql");
        }
        String stylesheet = single("stylesheet");
        if (stylesheet != null
                && !(stylesheet.startsWith("http://")
                        || stylesheet.startsWith("https://")
                        || stylesheet.startsWith("/"))) {
            throw SruException.of(111, stylesheet, "a stylesheet is an http(s) URL or a path on this server");
        }
    }

    /** The non-blank parts of a comma-separated parameter value ({@code 10:dc.subject,5:dc.date}). */
    static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }
}

package cn.edu.cashl.hub.sru.diagnostic;

import java.util.Map;

/**
 * An SRU diagnostic ({@code info:srw/diagnostic/1/N}): the standard number, the details the
 * standard asks for (the offending parameter, index, relation...), and a message for people.
 */
public record SruDiagnostic(int code, String details, String message) {

    public static final String PREFIX = "info:srw/diagnostic/1/";

    /** The standard's names of the diagnostics the hub gives (SRU diagnostics list, version 1). */
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "General system error"),
            Map.entry(2, "System temporarily unavailable"),
            Map.entry(4, "Unsupported operation"),
            Map.entry(5, "Unsupported version"),
            Map.entry(6, "Unsupported parameter value"),
            Map.entry(7, "Mandatory parameter not supplied"),
            Map.entry(8, "Unsupported parameter"),
            Map.entry(10, "Query syntax error"),
            Map.entry(11, "Unsupported query type"),
            Map.entry(12, "Too many characters in query"),
            Map.entry(15, "Unsupported context set"),
            Map.entry(16, "Unsupported index"),
            Map.entry(19, "Unsupported relation"),
            Map.entry(20, "Unsupported relation modifier"),
            Map.entry(22, "Unsupported combination of relation and index"),
            Map.entry(23, "Too many characters in term"),
            Map.entry(27, "Empty term unsupported"),
            Map.entry(28, "Masking character not supported"),
            Map.entry(32, "Anchoring character in unsupported position"),
            Map.entry(36, "Term in invalid format for index or relation"),
            Map.entry(37, "Unsupported boolean operator"),
            Map.entry(38, "Too many boolean operators in query"),
            Map.entry(39, "Proximity not supported"),
            Map.entry(40, "Unsupported proximity relation"),
            Map.entry(41, "Unsupported proximity distance"),
            Map.entry(42, "Unsupported proximity unit"),
            Map.entry(43, "Unsupported proximity ordering"),
            Map.entry(46, "Unsupported boolean modifier"),
            Map.entry(47, "Cannot process query; reason unknown"),
            Map.entry(51, "Result set does not exist"),
            Map.entry(61, "First record position out of range"),
            Map.entry(66, "Unknown schema for retrieval"),
            Map.entry(67, "Record not available in this schema"),
            Map.entry(71, "Unsupported record packing"),
            Map.entry(94, "Sort spec included both in query and protocol: query prevails"),
            Map.entry(72, "XPath retrieval unsupported"),
            Map.entry(82, "Unsupported sort sequence"),
            Map.entry(84, "Too many sort keys to sort"),
            Map.entry(87, "Unsupported schema for sort"),
            Map.entry(88, "Unsupported path for sort"),
            Map.entry(90, "Unsupported direction"),
            Map.entry(91, "Unsupported case"),
            Map.entry(92, "Unsupported missing value action"),
            Map.entry(110, "Stylesheets not supported"),
            Map.entry(111, "Unsupported stylesheet"),
            Map.entry(120, "Response position out of range"),
            Map.entry(121, "Too many terms requested"));

    /** A diagnostic whose message is the standard's name followed by an explanation. */
    public static SruDiagnostic of(int code, String details, String explanation) {
        String name = NAMES.getOrDefault(code, "Diagnostic " + code);
        return new SruDiagnostic(code, details, explanation == null ? name : name + ": " + explanation);
    }

    public String uri() {
        return PREFIX + code;
    }

    /** This diagnostic as an exception, for code that stops at the first fatal one. */
    public SruException failure() {
        return new SruException(this);
    }
}

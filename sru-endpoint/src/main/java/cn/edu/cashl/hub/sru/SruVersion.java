package cn.edu.cashl.hub.sru;

import java.util.Optional;

/**
 * The SRU versions the hub speaks. 1.1 and 1.2 share the SRW namespace; 2.0 is the OASIS
 * searchRetrieve standard, with its own namespaces and diagnostics namespace.
 */
public enum SruVersion {
    V1_1("1.1"),
    V1_2("1.2"),
    V2_0("2.0");

    public static final String SRW_NAMESPACE = "http://www.loc.gov/zing/srw/";
    public static final String SRW_DIAGNOSTIC_NAMESPACE = "http://www.loc.gov/zing/srw/diagnostic/";
    public static final String SRU2_RESPONSE_NAMESPACE = "http://docs.oasis-open.org/ns/search-ws/sruResponse";
    public static final String SRU2_SCAN_NAMESPACE = "http://docs.oasis-open.org/ns/search-ws/scan";
    public static final String SRU2_DIAGNOSTIC_NAMESPACE = "http://docs.oasis-open.org/ns/search-ws/diagnostic";
    public static final String SRU2_FACET_NAMESPACE = "http://docs.oasis-open.org/ns/search-ws/facetedResults";
    public static final String XCQL_NAMESPACE = "http://www.loc.gov/zing/cql/xcql/";

    private final String label;

    SruVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isTwo() {
        return this == V2_0;
    }

    public static Optional<SruVersion> of(String label) {
        for (SruVersion version : values()) {
            if (version.label.equals(label)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    public String responseNamespace() {
        return isTwo() ? SRU2_RESPONSE_NAMESPACE : SRW_NAMESPACE;
    }

    public String scanNamespace() {
        return isTwo() ? SRU2_SCAN_NAMESPACE : SRW_NAMESPACE;
    }

    public String diagnosticNamespace() {
        return isTwo() ? SRU2_DIAGNOSTIC_NAMESPACE : SRW_DIAGNOSTIC_NAMESPACE;
    }
}

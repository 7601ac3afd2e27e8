package cn.edu.cashl.hub.sru.query;

/**
 * A CQL context set the hub supports.
 *
 * @param prefix     its usual prefix, predefined in every query
 * @param identifier its URI, which a query's prefix assignment may bind to any prefix
 */
public record ContextSet(String prefix, String identifier, String title) {

    public static final ContextSet CQL =
            new ContextSet("cql", "info:srw/cql-context-set/1/cql-v1.2", "CQL context set 1.2");
    public static final ContextSet DC =
            new ContextSet("dc", "info:srw/cql-context-set/1/dc-v1.1", "Dublin Core context set 1.1");
    public static final ContextSet BATH =
            new ContextSet("bath", "http://zing.z3950.org/cql/bath/2.0/", "Bath context set 2.0");
    public static final ContextSet REC =
            new ContextSet("rec", "info:srw/cql-context-set/2/rec-1.1", "Record metadata context set 1.1");
    public static final ContextSet CASHL =
            new ContextSet("cashl", "info:cashl/cql-context-set/cashl-1.0", "CASHL Hub context set 1.0");
}

package cn.edu.cashl.hub.sru.cql;

/**
 * A prefix assignment ({@code > dc = "info:srw/cql-context-set/1/dc-v1.1"}).
 *
 * @param name       the prefix, or null for an assignment of the default context set ({@code > "uri"})
 * @param identifier the context set's identifier as written
 */
public record CqlPrefix(String name, String identifier) {}

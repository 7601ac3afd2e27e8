/**
 * SRU 1.1/1.2/2.0 searchRetrieve, scan and explain over the catalogue, with the hub's own CQL 1.2 parser and its translation to Solr.
 *
 * <p>Depends on the catalogue ({@code cn.edu.cashl.hub.catalog}) and the canonical schema only;
 * the server wires it in.
 *
 * <p>Its subpackages import downwards only, so each can be read and tested without the ones above:
 * this package uses {@code sru.query} (the translation to Solr), which uses {@code sru.cql} (the
 * parser); both this package and {@code sru.query} use {@code sru.diagnostic}, which uses none.
 */
package cn.edu.cashl.hub.sru;

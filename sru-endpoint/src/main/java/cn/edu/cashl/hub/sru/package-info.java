/**
 * SRU 1.1/1.2/2.0 searchRetrieve, scan and explain over the catalogue, with the hub's own CQL 1.2 parser and its translation to Solr.
 *
 * <p>Depends on the catalogue ({@code cn.edu.cashl.hub.catalog}) and the canonical schema only;
 * the server wires it in.
 */
package cn.edu.cashl.hub.sru;

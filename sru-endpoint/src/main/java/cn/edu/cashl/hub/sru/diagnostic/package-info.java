/**
 * SRU diagnostics: the standard's numbers and names, and the exception that carries a fatal one.
 *
 * <p>A package of its own, below both the protocol ({@code sru}) and the CQL translation
 * ({@code sru.query}), so that both give diagnostics from one list of codes while the translation
 * never depends on the protocol that calls it. It depends on nothing of the hub.
 */
package cn.edu.cashl.hub.sru.diagnostic;

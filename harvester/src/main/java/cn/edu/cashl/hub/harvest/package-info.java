/**
 * Harvesting: the OAI-PMH client, the CALIS export reader, the crosswalk pipeline from source bytes to canonical records, Quartz scheduling, harvest runs and watermarks.
 *
 * <p>Depends on the catalogue ({@code cn.edu.cashl.hub.catalog}) and the canonical schema only;
 * the server wires it in.
 */
package cn.edu.cashl.hub.harvest;

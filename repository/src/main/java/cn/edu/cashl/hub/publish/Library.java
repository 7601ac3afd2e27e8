package cn.edu.cashl.hub.publish;

/**
 * A holding library as the hub publishes it: its OAI-PMH set {@code library:<code>} (name and
 * description), the name SRU gives its holdings, and the base URL provenance names for the
 * records its source sent.
 *
 * @param code   the holding-library code, which is also its source's id
 * @param name   English name
 * @param nameZh Chinese name; may be null
 * @param url    the source's OAI-PMH base URL or export location; may be null
 */
public record Library(String code, String name, String nameZh, String url) {}

package cn.edu.cashl.hub.oai;

/**
 * A holding library as OAI-PMH describes it: the {@code library:<code>} set's name and
 * description, and the base URL provenance names for the records its source sent.
 *
 * @param code   the holding-library code, which is also its source's id
 * @param name   English name
 * @param nameZh Chinese name; may be null
 * @param url    the source's OAI-PMH base URL or export location; may be null
 */
public record Library(String code, String name, String nameZh, String url) {
}

package cn.edu.cashl.hub.sru.cql;

/**
 * A relation, boolean or sort modifier: {@code /stem}, {@code /distance<3}.
 *
 * @param type       the modifier's name, lower-cased (names are case-insensitive in CQL)
 * @param comparison the comparison symbol of a valued modifier ({@code =}, {@code <}, {@code <=}, ...), or null
 * @param value      the value of a valued modifier as written, or null
 */
public record CqlModifier(String type, String comparison, String value) {

    public static CqlModifier of(String type) {
        return new CqlModifier(type, null, null);
    }
}

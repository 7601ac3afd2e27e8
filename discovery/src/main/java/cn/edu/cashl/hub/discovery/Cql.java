package cn.edu.cashl.hub.discovery;

/** Reader's words as CQL terms: always quoted, so that no word is read as a boolean or a relation. */
final class Cql {

    private Cql() {}

    /**
     * A quoted CQL term. Backslash and double quote are escaped, and so is {@code ^} (CQL's
     * anchoring, which readers never mean); {@code *} and {@code ?} stay masking characters when
     * {@code masking} is true (readers of catalogues truncate with them), else they are escaped.
     */
    static String quote(String words, boolean masking) {
        StringBuilder quoted = new StringBuilder(words.length() + 2).append('"');
        for (int i = 0; i < words.length(); i++) {
            char c = words.charAt(i);
            if (c == '\\' || c == '"' || c == '^' || (!masking && (c == '*' || c == '?'))) {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }
}

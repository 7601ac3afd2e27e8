package cn.edu.cashl.hub.publish;

/**
 * Text that goes into a response, the one place that makes it safe: only characters XML 1.0
 * allows, whatever the request or the record held, and markup characters escaped.
 */
public final class XmlText {

    private XmlText() {}

    /** The text without the characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/F). */
    public static String legal(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (!allowed(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    static boolean allowed(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** Text content: legal characters, with {@code & < >} escaped (quotes need no escaping there). */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        append(out, text, false);
        return out.toString();
    }

    /**
     * Appends text content, or an attribute value in double quotes ({@code "} escaped too), with
     * only legal characters.
     */
    public static StringBuilder append(StringBuilder out, String text, boolean attribute) {
        String legal = legal(text);
        for (int i = 0; i < legal.length(); i++) {
            char c = legal.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
        return out;
    }
}

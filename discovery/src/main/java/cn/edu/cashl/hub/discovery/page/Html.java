package cn.edu.cashl.hub.discovery.page;

/**
 * Writes HTML with every text and attribute value escaped: the only way the pages put data
 * (records, queries, library names) into markup.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(32 * 1024);

    /** Markup the page itself wrote (never data). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Text, escaped. */
    Html text(String text) {
        escape(text, out);
        return this;
    }

    /**
     * A start tag with attributes given as name, value pairs; a null value leaves its attribute
     * out, an empty name-only pair ({@code "hidden", ""}) writes a boolean attribute.
     */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            String value = attributes[i + 1];
            if (value == null) {
                continue;
            }
            out.append(' ').append(attributes[i]);
            if (!value.isEmpty()) {
                out.append("=\"");
                escape(value, out);
                out.append('"');
            }
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element with text content. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        escape(text, escaped);
        return escaped.toString();
    }

    private static void escape(String text, StringBuilder out) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}

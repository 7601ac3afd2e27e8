package cn.edu.cashl.hub.sru;

import cn.edu.cashl.hub.publish.XmlText;

/**
 * A small XML writer for responses: elements and text ({@link XmlText}: legal characters, escaped)
 * appended to a buffer, with fragments that are already XML (records, XCQL) inserted as they are. Attributes whose value is null are
 * left out, as are {@link #element} calls with null text.
 */
final class XmlOut {

    private final StringBuilder xml = new StringBuilder(4096);

    XmlOut open(String name, String... attributes) {
        xml.append('<').append(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                xml.append(' ').append(attributes[i]).append("=\"");
                escape(attributes[i + 1], true);
                xml.append('"');
            }
        }
        xml.append('>');
        return this;
    }

    XmlOut close(String name) {
        xml.append("</").append(name).append('>');
        return this;
    }

    XmlOut element(String name, Object text) {
        if (text != null) {
            open(name);
            escape(text.toString(), false);
            close(name);
        }
        return this;
    }

    XmlOut text(String text) {
        escape(text, false);
        return this;
    }

    XmlOut raw(String fragment) {
        xml.append(fragment);
        return this;
    }

    private void escape(String text, boolean attribute) {
        XmlText.append(xml, text, attribute);
    }

    @Override
    public String toString() {
        return xml.toString();
    }
}

package cn.edu.cashl.hub.ingest.read;

import java.text.Normalizer;
import java.util.List;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;

/**
 * Writes one marc4j record as a standalone MARCXML document (MARC21slim namespace), the form every
 * MARC crosswalk reads, whatever the record came in as (ISO 2709, MARCXML, MarcXchange).
 *
 * <p>Written by hand rather than with marc4j's MarcXmlWriter: that writer builds a JAXP transformer
 * per instance, which with Saxon on the class path costs milliseconds per record. Text is normalised
 * to Unicode NFC (MARC-8 conversion yields decomposed characters), and characters XML cannot carry
 * (C0 controls other than tab, newline and return, unpaired surrogates, U+FFFE/U+FFFF) are dropped,
 * each drop reported as a repair.
 */
final class MarcXml {

    static final String NAMESPACE = "http://www.loc.gov/MARC21/slim";

    private MarcXml() {}

    static String write(org.marc4j.marc.Record record, List<String> repairs) {
        StringBuilder xml = new StringBuilder(2048);
        xml.append("<record xmlns=\"").append(NAMESPACE).append("\">");
        xml.append("<leader>");
        text(xml, record.getLeader().marshal(), "leader", repairs);
        xml.append("</leader>");
        for (VariableField field : record.getVariableFields()) {
            String tag = field.getTag();
            if (field instanceof ControlField control) {
                xml.append("<controlfield tag=\"");
                attribute(xml, tag, tag, repairs);
                xml.append("\">");
                text(xml, control.getData(), tag, repairs);
                xml.append("</controlfield>");
            } else if (field instanceof DataField data) {
                xml.append("<datafield tag=\"");
                attribute(xml, tag, tag, repairs);
                xml.append("\" ind1=\"");
                attribute(xml, String.valueOf(data.getIndicator1()), tag, repairs);
                xml.append("\" ind2=\"");
                attribute(xml, String.valueOf(data.getIndicator2()), tag, repairs);
                xml.append("\">");
                for (Subfield subfield : data.getSubfields()) {
                    xml.append("<subfield code=\"");
                    attribute(xml, String.valueOf(subfield.getCode()), tag, repairs);
                    xml.append("\">");
                    text(xml, subfield.getData(), tag + "$" + subfield.getCode(), repairs);
                    xml.append("</subfield>");
                }
                xml.append("</datafield>");
            }
        }
        return xml.append("</record>").toString();
    }

    private static void text(StringBuilder xml, String value, String where, List<String> repairs) {
        escape(xml, value, false, where, repairs);
    }

    private static void attribute(StringBuilder xml, String value, String where, List<String> repairs) {
        escape(xml, value, true, where, repairs);
    }

    private static void escape(StringBuilder xml, String raw, boolean attribute, String where, List<String> repairs) {
        if (raw == null) {
            return;
        }
        String value = isNfc(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
        int run = 0; // start of the characters not yet appended, which need no escaping
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0xD800 && c != '<' && c != '>' && c != '&' && (c != '"' || !attribute)) {
                continue;
            }
            xml.append(value, run, i);
            run = i + 1;
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                case '"' -> xml.append("&quot;");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        xml.append(c).append(value.charAt(++i));
                        run = i + 1;
                    } else if (allowed(c)) {
                        xml.append(c);
                    } else {
                        repairs.add(String.format(
                                "removed character U+%04X that XML cannot carry from %s", (int) c, where));
                    }
                }
            }
        }
        xml.append(value, run, value.length());
    }

    /**
     * Whether the text is in NFC, answered without the normaliser for text below U+0300, where no
     * character can be anything but NFC (most MARC data).
     */
    private static boolean isNfc(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x300) {
                return Normalizer.isNormalized(text, Normalizer.Form.NFC);
            }
        }
        return true;
    }

    /** XML 1.0 Char production, for one UTF-16 unit that is not part of a surrogate pair. */
    private static boolean allowed(char c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}

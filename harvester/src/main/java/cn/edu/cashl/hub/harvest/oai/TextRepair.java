package cn.edu.cashl.hub.harvest.oai;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a page's bytes into text an XML parser accepts, repairing what real providers get wrong and
 * saying what it repaired, where: byte sequences that are not UTF-8 become U+FFFD, and characters
 * XML 1.0 forbids (control characters, U+FFFE, lone surrogates), raw or as character references,
 * are removed. Whatever else is wrong with a page (a truncated document, a broken tag) is left for
 * the parser to find: guessing there would lose records silently.
 */
public final class TextRepair {

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._\\-]+)[\"']");
    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");

    private TextRepair() {}

    /** One repair: where in the repaired text, and what was done. */
    public record Repair(int offset, String description) {}

    /** The repaired text and its repairs, in text order. */
    public record Repaired(String text, List<Repair> repairs) {}

    public static Repaired repair(byte[] bytes) {
        List<Repair> repairs = new ArrayList<>();
        String decoded = decode(bytes, repairs);
        String clean = removeInvalidCharacters(decoded, repairs);
        clean = removeInvalidReferences(clean, repairs);
        repairs.sort(Comparator.comparingInt(Repair::offset));
        return new Repaired(clean, repairs);
    }

    /** UTF-8 unless a byte-order mark or the XML declaration says otherwise; OAI-PMH requires UTF-8. */
    private static String decode(byte[] bytes, List<Repair> repairs) {
        int start = 0;
        Charset charset = StandardCharsets.UTF_8;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (bytes.length >= 2
                && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                        || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            charset = StandardCharsets.UTF_16;
        } else {
            Matcher declared = DECLARED_ENCODING.matcher(
                    new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1));
            if (declared.find()) {
                charset = charset(declared.group(1));
            }
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                decoder.flush(out);
                break;
            }
            if (result.isOverflow()) {
                out = grow(out);
                continue;
            }
            byte[] bad = new byte[result.length()];
            in.get(bad);
            repairs.add(new Repair(
                    out.position(),
                    "bytes "
                            + HexFormat.ofDelimiter(" ")
                                    .withPrefix("0x")
                                    .withUpperCase()
                                    .formatHex(bad) + " are not " + charset.name() + ": replaced by U+FFFD"));
            if (!out.hasRemaining()) {
                out = grow(out);
            }
            out.put('\uFFFD');
        }
        out.flip();
        return out.toString();
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static CharBuffer grow(CharBuffer buffer) {
        CharBuffer bigger = CharBuffer.allocate(buffer.capacity() * 2 + 16);
        buffer.flip();
        bigger.put(buffer);
        return bigger;
    }

    private static String removeInvalidCharacters(String text, List<Repair> repairs) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean valid;
            boolean pair = false;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                valid = true;
                pair = true;
            } else {
                valid = isXmlChar(c);
            }
            if (!valid) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                    out.append(text, 0, i);
                }
                repairs.add(new Repair(
                        out.length(), String.format("character U+%04X is not allowed in XML: removed", (int) c)));
                continue;
            }
            if (out != null) {
                out.append(c);
                if (pair) {
                    out.append(text.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    private static String removeInvalidReferences(String text, List<Repair> repairs) {
        if (text.indexOf("&#") < 0) {
            return text;
        }
        Matcher matcher = CHARACTER_REFERENCE.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (matcher.find()) {
            String digits = matcher.group(1);
            int code;
            try {
                code = digits.startsWith("x") ? Integer.parseInt(digits.substring(1), 16) : Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                code = -1;
            }
            if (code >= 0x10000 && code <= 0x10FFFF || code >= 0 && code <= 0xFFFF && isXmlChar((char) code)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, matcher.start());
            repairs.add(new Repair(
                    out.length(), "character reference " + matcher.group() + " is not allowed in XML: removed"));
            last = matcher.end();
        }
        if (out == null) {
            return text;
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    private static boolean isXmlChar(char c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}

package cn.edu.cashl.hub.openurl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key/value pairs of an OpenURL query string (KEV, Z39.88-2004 part 2) or form body, decoded the
 * way link resolvers must take them from real sources: {@code %XX} and {@code +} decoded as UTF-8,
 * a {@code %} that starts no escape kept as it is, raw spaces kept, Java-style {@code \}{@code uXXXX}
 * escapes some sources send instead of percent-encoding decoded, a leading {@code ?} or {@code ??}
 * dropped. Every repair is noted, for the resolver's explanation.
 */
public final class KevParameters {

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> repairs = new ArrayList<>();

    private KevParameters() {}

    public static KevParameters parse(String query) {
        KevParameters parameters = new KevParameters();
        if (query == null) {
            return parameters;
        }
        String text = query;
        int questionMarks = 0;
        while (questionMarks < text.length() && text.charAt(questionMarks) == '?') {
            questionMarks++;
        }
        if (questionMarks > 0) {
            text = text.substring(questionMarks);
            if (questionMarks > 1) {
                parameters.repairs.add("the query started with " + "?".repeat(questionMarks));
            }
        }
        for (String pair : text.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key =
                    parameters.decode(eq < 0 ? pair : pair.substring(0, eq)).strip();
            String value = eq < 0 ? "" : parameters.decode(pair.substring(eq + 1));
            if (!key.isEmpty()) {
                parameters.values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        return parameters;
    }

    /** The first non-blank value of a key, stripped; null when there is none. */
    public String first(String key) {
        for (String value : values.getOrDefault(key, List.of())) {
            if (!value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** Every non-blank value of a key, stripped, in order. */
    public List<String> all(String key) {
        return values.getOrDefault(key, List.of()).stream()
                .filter(v -> !v.isBlank())
                .map(String::strip)
                .toList();
    }

    public boolean has(String key) {
        return first(key) != null;
    }

    public boolean isEmpty() {
        return values.values().stream().allMatch(list -> list.stream().allMatch(String::isBlank));
    }

    /** The keys, in the order they came. */
    public List<String> keys() {
        return List.copyOf(values.keySet());
    }

    /** What had to be repaired to read the query. */
    public List<String> repairs() {
        return List.copyOf(repairs);
    }

    /**
     * A key or value percent-encoded for a KEV query (UTF-8; letters, digits and {@code -._~} as they
     * are, as RFC 3986 leaves them unreserved; a space as {@code %20}, which every reader takes).
     */
    public static String encode(String text) {
        return percentEncode(text, "");
    }

    /**
     * Text percent-encoded in UTF-8, unreserved characters (RFC 3986) and {@code kept} as they are:
     * {@code "/:;()"} keeps a DOI's own punctuation in a URL path.
     */
    public static String percentEncode(String text, String kept) {
        StringBuilder encoded = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || "-._~".indexOf(c) >= 0
                    || c < 0x80 && kept.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        boolean badPercent = false;
        boolean javaEscapes = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && isHex(text, i + 1, 2)) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u' && isHex(text, i + 2, 4)) {
                byte[] utf8 = String.valueOf((char) Integer.parseInt(text.substring(i + 2, i + 6), 16))
                        .getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i += 5;
                javaEscapes = true;
            } else {
                badPercent |= c == '%';
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    utf8 = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(utf8, 0, utf8.length);
            }
        }
        if (badPercent) {
            repairs.add("a % that starts no escape was kept as it is");
        }
        if (javaEscapes) {
            repairs.add("\\u escapes were read as the characters they stand for");
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String text, int at, int count) {
        if (at + count > text.length()) {
            return false;
        }
        for (int i = at; i < at + count; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}

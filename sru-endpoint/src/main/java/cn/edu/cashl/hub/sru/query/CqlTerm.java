package cn.edu.cashl.hub.sru.query;

import cn.edu.cashl.hub.sru.diagnostic.SruException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.solr.client.solrj.util.ClientUtils;

/**
 * A CQL term, or one word of it, with its masking read (CQL 1.2 section 5): {@code *} any run of
 * characters, {@code ?} one character, {@code ^} an anchor at either end, and {@code \} making the
 * next character literal. Under {@code /unmasked} all of them are literal.
 */
final class CqlTerm {

    private final List<Part> parts;
    private final boolean anchoredStart;
    private final boolean anchoredEnd;

    /** A run of literal text, or one masking character ({@code *} or {@code ?}). */
    private record Part(String text, boolean mask) {}

    private CqlTerm(List<Part> parts, boolean anchoredStart, boolean anchoredEnd) {
        this.parts = parts;
        this.anchoredStart = anchoredStart;
        this.anchoredEnd = anchoredEnd;
    }

    static CqlTerm parse(String raw, boolean unmasked) throws SruException {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean start = false;
        boolean end = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (unmasked) {
                literal.append(c);
            } else if (c == '\\') {
                if (i + 1 < raw.length()) {
                    literal.append(raw.charAt(++i));
                } else {
                    literal.append(c); // a trailing backslash escapes nothing: itself
                }
            } else if (c == '*' || c == '?') {
                flush(literal, parts);
                parts.add(new Part(String.valueOf(c), true));
            } else if (c == '^') {
                if (i == 0) {
                    start = true;
                } else if (i == raw.length() - 1) {
                    end = true;
                } else {
                    throw SruException.of(32, raw, "^ anchors a term only at its start or end");
                }
            } else {
                literal.append(c);
            }
        }
        flush(literal, parts);
        return new CqlTerm(List.copyOf(parts), start, end);
    }

    /** The term's words: split at unescaped white space, each read on its own. */
    static List<CqlTerm> words(String raw, boolean unmasked) throws SruException {
        List<CqlTerm> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && !unmasked && i + 1 < raw.length()) {
                word.append(c).append(raw.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(parse(word.toString(), unmasked));
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(parse(word.toString(), unmasked));
        }
        return words;
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (!literal.isEmpty()) {
            parts.add(new Part(literal.toString(), false));
            literal.setLength(0);
        }
    }

    boolean masked() {
        return parts.stream().anyMatch(Part::mask);
    }

    boolean anchored() {
        return anchoredStart || anchoredEnd;
    }

    boolean anchoredStart() {
        return anchoredStart;
    }

    boolean anchoredEnd() {
        return anchoredEnd;
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    /** The term with masking characters taken literally: what an unmasked search looks for. */
    String literal() {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(part.text()));
        return text.toString();
    }

    /**
     * The term as a Lucene wildcard pattern: literal runs normalised and escaped, masks as
     * {@code *} and {@code ?}. An unanchored side gets {@code *} when {@code openEnds} (a whole-value
     * field searched for a term that is anchored only at one end).
     */
    String wildcard(UnaryOperator<String> normalise, boolean openStart, boolean openEnd) {
        StringBuilder pattern = new StringBuilder();
        if (openStart) {
            pattern.append('*');
        }
        for (Part part : parts) {
            pattern.append(part.mask() ? part.text() : ClientUtils.escapeQueryChars(normalise.apply(part.text())));
        }
        if (openEnd) {
            pattern.append('*');
        }
        return pattern.toString();
    }
}

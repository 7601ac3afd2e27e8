package cn.edu.cashl.hub.sru.cql;

import cn.edu.cashl.hub.sru.cql.CqlToken.Kind;

/**
 * Splits a CQL query into tokens the way cql-java does, so that terms and error positions agree
 * with the reference parser.
 */
final class CqlLexer {

    private static final String WHITESPACE = " \t\r\n";
    /** A word runs until one of these; a {@code "} inside a word is part of it. */
    private static final String WORD_ENDS = "()/<>=" + WHITESPACE;

    private static final char QUOTE = '"';
    private static final char ESCAPE = '\\';

    private final String input;
    private int position;
    private boolean unterminatedString;

    CqlLexer(String input) {
        this.input = input;
    }

    /**
     * Whether the input ended inside a quoted string. Such a string is reported as EOF, as
     * cql-java does, which fails wherever something was still expected; the parser also rejects
     * it where EOF would be acceptable, rather than silently dropping the string.
     */
    boolean endedInString() {
        return unterminatedString;
    }

    /** The next token; {@link Kind#EOF} at the end, and again at every call after it. */
    CqlToken next() {
        while (position < input.length() && WHITESPACE.indexOf(input.charAt(position)) >= 0) {
            position++;
        }
        if (position == input.length()) {
            return new CqlToken(Kind.EOF, "", position);
        }
        if (input.charAt(position) == QUOTE) {
            return quoted();
        }
        CqlToken symbol = symbol();
        return symbol != null ? symbol : word();
    }

    /** Punctuation or a comparator, the two-character comparators ({@code <=}) taking precedence. */
    private CqlToken symbol() {
        for (int length = 2; length >= 1; length--) {
            if (position + length <= input.length()) {
                Kind kind = Kind.ofSymbol(input.substring(position, position + length));
                if (kind != null) {
                    position += length;
                    return new CqlToken(kind, kind.symbol(), position);
                }
            }
        }
        return null;
    }

    /**
     * A quoted string. A backslash keeps itself and the character after it in the value
     * ({@code \"} stays {@code \"}): interpreting escapes is left to the consumer of the term, as
     * CQL's masking characters ({@code \* \?}) need the backslash to survive.
     */
    private CqlToken quoted() {
        StringBuilder value = new StringBuilder();
        int i = position + 1;
        while (i < input.length() && input.charAt(i) != QUOTE) {
            if (input.charAt(i) == ESCAPE) {
                if (i + 1 == input.length()) {
                    break; // a backslash with nothing to escape: the string never ends
                }
                value.append(ESCAPE);
                i++;
            }
            value.append(input.charAt(i));
            i++;
        }
        if (i >= input.length() || input.charAt(i) != QUOTE) {
            unterminatedString = true;
            position = input.length();
            return new CqlToken(Kind.EOF, "", position);
        }
        position = i + 1;
        return new CqlToken(Kind.STRING, value.toString(), position);
    }

    private CqlToken word() {
        int start = position;
        while (position < input.length() && WORD_ENDS.indexOf(input.charAt(position)) < 0) {
            position++;
        }
        String text = input.substring(start, position);
        return new CqlToken(Kind.ofWord(text), text, position);
    }
}

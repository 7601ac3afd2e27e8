package cn.edu.cashl.hub.sru.cql;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * One token of a CQL query.
 *
 * @param kind what the token is
 * @param text a word, a keyword or a quoted string's content as written; the symbol of the others
 * @param end  the offset just after the token, which is where errors about it are reported
 */
record CqlToken(Kind kind, String text, int end) {

    /** The kinds of token, with the fixed text of those that have one. */
    enum Kind {
        EOF(null),
        WORD(null),
        STRING(null),
        LEFT_PAREN("("),
        RIGHT_PAREN(")"),
        SLASH("/"),
        LESS("<"),
        GREATER(">"),
        EQUALS("="),
        LESS_EQUAL("<="),
        GREATER_EQUAL(">="),
        NOT_EQUAL("<>"),
        EXACT_EQUAL("=="),
        AND("and"),
        OR("or"),
        NOT("not"),
        PROX("prox"),
        SORTBY("sortby");

        private static final Set<Kind> COMPARATORS =
                EnumSet.of(LESS, GREATER, EQUALS, LESS_EQUAL, GREATER_EQUAL, NOT_EQUAL, EXACT_EQUAL);
        private static final Set<Kind> BOOLEANS = EnumSet.of(AND, OR, NOT, PROX);
        private static final Set<Kind> KEYWORDS = EnumSet.of(AND, OR, NOT, PROX, SORTBY);

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }

        /** The fixed text: the punctuation or comparator, or the keyword in lower case; null for the others. */
        String symbol() {
            return symbol;
        }

        /** A comparator, usable as a relation and in a valued modifier. */
        boolean isComparator() {
            return COMPARATORS.contains(this);
        }

        boolean isBoolean() {
            return BOOLEANS.contains(this);
        }

        /** The punctuation or comparator written as {@code text}, or null. */
        static Kind ofSymbol(String text) {
            for (Kind kind : values()) {
                if (!KEYWORDS.contains(kind) && text.equals(kind.symbol)) {
                    return kind;
                }
            }
            return null;
        }

        /** The keyword a word is (keywords are case-insensitive), or {@link #WORD}. */
        static Kind ofWord(String word) {
            String lower = word.toLowerCase(Locale.ROOT);
            for (Kind kind : KEYWORDS) {
                if (lower.equals(kind.symbol)) {
                    return kind;
                }
            }
            return WORD;
        }
    }

    /** Words, quoted strings and keywords: what may stand as an index, term, prefix or value. */
    boolean isSymbol() {
        return kind == Kind.WORD || kind == Kind.STRING || Kind.KEYWORDS.contains(kind);
    }

    /**
     * The token as cql-java names it in messages: {@code EOF}, {@code word: 'x'},
     * {@code string: "x"}, a quoted single character ({@code ')'}), otherwise its symbol
     * ({@code <=}, {@code and}; keywords in lower case whatever their spelling).
     */
    String describe() {
        return switch (kind) {
            case EOF -> "EOF";
            case WORD -> "word: '" + text + "'";
            case STRING -> "string: \"" + text + "\"";
            default -> kind.symbol().length() == 1 ? "'" + kind.symbol() + "'" : kind.symbol();
        };
    }
}

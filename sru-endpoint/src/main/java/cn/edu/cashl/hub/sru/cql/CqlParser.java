package cn.edu.cashl.hub.sru.cql;

import cn.edu.cashl.hub.sru.cql.CqlToken.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Parses CQL 1.2 queries as cql-java (the reference implementation, in its CQL 1.2 mode) does:
 * the same trees, the same leniencies (keywords usable as terms and indexes, {@code all contains
 * any} as one term) and the same error messages, as its regression suite checks.
 *
 * <p>The grammar, as that parser reads it:
 * <pre>
 * cql      ::= prefix* query [sortby (symbol modifiers)+] EOF
 * query    ::= term (boolean modifiers term)*
 * term     ::= '(' query ')' | prefix query | symbol symbol* | symbol relation modifiers term
 * prefix   ::= '&gt;' symbol ['=' symbol]
 * modifiers::= ('/' word [comparator symbol])*
 * </pre>
 * A prefix assignment inside a term scopes over the rest of its query, up to {@code )}, the end or
 * {@code sortby}.
 *
 * <p>The parser does not recurse, so no input can overflow its stack; but code that walks a tree
 * usually does (writing XCQL, translating to Solr), so a tree is never deeper than
 * {@link #MAX_DEPTH}: a boolean over a boolean counts one level, parentheses none. Parentheses and
 * prefix assignments may not nest deeper than that either, which bounds the parser's memory.
 */
public final class CqlParser {

    /**
     * The deepest tree, and the deepest nesting of parentheses, a query may have. Walking a tree
     * this deep by recursion needs a few hundred stack frames, well within any thread's stack. The
     * longest chain of booleans accepted joins 256 terms ({@code id=1 or id=2 or ... or id=256}).
     */
    public static final int MAX_DEPTH = 256;

    private static final String SERVER_CHOICE = "cql.serverChoice";
    /** What a bare term means: {@code cql.serverChoice = term}. */
    private static final Context DEFAULT = new Context(SERVER_CHOICE, new CqlRelation("=", List.of()));
    /** The named relations of CQL 1.2; {@code exact} is not one (it was in CQL 1.1). */
    private static final Set<String> RELATION_WORDS = Set.of("any", "all", "within", "encloses", "adj");

    private final CqlLexer lexer;
    private CqlToken token;

    private CqlParser(String cql) {
        lexer = new CqlLexer(cql);
        token = lexer.next();
    }

    /**
     * Parses a query. Any string gives a tree or this exception, never another exception.
     *
     * @throws CqlSyntaxException with cql-java's message for the same query; and also, where
     *                            cql-java would silently drop it, for a quoted string that is
     *                            never closed ({@code unterminated string})
     */
    public static CqlQuery parse(String cql) throws CqlSyntaxException {
        return new CqlParser(Objects.requireNonNull(cql, "cql")).cql();
    }

    /** The index and relation a term is searched with, inherited into parentheses after a relation. */
    private record Context(String index, CqlRelation relation) {}

    /** A parsed node and its depth (1 for a search clause), to bound the depth of the tree. */
    private record Subtree(CqlNode node, int depth) {}

    /** A query being read: the whole query, or one in parentheses or under a prefix assignment. */
    private final class Level {

        final Context context;
        /** The assignment this query is under, or null for a query in parentheses or the whole. */
        final CqlPrefix prefix;
        /** What has been read of the query so far. */
        Subtree tree;
        /** The boolean waiting for its right operand, and its modifiers. */
        private String operator;

        private List<CqlModifier> modifiers;

        Level(Context context, CqlPrefix prefix) {
            this.context = context;
            this.prefix = prefix;
        }

        void startBoolean(String operator, List<CqlModifier> modifiers) {
            this.operator = operator;
            this.modifiers = modifiers;
        }

        /** Takes the first operand, or the right operand of the boolean read last. */
        void add(Subtree operand) throws CqlSyntaxException {
            if (tree == null) {
                tree = operand;
                return;
            }
            int depth = 1 + Math.max(tree.depth(), operand.depth());
            if (depth > MAX_DEPTH) {
                throw tooDeep();
            }
            tree = new Subtree(new CqlBoolean(List.of(), operator, modifiers, tree.node(), operand.node()), depth);
        }
    }

    private CqlQuery cql() throws CqlSyntaxException {
        List<CqlPrefix> prefixes = new ArrayList<>();
        while (at(Kind.GREATER)) {
            prefixes.add(prefix());
        }
        CqlNode root = prefixed(prefixes, query().node());
        List<CqlSortKey> sortKeys = at(Kind.SORTBY) ? sortKeys() : List.of();
        if (!at(Kind.EOF)) {
            throw error("junk after end: " + token.describe());
        }
        if (lexer.endedInString()) {
            throw error("unterminated string");
        }
        return new CqlQuery(root, sortKeys);
    }

    private List<CqlSortKey> sortKeys() throws CqlSyntaxException {
        advance();
        List<CqlSortKey> keys = new ArrayList<>();
        while (!at(Kind.EOF)) {
            String index = symbol("sort index");
            keys.add(new CqlSortKey(index, modifiers()));
        }
        if (keys.isEmpty()) {
            throw error("no sort keys");
        }
        return keys;
    }

    /**
     * A query: terms joined by booleans, left-associative and all of the same precedence. Nested
     * queries (in parentheses, or under a prefix assignment in a term) are kept on an explicit
     * stack rather than read by recursion, so that no input can overflow the thread's stack.
     */
    private Subtree query() throws CqlSyntaxException {
        Deque<Level> levels = new ArrayDeque<>();
        levels.push(new Level(DEFAULT, null));
        while (true) {
            Subtree operand = term(levels);
            if (operand == null) {
                continue; // the term opened a nested query: read its first term
            }
            Level level = levels.peek();
            level.add(operand);
            // An operand can end its query, the enclosing one, and so on: close all it ends.
            while (atQueryEnd() && levels.size() > 1) {
                levels.pop();
                operand = close(level);
                level = levels.peek();
                level.add(operand);
            }
            if (atQueryEnd()) {
                return level.tree;
            }
            if (!token.kind().isBoolean()) {
                throw error("expected boolean, got " + token.describe());
            }
            String operator = advance().text();
            level.startBoolean(operator, modifiers());
        }
    }

    private boolean atQueryEnd() {
        return at(Kind.EOF) || at(Kind.RIGHT_PAREN) || at(Kind.SORTBY);
    }

    /** The query of a level that has ended: past its closing parenthesis, or under its prefix. */
    private Subtree close(Level level) throws CqlSyntaxException {
        if (level.prefix != null) {
            return new Subtree(prefixed(List.of(level.prefix), level.tree.node()), level.tree.depth());
        }
        if (!at(Kind.RIGHT_PAREN)) {
            throw error("expected ')', got " + token.describe());
        }
        advance();
        return level.tree;
    }

    /**
     * A term of the innermost query of {@code levels}, or null when the term is a nested query,
     * which is then pushed onto {@code levels} to be read next. After {@code index relation} the
     * loop reads the term proper with that index and relation, which is how
     * {@code title = (fish or chips)} gives both clauses the index title.
     */
    private Subtree term(Deque<Level> levels) throws CqlSyntaxException {
        Context context = levels.peek().context;
        while (true) {
            if (at(Kind.LEFT_PAREN) || at(Kind.GREATER)) {
                if (levels.size() > MAX_DEPTH) {
                    throw tooDeep();
                }
                CqlPrefix prefix = null;
                if (at(Kind.LEFT_PAREN)) {
                    advance();
                } else {
                    prefix = prefix();
                }
                levels.push(new Level(context, prefix));
                return null;
            }
            String first = symbol("index or term");
            // Consecutive words are one term; a relation is only looked for right after the first.
            StringBuilder term = new StringBuilder(first);
            boolean joined = false;
            while ((at(Kind.WORD) || at(Kind.STRING)) && (joined || !atRelation())) {
                term.append(' ').append(advance().text());
                joined = true;
            }
            if (!atRelation()) {
                return new Subtree(new CqlClause(List.of(), context.index(), context.relation(), term.toString()), 1);
            }
            if (joined) {
                throw error("unexpected relation '" + relationBase() + "'");
            }
            context = new Context(first, relation());
        }
    }

    private CqlPrefix prefix() throws CqlSyntaxException {
        advance();
        String first = symbol("prefix-name");
        if (!at(Kind.EQUALS)) {
            return new CqlPrefix(null, first);
        }
        advance();
        // cql-java's message, misspelling included, so that diagnostics match the reference.
        return new CqlPrefix(first, symbol("prefix-identifer"));
    }

    private boolean atRelation() {
        if (at(Kind.WORD)) {
            String word = token.text();
            return word.indexOf('.') >= 0 || RELATION_WORDS.contains(word.toLowerCase(Locale.ROOT));
        }
        return token.kind().isComparator();
    }

    /** The relation as written: a named relation keeps its spelling ({@code Any}). */
    private String relationBase() {
        return at(Kind.WORD) ? token.text() : token.kind().symbol();
    }

    private CqlRelation relation() throws CqlSyntaxException {
        String base = relationBase();
        advance();
        return new CqlRelation(base, modifiers());
    }

    private List<CqlModifier> modifiers() throws CqlSyntaxException {
        List<CqlModifier> modifiers = new ArrayList<>();
        while (at(Kind.SLASH)) {
            advance();
            if (!at(Kind.WORD)) {
                throw error("expected modifier, got " + token.describe());
            }
            // Modifier names are case-insensitive; lower-casing them once spares every consumer.
            String type = advance().text().toLowerCase(Locale.ROOT);
            if (token.kind().isComparator()) {
                String comparison = advance().kind().symbol();
                modifiers.add(new CqlModifier(type, comparison, symbol("modifier value")));
            } else {
                modifiers.add(CqlModifier.of(type));
            }
        }
        return modifiers;
    }

    /** A word, quoted string or keyword where one is required, e.g. {@code "index or term"}. */
    private String symbol(String expected) throws CqlSyntaxException {
        if (!token.isSymbol()) {
            throw error("expected " + expected + ", got " + token.describe());
        }
        return advance().text();
    }

    /** The node with {@code outer} put before its own prefix assignments (outermost first). */
    private static CqlNode prefixed(List<CqlPrefix> outer, CqlNode node) {
        if (outer.isEmpty()) {
            return node;
        }
        List<CqlPrefix> prefixes = new ArrayList<>(outer);
        prefixes.addAll(node.prefixes());
        if (node instanceof CqlClause clause) {
            return new CqlClause(prefixes, clause.index(), clause.relation(), clause.term());
        }
        CqlBoolean triple = (CqlBoolean) node;
        return new CqlBoolean(prefixes, triple.operator(), triple.modifiers(), triple.left(), triple.right());
    }

    private boolean at(Kind kind) {
        return token.kind() == kind;
    }

    /** Moves to the next token and returns the one moved past. */
    private CqlToken advance() {
        CqlToken current = token;
        token = lexer.next();
        return current;
    }

    private CqlSyntaxException tooDeep() {
        return error("query nested too deeply");
    }

    private CqlSyntaxException error(String message) {
        return new CqlSyntaxException(message, token.end());
    }
}

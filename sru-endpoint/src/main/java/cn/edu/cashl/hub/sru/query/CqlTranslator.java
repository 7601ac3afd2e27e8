package cn.edu.cashl.hub.sru.query;

import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.sru.cql.CqlBoolean;
import cn.edu.cashl.hub.sru.cql.CqlClause;
import cn.edu.cashl.hub.sru.cql.CqlModifier;
import cn.edu.cashl.hub.sru.cql.CqlNode;
import cn.edu.cashl.hub.sru.cql.CqlPrefix;
import cn.edu.cashl.hub.sru.cql.CqlQuery;
import cn.edu.cashl.hub.sru.diagnostic.SruException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates a parsed CQL query into a Solr query with the semantics CQL gives it, or fails with
 * the diagnostic the SRU standard names for what the hub does not support.
 *
 * <p>No query text reaches Solr's parser unescaped: whole terms travel as parameters that the
 * query dereferences ({@code {!term f=title_key v=$t3}}), and the pieces of masked terms are
 * escaped around their masking characters.
 */
public final class CqlTranslator {

    /** Fields {@code cql.serverChoice} searches, with their weights. */
    public static final String SERVER_CHOICE_FIELDS = String.join(
            " ",
            SearchFields.TITLE_TEXT + "^5",
            SearchFields.CREATOR_TEXT + "^3",
            SearchFields.SUBJECT_TEXT + "^2",
            SearchFields.IDENTIFIER + "^10",
            SearchFields.ISBN + "^10",
            SearchFields.ISSN + "^10",
            SearchFields.ANY_TEXT);

    static final int MAX_TERM_LENGTH = 1000;
    static final int MAX_BOOLEANS = 100;

    private static final Set<String> RELATIONS =
            Set.of("=", "==", "<>", "<", ">", "<=", ">=", "adj", "all", "any", "within", "encloses", "exact");
    /** Relation modifiers that change nothing here: what the hub does anyway. */
    private static final Set<String> DEFAULT_MODIFIERS =
            Set.of("relevant", "ignorecase", "ignoreaccents", "masked", "word", "string");

    private static final Pattern PARAM_REFERENCE = Pattern.compile("\\$(t[0-9]+)");

    private final Function<String, SolrQueryText> resultSets;
    private final Map<String, String> params = new LinkedHashMap<>();
    private int booleans;

    /**
     * @param resultSets the translated query of a result set by id, or null when it does not
     *                   exist (or expired): what {@code cql.resultSetId} searches
     */
    private CqlTranslator(Function<String, SolrQueryText> resultSets) {
        this.resultSets = resultSets;
    }

    public static SolrQueryText translate(CqlQuery query, Function<String, SolrQueryText> resultSets)
            throws SruException {
        CqlTranslator translator = new CqlTranslator(resultSets);
        String solr = translator.node(query.root(), Map.of());
        return new SolrQueryText(solr, translator.params);
    }

    /**
     * The prefix assignments of a node added to those in scope (a later one shadows an earlier
     * one); a query starts with none, so the predefined set prefixes apply.
     */
    public static Map<String, String> scope(Map<String, String> outer, List<CqlPrefix> prefixes) {
        if (prefixes.isEmpty()) {
            return outer;
        }
        Map<String, String> inner = new HashMap<>(outer);
        for (CqlPrefix prefix : prefixes) {
            inner.put(prefix.name() == null ? "" : prefix.name().toLowerCase(Locale.ROOT), prefix.identifier());
        }
        return inner;
    }

    private String node(CqlNode node, Map<String, String> outer) throws SruException {
        Map<String, String> prefixes = scope(outer, node.prefixes());
        if (node instanceof CqlClause clause) {
            return clause(clause, prefixes);
        }
        CqlBoolean triple = (CqlBoolean) node;
        if (++booleans > MAX_BOOLEANS) {
            throw SruException.of(38, String.valueOf(MAX_BOOLEANS), "at most " + MAX_BOOLEANS + " booleans per query");
        }
        if (triple.kind() == CqlBoolean.Operator.PROX) {
            return Proximity.translate(triple, prefixes, this);
        }
        for (CqlModifier modifier : triple.modifiers()) {
            throw SruException.of(46, modifier.type(), triple.operator() + " takes no modifiers here");
        }
        String left = node(triple.left(), prefixes);
        String right = node(triple.right(), prefixes);
        return switch (triple.kind()) {
            case AND -> "(+" + left + " +" + right + ")";
            case OR -> "(" + left + " OR " + right + ")";
            case NOT -> "(+" + left + " -" + right + ")";
            case PROX -> throw new IllegalStateException("handled above");
        };
    }

    private String clause(CqlClause clause, Map<String, String> prefixes) throws SruException {
        SruIndex index = IndexCatalog.resolve(clause.index(), prefixes);
        String relation = relation(clause);
        boolean unmasked = false;
        boolean fuzzy = false;
        for (CqlModifier modifier : clause.relation().modifiers()) {
            String type = modifier.type().startsWith("cql.") ? modifier.type().substring(4) : modifier.type();
            if (modifier.comparison() == null && type.equals("unmasked")) {
                unmasked = true;
            } else if (modifier.comparison() == null && type.equals("fuzzy")) {
                fuzzy = true;
            } else if (modifier.comparison() != null || !DEFAULT_MODIFIERS.contains(type)) {
                throw SruException.of(
                        20,
                        modifier.type(),
                        "relation modifier " + modifier.type()
                                + " is not supported (supported: relevant, fuzzy, masked, unmasked, ignoreCase, ignoreAccents)");
            }
        }
        String term = clause.term();
        if (term.length() > MAX_TERM_LENGTH) {
            throw SruException.of(
                    23, String.valueOf(MAX_TERM_LENGTH), "terms have at most " + MAX_TERM_LENGTH + " characters");
        }
        if (index.kind() == IndexKind.ALL_RECORDS) {
            return "*:*";
        }
        if (term.isBlank()) {
            throw SruException.of(27, index.qualifiedName(), "an empty term matches nothing; use cql.allRecords = 1");
        }
        Clause c = new Clause(index, relation, term, unmasked, fuzzy);
        return switch (index.kind()) {
            case TEXT, WORDS -> text(c);
            case SERVER_CHOICE -> serverChoice(c);
            case CODE, ISBN, ISSN -> code(c);
            case NUMBER -> Ranges.number(c);
            case DATE -> Ranges.date(c);
            case RESULT_SET -> resultSet(c);
            case ALL_RECORDS -> throw new IllegalStateException("handled above");
        };
    }

    /** A search clause as the translation sees it. */
    record Clause(SruIndex index, String relation, String term, boolean unmasked, boolean fuzzy) {}

    private static String relation(CqlClause clause) throws SruException {
        String base = clause.relation().base().toLowerCase(Locale.ROOT);
        String relation = base.startsWith("cql.") ? base.substring(4) : base;
        if (!RELATIONS.contains(relation) || relation.equals("encloses")) {
            throw SruException.of(
                    19,
                    clause.relation().base(),
                    "relation " + clause.relation().base()
                            + " is not supported (supported: = == exact all any adj < > <= >= <> within)");
        }
        return relation.equals("exact") ? "==" : relation;
    }

    static SruException unsupported(Clause c) {
        return SruException.of(
                22,
                c.relation(),
                "index " + c.index().qualifiedName() + " does not support the " + c.relation()
                        + " relation (see explain)");
    }

    /** A parameter holding a value, and the reference to it. */
    String param(String value) {
        String name = "t" + (params.size() + 1);
        params.put(name, value);
        return "$" + name;
    }

    private String text(Clause c) throws SruException {
        String field = c.index().textField();
        switch (c.relation()) {
            case "=", "adj" -> {
                CqlTerm whole = CqlTerm.parse(c.term(), c.unmasked());
                if (whole.anchored()) {
                    return anchored(c, whole);
                }
                List<CqlTerm> words = CqlTerm.words(c.term(), c.unmasked());
                if (words.size() == 1 || c.fuzzy()) {
                    return combine(words, field, c.fuzzy(), " AND ");
                }
                return phrase(field, words);
            }
            case "all", "any" -> {
                List<CqlTerm> words = CqlTerm.words(c.term(), c.unmasked());
                for (CqlTerm word : words) {
                    if (word.anchored()) {
                        throw SruException.of(32, c.term(), "^ anchors whole values: use = or ==");
                    }
                }
                return combine(words, field, c.fuzzy(), c.relation().equals("all") ? " AND " : " OR ");
            }
            default -> {
                if (c.index().keyField() == null) {
                    throw unsupported(c);
                }
                return whole(c, SearchFields::fold);
            }
        }
    }

    /** Words of a term, each searched in a text field, joined by AND or OR. */
    private String combine(List<CqlTerm> words, String field, boolean fuzzy, String operator) {
        List<String> clauses = new ArrayList<>();
        for (CqlTerm word : words) {
            if (word.masked()) {
                clauses.add(field + ":" + word.wildcard(UnaryOperator.identity(), false, false));
            } else if (fuzzy) {
                clauses.add(field + ":" + word.wildcard(UnaryOperator.identity(), false, false) + "~");
            } else {
                // The field parser analyses the word like the index did: a hyphenated word or a run
                // of Chinese characters becomes a phrase of its parts.
                clauses.add("{!field f=" + field + " v=" + param(word.literal()) + "}");
            }
        }
        return clauses.size() == 1 ? clauses.get(0) : "(" + String.join(operator, clauses) + ")";
    }

    /** Words in order, next to each other; masked words through the complex-phrase parser. */
    private String phrase(String field, List<CqlTerm> words) {
        if (words.stream().noneMatch(CqlTerm::masked)) {
            StringBuilder text = new StringBuilder();
            words.forEach(w -> text.append(text.isEmpty() ? "" : " ").append(w.literal()));
            return "{!field f=" + field + " v=" + param(text.toString()) + "}";
        }
        StringBuilder text = new StringBuilder("\"");
        for (CqlTerm word : words) {
            text.append(text.length() > 1 ? " " : "").append(word.wildcard(UnaryOperator.identity(), false, false));
        }
        return "{!complexphrase inOrder=true df=" + field + " v="
                + param(text.append('"').toString()) + "}";
    }

    /** A term anchored at one or both ends: a whole value of the key field, or its start or end. */
    private String anchored(Clause c, CqlTerm term) throws SruException {
        String key = c.index().keyField();
        if (key == null) {
            throw SruException.of(
                    32, c.term(), "index " + c.index().qualifiedName() + " has no whole values to anchor to");
        }
        if (term.anchoredStart() && term.anchoredEnd() && !term.masked()) {
            return "{!term f=" + key + " v=" + param(SearchFields.fold(term.literal())) + "}";
        }
        return key + ":" + term.wildcard(SearchFields::fold, !term.anchoredStart(), !term.anchoredEnd());
    }

    /**
     * Whole values of the key fields: {@code ==} matches one (masking allowed), the comparisons
     * order values as folded strings, {@code <>} is everything else. An index with several key
     * fields matches a value in any of them.
     */
    private String whole(Clause c, UnaryOperator<String> normalise) throws SruException {
        CqlTerm term = CqlTerm.parse(c.term(), c.unmasked());
        if (term.anchored()) {
            // ^ on a whole-value relation adds nothing: the value is anchored at both ends anyway.
            term = CqlTerm.parse(c.term().replaceAll("^\\^|(?<!\\\\)\\^$", ""), c.unmasked());
        }
        String value = normalise.apply(term.literal());
        String wildcard = term.masked() ? term.wildcard(normalise, false, false) : null;
        String reference = term.masked() ? null : param(value);
        // Quoted: Solr's range syntax takes no escaped white space.
        String bound = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        List<String> clauses = new ArrayList<>();
        for (String key : c.index().keyFields()) {
            clauses.add(
                    switch (c.relation()) {
                        case "==", "<>" ->
                            wildcard != null ? key + ":" + wildcard : "{!term f=" + key + " v=" + reference + "}";
                        case "<" -> key + ":[* TO " + bound + "}";
                        case "<=" -> key + ":[* TO " + bound + "]";
                        case ">" -> key + ":{" + bound + " TO *]";
                        case ">=" -> key + ":[" + bound + " TO *]";
                        default -> throw unsupported(c);
                    });
        }
        String any = clauses.size() == 1 ? clauses.get(0) : "(" + String.join(" OR ", clauses) + ")";
        return c.relation().equals("<>") ? "(*:* -" + any + ")" : any;
    }

    /** Coded values: =, ==, exact match one value; any and all several; <> excludes one. */
    private String code(Clause c) throws SruException {
        UnaryOperator<String> normalise = c.index()::normalise;
        boolean standardNumber = c.index().kind() == IndexKind.ISBN || c.index().kind() == IndexKind.ISSN;
        switch (c.relation()) {
            case "=", "==", "<>" -> {
                if (standardNumber && CqlTerm.parse(c.term(), c.unmasked()).masked()) {
                    throw SruException.of(28, c.term(), "ISBNs and ISSNs are matched whole, without masking");
                }
                return whole(
                        new Clause(
                                c.index(),
                                c.relation().equals("=") ? "==" : c.relation(),
                                c.term(),
                                c.unmasked(),
                                false),
                        normalise);
            }
            case "any", "all" -> {
                List<String> clauses = new ArrayList<>();
                for (String word : c.term().trim().split("\\s+")) {
                    clauses.add(whole(new Clause(c.index(), "==", word, c.unmasked(), false), normalise));
                }
                return clauses.size() == 1
                        ? clauses.get(0)
                        : "(" + String.join(c.relation().equals("all") ? " AND " : " OR ", clauses) + ")";
            }
            default -> throw unsupported(c);
        }
    }

    /**
     * Relevance-ranked search over title, creator, subject and identifiers: edismax, all words
     * required ({@code =}, {@code all}), any ({@code any}) or as a phrase ({@code adj}).
     */
    private String serverChoice(Clause c) throws SruException {
        List<CqlTerm> words = CqlTerm.words(c.term(), c.unmasked());
        StringBuilder text = new StringBuilder();
        for (CqlTerm word : words) {
            if (word.anchored()) {
                throw SruException.of(32, c.term(), "cql.serverChoice has no whole values to anchor to");
            }
            text.append(text.isEmpty() ? "" : " ")
                    .append(word.wildcard(UnaryOperator.identity(), false, false))
                    .append(c.fuzzy() && !word.masked() ? "~" : "");
        }
        String value = switch (c.relation()) {
            case "=", "all", "any" -> text.toString();
            case "adj" -> "\"" + text + "\"";
            default -> throw unsupported(c);
        };
        String mm = c.relation().equals("any") ? "1" : "100%";
        return "{!edismax qf=$scqf pf=$scpf mm=" + mm + " v=" + param(value) + "}";
    }

    private String resultSet(Clause c) throws SruException {
        if (!c.relation().equals("=") && !c.relation().equals("==")) {
            throw unsupported(c);
        }
        SolrQueryText stored = resultSets.apply(c.term());
        if (stored == null) {
            throw SruException.of(51, c.term(), "no result set " + c.term() + " (it may have expired)");
        }
        // The stored query's parameters are renamed into this query's.
        String query = PARAM_REFERENCE
                .matcher(stored.query())
                .replaceAll(
                        ref -> Matcher.quoteReplacement(param(stored.params().get(ref.group(1)))));
        return "(" + query + ")";
    }

    /** The parameters every translated query needs besides its own: the serverChoice fields. */
    public static Map<String, String> commonParams() {
        return Map.of("scqf", SERVER_CHOICE_FIELDS, "scpf", SearchFields.TITLE_TEXT + "^10");
    }
}

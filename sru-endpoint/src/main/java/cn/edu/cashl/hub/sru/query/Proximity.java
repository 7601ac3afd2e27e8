package cn.edu.cashl.hub.sru.query;

import cn.edu.cashl.hub.sru.cql.CqlBoolean;
import cn.edu.cashl.hub.sru.cql.CqlClause;
import cn.edu.cashl.hub.sru.cql.CqlModifier;
import cn.edu.cashl.hub.sru.diagnostic.SruException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code prox}: two words of one text index within a distance of each other, in order or not
 * ({@code title=cat prox/unit=word/distance<=3/ordered title=hat}). Words are the only unit the
 * index keeps positions for; a distance is at most ({@code <=}, {@code <}) since a span query
 * cannot ask for exactly or at least. Anything else gets its proximity diagnostic.
 */
final class Proximity {

    private Proximity() {}

    static String translate(CqlBoolean prox, Map<String, String> prefixes, CqlTranslator translator)
            throws SruException {
        int distance = 1;
        String comparison = "<=";
        boolean ordered = false;
        for (CqlModifier modifier : prox.modifiers()) {
            String type = modifier.type().startsWith("prox.") ? modifier.type().substring(5) : modifier.type();
            switch (type) {
                case "unit" -> {
                    if (!"word".equalsIgnoreCase(modifier.value()) || !"=".equals(modifier.comparison())) {
                        throw SruException.of(42, String.valueOf(modifier.value()), "the only unit is word");
                    }
                }
                case "distance" -> {
                    comparison = modifier.comparison();
                    if (!"<=".equals(comparison) && !"<".equals(comparison)) {
                        throw SruException.of(40, String.valueOf(comparison), "distance is compared with <= or <");
                    }
                    try {
                        distance = Integer.parseInt(modifier.value());
                    } catch (NumberFormatException e) {
                        distance = -1;
                    }
                }
                case "ordered" -> ordered = true;
                case "unordered" -> ordered = false;
                default -> throw SruException.of(46, modifier.type(), "prox takes unit, distance, ordered, unordered");
            }
        }
        int slop = comparison.equals("<") ? distance - 2 : distance - 1;
        if (distance < 1 || slop < 0 || distance > 100) {
            throw SruException.of(41, String.valueOf(distance), "distance is a whole number of words from 1 to 100");
        }
        if (!(prox.left() instanceof CqlClause left)
                || !(prox.right() instanceof CqlClause right)
                || !prox.left().prefixes().isEmpty()
                || !prox.right().prefixes().isEmpty()) {
            throw SruException.of(39, null, "prox joins two search clauses, not nested queries");
        }
        SruIndex leftIndex = IndexCatalog.resolve(left.index(), prefixes);
        SruIndex rightIndex = IndexCatalog.resolve(right.index(), prefixes);
        String field = leftIndex.textField();
        if (field == null
                || !field.equals(rightIndex.textField())
                || leftIndex.kind() == IndexKind.SERVER_CHOICE && rightIndex.kind() != IndexKind.SERVER_CHOICE) {
            throw SruException.of(39, left.index() + " " + right.index(), "prox joins two clauses of one text index");
        }
        String leftWord = word(left);
        String rightWord = word(right);
        String phrase = "\"" + leftWord + " " + rightWord + "\"~" + slop;
        return "{!complexphrase inOrder=" + ordered + " df=" + field + " v=" + translator.param(phrase) + "}";
    }

    private static String word(CqlClause clause) throws SruException {
        String relation = clause.relation().base().toLowerCase(Locale.ROOT);
        if (!relation.equals("=") && !relation.equals("adj") && !relation.equals("all") && !relation.equals("any")
                || !clause.relation().modifiers().isEmpty()) {
            throw SruException.of(39, clause.relation().base(), "prox joins word searches (=) of a text index");
        }
        List<CqlTerm> words = CqlTerm.words(clause.term(), false);
        if (words.size() != 1 || words.get(0).anchored()) {
            throw SruException.of(39, clause.term(), "prox joins single words");
        }
        return words.get(0).wildcard(UnaryOperator.identity(), false, false);
    }
}

package cn.edu.cashl.hub.sru;

import cn.edu.cashl.hub.catalog.CatalogSearch;
import cn.edu.cashl.hub.catalog.CatalogSearch.TermCount;
import cn.edu.cashl.hub.sru.cql.CqlClause;
import cn.edu.cashl.hub.sru.cql.CqlQuery;
import cn.edu.cashl.hub.sru.diagnostic.SruException;
import cn.edu.cashl.hub.sru.query.CqlTranslator;
import cn.edu.cashl.hub.sru.query.IndexCatalog;
import cn.edu.cashl.hub.sru.query.IndexKind;
import cn.edu.cashl.hub.sru.query.SruIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * scan: the values of an index around a term, with how many records have each. Text indexes
 * scan their whole folded values (a title, a name, a subject heading), as their exact-match
 * relation {@code ==} searches them.
 */
final class Scans {

    private Scans() {}

    static void scan(CatalogSearch catalog, SruSettings settings, SruRequest request, SruResponse response)
            throws SruException {
        String clauseText = request.required("scanClause");
        CqlQuery parsed = SruEndpoint.parse(clauseText);
        if (!(parsed.root() instanceof CqlClause clause) || !parsed.sortKeys().isEmpty()) {
            throw SruException.of(10, clauseText, "scanClause is one index, relation and term");
        }
        response.xcql = cn.edu.cashl.hub.sru.cql.Xcql.write(parsed);
        SruIndex index = IndexCatalog.resolve(clause.index(), CqlTranslator.scope(Map.of(), clause.prefixes()));
        if (!index.scannable()) {
            throw SruException.of(
                    16, clause.index(), "index " + index.qualifiedName() + " cannot be scanned (see explain)");
        }
        String relation = clause.relation().base().toLowerCase(Locale.ROOT);
        if (!relation.equals("=") && !relation.equals("==") && !relation.equals("exact")) {
            throw SruException.of(19, clause.relation().base(), "scan positions with = or ==");
        }
        int maximum = request.integer("maximumTerms", 20, 1, Integer.MAX_VALUE);
        if (maximum > settings.maximumTerms()) {
            throw SruException.of(6, "maximumTerms", "at most " + settings.maximumTerms() + " terms per scan");
        }
        int position = request.integer("responsePosition", 1, 0, Integer.MAX_VALUE);
        if (position > maximum + 1) {
            throw SruException.of(120, String.valueOf(position), "responsePosition is from 0 to maximumTerms + 1");
        }
        String from = normalise(index, clause.term());
        int before = Math.max(0, position - 1);
        int after = Math.max(0, maximum - before);
        // One more on each side than asked: whether the list goes on there decides whereInList.
        List<TermCount> around = around(catalog, index, from, before + 1, after + 1);
        List<TermCount> below =
                around.stream().filter(t -> compare(index, t.term(), from) < 0).toList();
        List<TermCount> above = around.subList(below.size(), around.size());
        boolean moreBelow = below.size() > before;
        boolean moreAbove = above.size() > after;
        List<TermCount> terms = new ArrayList<>(below.subList(Math.max(0, below.size() - before), below.size()));
        terms.addAll(above.subList(0, Math.min(after, above.size())));
        for (int i = 0; i < terms.size(); i++) {
            boolean first = i == 0 && !moreBelow;
            boolean last = i == terms.size() - 1 && !moreAbove;
            String where = first && last ? "only" : first ? "first" : last ? "last" : "inner";
            response.terms.add(
                    new SruResponse.ScanTerm(terms.get(i).term(), terms.get(i).count(), where));
        }
    }

    /**
     * The values of the index's key fields around a position, in order. Over several key fields:
     * the values nearest the position in the union are among the nearest of each field, and a
     * value's count is the sum of its counts, since no record has it in two of them.
     */
    private static List<TermCount> around(CatalogSearch catalog, SruIndex index, String from, int before, int after) {
        if (index.keyFields().size() == 1) {
            return catalog.scan(index.keyField(), from, before, after);
        }
        Map<String, Long> counts = new TreeMap<>((a, b) -> compare(index, a, b));
        for (String field : index.keyFields()) {
            for (TermCount term : catalog.scan(field, from, before, after)) {
                counts.merge(term.term(), term.count(), Long::sum);
            }
        }
        List<TermCount> merged = new ArrayList<>();
        counts.forEach((term, count) -> merged.add(new TermCount(term, count)));
        return merged;
    }

    private static String normalise(SruIndex index, String term) throws SruException {
        return switch (index.kind()) {
            case NUMBER -> {
                try {
                    yield Integer.toString(Integer.parseInt(term.strip()));
                } catch (NumberFormatException e) {
                    throw SruException.of(36, term, index.qualifiedName() + " takes a whole number");
                }
            }
            case DATE -> throw SruException.of(16, index.qualifiedName(), "dates cannot be scanned");
            default -> index.normalise(term);
        };
    }

    private static int compare(SruIndex index, String a, String b) {
        if (index.kind() == IndexKind.NUMBER) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return a.compareTo(b);
    }
}

package cn.edu.cashl.hub.sru;

import cn.edu.cashl.hub.catalog.CatalogSearch.FacetRequest;
import cn.edu.cashl.hub.catalog.CatalogSearch.SearchResult;
import cn.edu.cashl.hub.catalog.CatalogSearch.TermCount;
import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.sru.diagnostic.SruException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * SRU 2.0 facets ({@code facetLimit}, {@code facetStart}, {@code facetSort}) on holding library,
 * type, language, year, subject, access and the journal of articles. Each value comes with the
 * query that narrows the result to it and the request URL that runs that query.
 */
final class Facets {

    /** A facetable index: its name in requests and responses, its field, and how a value is queried. */
    private record FacetIndex(String index, String label, String field, String relation) {}

    private static final List<FacetIndex> INDEXES = List.of(
            new FacetIndex("bath.possessingInstitution", "Holding library", SearchFields.LIBRARY, "="),
            new FacetIndex("dc.type", "Type", SearchFields.TYPE, "="),
            new FacetIndex("dc.language", "Language", SearchFields.LANGUAGE, "="),
            new FacetIndex("dc.date", "Year", SearchFields.YEAR, "="),
            new FacetIndex("dc.subject", "Subject", SearchFields.SUBJECT_FACET, "=="),
            new FacetIndex("cashl.access", "Access", SearchFields.ACCESS, "="),
            new FacetIndex("cashl.journal", "Journal", SearchFields.JOURNAL_FACET, "=="));
    private static final Map<String, String> ALIASES = Map.of(
            "cashl.library",
            "bath.possessingInstitution",
            "cashl.type",
            "dc.type",
            "cashl.language",
            "dc.language",
            "cashl.year",
            "dc.date",
            "cashl.subject",
            "dc.subject");
    static final int MAX_LIMIT = 1000;

    static List<String> indexes() {
        return INDEXES.stream().map(FacetIndex::index).toList();
    }

    /** The facet counts a request asks for: none without facetLimit. */
    static List<FacetRequest> requests(SruRequest request) throws SruException {
        Map<FacetIndex, int[]> asked = asked(request);
        List<FacetRequest> requests = new ArrayList<>();
        asked.forEach((index, spec) -> requests.add(new FacetRequest(index.field(), spec[0], spec[1], spec[2] == 0)));
        return requests;
    }

    static List<SruResponse.Facet> results(SruRequest request, SearchResult result, String query, String baseUrl)
            throws SruException {
        List<SruResponse.Facet> facets = new ArrayList<>();
        String base = query.strip();
        String sortby = "";
        int at = sortbyPosition(base);
        if (at >= 0) {
            sortby = " " + base.substring(at);
            base = base.substring(0, at).strip();
        }
        for (FacetIndex index : asked(request).keySet()) {
            List<SruResponse.FacetTerm> terms = new ArrayList<>();
            for (TermCount count : result.facets().getOrDefault(index.field(), List.of())) {
                String drill = "(" + base + ") and " + index.index() + " " + index.relation() + " "
                        + quote(count.term()) + sortby;
                String url = baseUrl + "?version=2.0&query=" + URLEncoder.encode(drill, StandardCharsets.UTF_8);
                terms.add(new SruResponse.FacetTerm(count.term(), count.count(), drill, url));
            }
            facets.add(new SruResponse.Facet(index.index(), index.label(), terms));
        }
        return facets;
    }

    /**
     * facetLimit: {@code 10} (every facet), or {@code 10:dc.subject,5:dc.date}; facetStart and
     * facetSort ({@code alphanumeric} or {@code count}) the same way. Per index: start offset, limit,
     * sort (0 by count, 1 alphanumeric).
     */
    private static Map<FacetIndex, int[]> asked(SruRequest request) throws SruException {
        Map<FacetIndex, int[]> asked = new LinkedHashMap<>();
        String limit = request.single("facetLimit");
        if (limit == null) {
            return asked;
        }
        for (String part : SruRequest.split(limit)) {
            String[] pair = part.split(":", 2);
            int count = number("facetLimit", pair[0]);
            if (count > MAX_LIMIT) {
                throw SruException.of(6, "facetLimit", "at most " + MAX_LIMIT + " values per facet");
            }
            if (pair.length == 1) {
                INDEXES.forEach(index -> asked.put(index, new int[] {0, count, 0}));
            } else {
                asked.put(index(pair[1]), new int[] {0, count, 0});
            }
        }
        String start = request.single("facetStart");
        if (start != null) {
            for (String part : SruRequest.split(start)) {
                String[] pair = part.split(":", 2);
                int first = number("facetStart", pair[0]);
                if (first < 1) {
                    throw SruException.of(6, "facetStart", "facet positions start at 1");
                }
                apply(asked, pair, spec -> spec[0] = first - 1);
            }
        }
        String sort = request.single("facetSort");
        if (sort != null) {
            for (String part : SruRequest.split(sort)) {
                String[] pair = part.split(":", 2);
                int how = switch (pair[0].toLowerCase(Locale.ROOT)) {
                    case "count" -> 0;
                    case "alphanumeric" -> 1;
                    default -> throw SruException.of(6, "facetSort", "facetSort is count or alphanumeric");
                };
                apply(asked, pair, spec -> spec[2] = how);
            }
        }
        return asked;
    }

    private static void apply(Map<FacetIndex, int[]> asked, String[] pair, Consumer<int[]> change) throws SruException {
        if (pair.length == 1) {
            asked.values().forEach(change);
        } else {
            int[] spec = asked.get(index(pair[1]));
            if (spec != null) {
                change.accept(spec);
            }
        }
    }

    private static FacetIndex index(String name) throws SruException {
        String wanted = ALIASES.getOrDefault(name.strip(), name.strip());
        return INDEXES.stream()
                .filter(i -> i.index().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> SruException.of(6, name, "facets: " + String.join(", ", indexes())));
    }

    private static int number(String parameter, String value) throws SruException {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw SruException.of(6, parameter, parameter + " takes counts such as 10 or 10:dc.subject");
        }
    }

    /** A CQL term in quotes, its quotes, backslashes and masking characters escaped. */
    static String quote(String term) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : term.toCharArray()) {
            if (c == '"' || c == '\\' || c == '*' || c == '?' || c == '^') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    /** Where a query's top-level {@code sortby} starts (outside quotes and parentheses), or -1. */
    static int sortbyPosition(String query) {
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0
                    && query.regionMatches(true, i, "sortby", 0, 6)
                    && (i == 0 || Character.isWhitespace(query.charAt(i - 1)) || query.charAt(i - 1) == ')')
                    && (i + 6 == query.length() || Character.isWhitespace(query.charAt(i + 6)))
                    && i > 0) {
                return i;
            }
        }
        return -1;
    }
}

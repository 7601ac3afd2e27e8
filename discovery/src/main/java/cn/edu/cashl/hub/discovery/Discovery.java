package cn.edu.cashl.hub.discovery;

import cn.edu.cashl.hub.catalog.CatalogSearch;
import cn.edu.cashl.hub.catalog.CatalogSearch.FacetRequest;
import cn.edu.cashl.hub.catalog.CatalogSearch.SearchRequest;
import cn.edu.cashl.hub.catalog.CatalogSearch.SearchResult;
import cn.edu.cashl.hub.catalog.CatalogSearch.TermCount;
import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.catalog.StoreException;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.resolver.Match;
import cn.edu.cashl.hub.resolver.Resolution;
import cn.edu.cashl.hub.resolver.Resolver;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.v1.RecordType;
import cn.edu.cashl.hub.sru.cql.CqlParser;
import cn.edu.cashl.hub.sru.cql.CqlQuery;
import cn.edu.cashl.hub.sru.cql.CqlSyntaxException;
import cn.edu.cashl.hub.sru.diagnostic.SruException;
import cn.edu.cashl.hub.sru.query.CqlTranslator;
import cn.edu.cashl.hub.sru.query.SolrQueryText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader's search (docs/search.md): a {@link ReaderQuery} is said in CQL and translated by the
 * SRU endpoint's own translation, so the page, the widget, OpenSearch and SRU find the same records
 * for the same words; each record found is then answered for by the E-first resolver, as a reader
 * of the home library would be answered, for its availability at a glance.
 */
public final class Discovery {

    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

    /** Suggestions, at most: what a list under a search box shows. */
    public static final int MAX_SUGGESTIONS = 10;
    /** Typed text with fewer letters or digits gets no suggestions: a prefix of one letter names nothing. */
    static final int MIN_SUGGEST_LENGTH = 2;

    private final CatalogSearch search;
    private final Resolver resolver;

    public Discovery(CatalogSearch search, Resolver resolver) {
        this.search = search;
        this.resolver = resolver;
    }

    /** One page of results with the facets' counts; a search that cannot run says why. */
    public ResultPage search(ReaderQuery query) {
        SolrQueryText solr;
        try {
            solr = translate(query.cql());
        } catch (SruException e) {
            return ResultPage.failed(
                    query,
                    new SearchProblem(SearchProblem.Kind.QUERY, e.diagnostic().message()));
        }
        List<FacetRequest> facets = new ArrayList<>();
        for (Facet facet : Facet.values()) {
            facets.add(new FacetRequest(facet.field(), 0, facet.limit(), true));
        }
        long offset = query.offset();
        if (offset > Integer.MAX_VALUE - query.size()) {
            // Deeper than any catalogue: the count and facets, no records.
            return ResultPage.failed(query, null);
        }
        SearchResult result;
        try {
            result = search.search(new SearchRequest(
                    solr.query(), params(solr), query.sort().keys(), offset, null, query.size(), true, facets));
        } catch (StoreException e) {
            LOG.warn("a reader's search failed on the catalogue: {}", e.getMessage());
            return ResultPage.failed(query, new SearchProblem(SearchProblem.Kind.UNAVAILABLE, null));
        } catch (IllegalArgumentException e) {
            return ResultPage.failed(query, new SearchProblem(SearchProblem.Kind.QUERY, e.getMessage()));
        }
        List<Match> matches = new ArrayList<>();
        List<Instant> datestamps = new ArrayList<>();
        for (StoredRecord record : result.records()) {
            if (record.xml() != null) {
                matches.add(Match.of(record.id(), CashlRecords.get().bind(record.xml())));
                datestamps.add(record.datestamp());
            }
        }
        Map<Facet, List<TermCount>> counts = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            counts.put(facet, result.facets().getOrDefault(facet.field(), List.of()));
        }
        return new ResultPage(query, result.total(), hits(matches, datestamps, query.library()), counts, null);
    }

    /**
     * A master record for its page: the record, every way to it the resolver offers, and for a
     * journal how many of its articles the catalogue holds.
     *
     * @return empty when no live master record has this id
     * @throws StoreException when the catalogue cannot be read
     */
    public Optional<RecordView> record(String id, String library) {
        List<StoredRecord> found = search.search(new SearchRequest(
                        "{!term f=" + SearchFields.ID + " v=$id}",
                        Map.of("id", id),
                        List.of(),
                        0,
                        null,
                        1,
                        true,
                        List.of()))
                .records();
        if (found.isEmpty() || found.get(0).xml() == null) {
            return Optional.empty();
        }
        StoredRecord stored = found.get(0);
        Match match = Match.of(id, CashlRecords.get().bind(stored.xml()));
        Resolution resolution = resolver.resolveRecords(List.of(match), library).get(0);
        long articles = 0;
        RecordType type = match.record().getType();
        if (type == RecordType.JOURNAL || type == RecordType.EJOURNAL) {
            articles = search.search(new SearchRequest(
                            "{!term f=" + SearchFields.HOST_RECORD + " v=$journal}",
                            Map.of("journal", id),
                            List.of(),
                            0,
                            null,
                            0,
                            false,
                            List.of()))
                    .total();
        }
        return Optional.of(new RecordView(
                new Hit(id, stored.datestamp(), match.record(), Availability.of(resolution)), resolution, articles));
    }

    /**
     * Titles that complete what the reader has typed (OpenSearch suggestions): the titles of the
     * records whose title has every typed word, the last one as a prefix, best first, without
     * repeats.
     */
    public List<String> suggest(String typed, int count) {
        String text = typed == null ? "" : typed.strip();
        if (text.codePoints().filter(Character::isLetterOrDigit).count() < MIN_SUGGEST_LENGTH || count <= 0) {
            return List.of(); // masks and punctuation name nothing to complete
        }
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        // Truncating a Latin word completes it; CJK text is searched as typed (its words are not
        // separated by spaces, and the title field indexes it in pairs of characters).
        int last = text.codePointBefore(text.length());
        boolean complete = Character.isLetterOrDigit(last) && !isCjk(last);
        String words = complete ? text + "*" : text;
        SolrQueryText solr;
        try {
            solr = translate("dc.title all " + Cql.quote(words, true));
        } catch (SruException e) {
            return List.of(); // too short to truncate, or nothing but masks: no suggestion
        }
        Set<String> titles = new LinkedHashSet<>();
        try {
            for (StoredRecord record : search.search(new SearchRequest(
                            solr.query(), params(solr), List.of(), 0, null, count * 2, true, List.of()))
                    .records()) {
                if (record.xml() == null) {
                    continue;
                }
                var title = CashlRecords.get().bind(record.xml()).getTitle();
                if (title != null && title.getMain() != null) {
                    titles.add(title.getMain());
                }
                if (titles.size() == count) {
                    break;
                }
            }
        } catch (StoreException | IllegalArgumentException e) {
            return List.of(); // suggestions are a courtesy: none rather than an error under the box
        }
        return List.copyOf(titles);
    }

    private List<Hit> hits(List<Match> matches, List<Instant> datestamps, String library) {
        List<Resolution> answers = resolver.resolveRecords(matches, library);
        List<Hit> hits = new ArrayList<>(matches.size());
        for (int i = 0; i < matches.size(); i++) {
            Match match = matches.get(i);
            hits.add(new Hit(match.id(), datestamps.get(i), match.record(), Availability.of(answers.get(i))));
        }
        return hits;
    }

    private static SolrQueryText translate(String cql) throws SruException {
        CqlQuery query;
        try {
            query = CqlParser.parse(cql);
        } catch (CqlSyntaxException e) {
            // The reader's words are always quoted: a syntax error here is the hub's, not theirs.
            throw new IllegalStateException("the search page wrote CQL it cannot parse: " + cql, e);
        }
        return CqlTranslator.translate(query, id -> null);
    }

    private static Map<String, String> params(SolrQueryText solr) {
        Map<String, String> params = new HashMap<>(CqlTranslator.commonParams());
        params.putAll(solr.params());
        return params;
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }
}

package cn.edu.cashl.hub.resolver;

import cn.edu.cashl.hub.catalog.CatalogSearch;
import cn.edu.cashl.hub.catalog.CatalogSearch.SearchRequest;
import cn.edu.cashl.hub.catalog.Hosts;
import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.catalog.StandardNumbers;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.openurl.OpenUrlRequest;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Host;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the master records a citation names (docs/efirst.md, "Finding the title"): by its
 * identifiers first (DOI, when the catalogue has article records; print and online ISSNs; ISBNs),
 * in one query; an article found by its DOI brings the journal it is part of (by the host's ISSN,
 * else its title), whose holdings are the ones that count. Only when no identifier finds anything,
 * by the journal's or book's title: the words as a phrase, then only the records whose title is
 * the cited one, leading article, case, accents and punctuation aside; at most
 * {@link #MAX_TITLE_MATCHES}.
 *
 * <p>Every user-supplied value reaches Solr as a parameter of a {@code term} or {@code field}
 * query, never as query syntax.
 */
public final class CatalogLookup {

    /** Master records found by identifiers, at most: a title's print, online and merged editions. */
    static final int MAX_MATCHES = 10;

    /** Records a title phrase brings, at most, before the exact-title check. */
    static final int TITLE_CANDIDATES = 20;

    /** Records found by title, at most: more is a title too common to name one work. */
    static final int MAX_TITLE_MATCHES = 5;

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(the|a|an) ");

    private final CatalogSearch search;

    public CatalogLookup(CatalogSearch search) {
        this.search = search;
    }

    /**
     * The records found, and how, for the explanation.
     *
     * @param matches the master records, the journals of articles found by DOI after their articles
     * @param notes   how they were found
     */
    public record Found(List<Match> matches, List<String> notes) {

        public Found {
            matches = List.copyOf(matches);
            notes = List.copyOf(notes);
        }
    }

    /** @throws cn.edu.cashl.hub.catalog.StoreException when the catalogue cannot answer */
    public Found find(OpenUrlRequest request) {
        Map<String, Match> found = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (request.record() != null) {
            // A record of the hub itself (a reader on its record page): that one, and for an
            // article the journal whose holdings count.
            Query byRecord = new Query();
            byRecord.term(SearchFields.ID, request.record());
            List<Match> records = byRecord.run(1);
            records.forEach(m -> found.putIfAbsent(m.id(), m));
            notes.add(records.isEmpty() ? "no record " + request.record() : "the hub's record " + request.record());
            containers(records, found, notes);
        }
        Query byIdentifier = new Query();
        if (request.doi() != null) {
            // The DOI field; the identifier field for master records written before it existed.
            byIdentifier.term(SearchFields.DOI, StandardNumbers.doiKey(request.doi()));
            byIdentifier.term(SearchFields.IDENTIFIER, StandardNumbers.doiKey(request.doi()));
        }
        request.issns().forEach(issn -> byIdentifier.term(SearchFields.ISSN, StandardNumbers.issnKey(issn)));
        request.isbns().forEach(isbn -> byIdentifier.term(SearchFields.ISBN, StandardNumbers.isbnKey(isbn)));
        if (found.isEmpty() && !byIdentifier.isEmpty()) {
            List<Match> matches = byIdentifier.run(MAX_MATCHES);
            matches.forEach(m -> found.putIfAbsent(m.id(), m));
            notes.add(
                    matches.isEmpty()
                            ? "no record has the citation's " + identifiers(request)
                            : matches.size() + " record(s) found by the citation's " + identifiers(request));
            containers(matches, found, notes);
        }
        if (found.isEmpty() && request.containerTitle() != null) {
            List<Match> titled = byTitle(request.containerTitle(), request.genre());
            titled.forEach(m -> found.putIfAbsent(m.id(), m));
            notes.add(
                    titled.isEmpty()
                            ? "no record has the title '" + request.containerTitle() + "'"
                            : titled.size() + " record(s) found by the title '" + request.containerTitle() + "'");
        }
        return new Found(found.values().stream().limit(MAX_MATCHES).toList(), notes);
    }

    /**
     * Master records by id, in one query (at most {@code ids.size()}): the journals of a page of
     * articles.
     *
     * @throws cn.edu.cashl.hub.catalog.StoreException when the catalogue cannot answer
     */
    public Map<String, Match> byIds(Collection<String> ids) {
        Map<String, Match> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Query query = new Query();
        ids.forEach(id -> query.term(SearchFields.ID, id));
        query.run(ids.size()).forEach(m -> found.put(m.id(), m));
        return found;
    }

    /**
     * The journals that articles found are part of: the journal's master record the union catalogue
     * linked ({@code isPartOf/@record}), else the records of any of the journal's ISSNs (print,
     * online, ISSN-L), else of its title.
     */
    private void containers(List<Match> matches, Map<String, Match> found, List<String> notes) {
        Query byHost = new Query();
        List<String> hostTitles = new ArrayList<>();
        for (Match match : matches) {
            Host host = match.record().getIsPartOf();
            if (host == null) {
                continue;
            }
            if (host.getRecord() != null) {
                byHost.term(SearchFields.ID, host.getRecord());
                continue;
            }
            List<String> issns = Hosts.issns(host);
            issns.forEach(issn -> byHost.term(SearchFields.ISSN, StandardNumbers.issnKey(issn)));
            if (issns.isEmpty() && host.getTitle() != null) {
                hostTitles.add(host.getTitle());
            }
        }
        List<Match> journals = new ArrayList<>();
        if (!byHost.isEmpty()) {
            journals.addAll(byHost.run(MAX_MATCHES));
        }
        for (String title : hostTitles) {
            journals.addAll(byTitle(title, "article"));
        }
        journals.forEach(m -> found.putIfAbsent(m.id(), m));
        if (!journals.isEmpty()) {
            notes.add(
                    "the article's journal: " + journals.stream().map(Match::id).toList());
        }
    }

    private List<Match> byTitle(String title, String genre) {
        String wanted = normalise(title);
        if (wanted.isEmpty()) {
            return List.of();
        }
        Query query = new Query();
        query.phrase(SearchFields.TITLE_TEXT, title);
        List<Match> titled = new ArrayList<>();
        for (Match candidate : query.run(TITLE_CANDIDATES, typesFor(genre))) {
            if (titles(candidate.record()).contains(wanted)) {
                titled.add(candidate);
            }
        }
        return titled.stream().limit(MAX_TITLE_MATCHES).toList();
    }

    /** The record types a citation of this genre can be found as: an article's journal, a chapter's book. */
    private static List<String> typesFor(String genre) {
        if (genre == null) {
            return List.of();
        }
        return switch (genre) {
            case "article", "journal", "issue", "proceeding", "conference", "preprint" ->
                List.of("journal", "ejournal");
            case "book", "bookitem", "report", "document" -> List.of("book", "ebook");
            default -> List.of();
        };
    }

    /** A record's titles as compared with a cited one: the title, with its subtitle, and its variants. */
    private static Set<String> titles(CashlRecord record) {
        Set<String> titles = new LinkedHashSet<>();
        if (record.getTitle() != null && record.getTitle().getMain() != null) {
            titles.add(normalise(record.getTitle().getMain()));
            if (record.getTitle().getSub() != null) {
                titles.add(normalise(
                        record.getTitle().getMain() + " " + record.getTitle().getSub()));
            }
        }
        record.getVariantTitle().forEach(v -> titles.add(normalise(v.getValue())));
        return titles;
    }

    /** A title for comparison: folded (case, accents, width), words only, without a leading English article. */
    static String normalise(String title) {
        String words = NOT_WORD.matcher(SearchFields.fold(title).replace("&", " and "))
                .replaceAll(" ")
                .strip();
        return LEADING_ARTICLE.matcher(words).replaceFirst("");
    }

    private static String identifiers(OpenUrlRequest request) {
        List<String> named = new ArrayList<>();
        if (request.doi() != null) {
            named.add("DOI " + request.doi());
        }
        request.issns().forEach(issn -> named.add("ISSN " + issn));
        request.isbns().forEach(isbn -> named.add("ISBN " + isbn));
        return String.join(", ", named);
    }

    /** A disjunction of term and phrase queries whose values are all parameters. */
    private final class Query {
        private final List<String> clauses = new ArrayList<>();
        private final Map<String, String> params = new LinkedHashMap<>();

        void term(String field, String value) {
            if (value != null && !value.isBlank()) {
                clauses.add("{!term f=" + field + " v=" + param(value) + "}");
            }
        }

        void phrase(String field, String words) {
            clauses.add("{!field f=" + field + " v=" + param(words) + "}");
        }

        boolean isEmpty() {
            return clauses.isEmpty();
        }

        List<Match> run(int rows) {
            return run(rows, List.of());
        }

        /** The records found, of these types when any are given (the types are ours, not the reader's). */
        List<Match> run(int rows, List<String> types) {
            String query = clauses.size() == 1 ? clauses.get(0) : "(" + String.join(" OR ", clauses) + ")";
            if (!types.isEmpty()) {
                query = "+" + query + " +" + SearchFields.TYPE + ":(" + String.join(" OR ", types) + ")";
            }
            List<Match> matches = new ArrayList<>();
            for (StoredRecord record : search.search(
                            new SearchRequest(query, params, List.of(), 0, null, rows, true, List.of()))
                    .records()) {
                if (record.xml() != null) {
                    matches.add(Match.of(record.id(), CashlRecords.get().bind(record.xml())));
                }
            }
            return matches;
        }

        private String param(String value) {
            String name = "r" + (params.size() + 1);
            params.put(name, value);
            return "$" + name;
        }
    }
}

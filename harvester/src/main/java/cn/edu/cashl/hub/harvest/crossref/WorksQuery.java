package cn.edu.cashl.hub.harvest.crossref;

import cn.edu.cashl.hub.source.JournalList;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a Crossref source asks the REST API for: the works of a journal list's ISSNs, updated since a
 * day (or all of them), a page of {@code rows} works at a time, walked with a cursor:
 *
 * <pre>{@code GET {url}?filter=issn:0097-7004,issn:1552-6836,...,from-update-date:2026-12-06&rows=500&cursor=*&mailto=...}</pre>
 *
 * <p>Crossref ORs repeated {@code issn} filters, so one request covers many journals; the ISSNs are
 * split into queries of at most {@value #ISSNS_PER_QUERY}, so that a list of thousands of journals
 * still makes URLs of a reasonable length (about a thousand characters). A journal's ISSNs stay in one
 * query: its works, which carry its print and online ISSN alike, then come once, not once per query.
 * Immutable.
 */
public final class WorksQuery {

    /** The most ISSNs one query filters on. */
    public static final int ISSNS_PER_QUERY = 50;
    /** The first cursor of every walk. */
    public static final String FIRST_CURSOR = "*";

    private final String url;
    private final String listId;
    private final List<List<String>> queries;
    private final LocalDate fromUpdateDate;
    private final int rows;
    private final String mailto;

    private WorksQuery(
            String url, String listId, List<List<String>> queries, LocalDate fromUpdateDate, int rows, String mailto) {
        this.url = url;
        this.listId = listId;
        this.queries = queries;
        this.fromUpdateDate = fromUpdateDate;
        this.rows = rows;
        this.mailto = mailto;
    }

    /**
     * @param url            the works route, e.g. {@code https://api.crossref.org/works}
     * @param journals       whose works: every ISSN of every journal
     * @param fromUpdateDate the first day of updates asked for (Crossref's filter includes it); null
     *                       for every work
     * @param rows           works per page (Crossref allows 1 to 1,000)
     * @param mailto         the contact address for Crossref's polite pool; null for none
     */
    public static WorksQuery of(String url, JournalList journals, LocalDate fromUpdateDate, int rows, String mailto) {
        if (rows < 1 || rows > 1000) {
            throw new IllegalArgumentException("rows must be between 1 and 1000, not " + rows);
        }
        return new WorksQuery(
                url.strip(),
                journals.id(),
                split(journals),
                fromUpdateDate,
                rows,
                mailto == null || mailto.isBlank() ? null : mailto.strip());
    }

    /** The journals' ISSNs in queries, a journal never split, an ISSN two journals claim asked for once. */
    private static List<List<String>> split(JournalList journals) {
        List<List<String>> queries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> current = new ArrayList<>();
        for (JournalList.Journal journal : journals.journals()) {
            List<String> issns = journal.issns().stream().filter(seen::add).toList();
            if (!current.isEmpty() && current.size() + issns.size() > ISSNS_PER_QUERY) {
                queries.add(List.copyOf(current));
                current = new ArrayList<>();
            }
            current.addAll(issns);
        }
        if (!current.isEmpty()) {
            queries.add(List.copyOf(current));
        }
        return List.copyOf(queries);
    }

    /** The number of queries the list's ISSNs make (each walked with its own cursor). */
    public int queries() {
        return queries.size();
    }

    /** The ISSNs of one query, 0 first. */
    public List<String> issns(int query) {
        return queries.get(query);
    }

    /** Every ISSN asked for. */
    public int issnCount() {
        return queries.stream().mapToInt(List::size).sum();
    }

    public String listId() {
        return listId;
    }

    /** The first day of updates asked for; null when every work is. */
    public LocalDate fromUpdateDate() {
        return fromUpdateDate;
    }

    public int rows() {
        return rows;
    }

    /** The same query with another page size (the onboarding check's small sample). */
    public WorksQuery withRows(int value) {
        if (value < 1 || value > 1000) {
            throw new IllegalArgumentException("rows must be between 1 and 1000, not " + value);
        }
        return new WorksQuery(url, listId, queries, fromUpdateDate, value, mailto);
    }

    /**
     * A short fingerprint of the ISSNs and how they are split: a checkpoint taken under another one
     * (the list changed while a run was interrupted) does not say where a run is.
     */
    public String fingerprint() {
        return String.format("%08x", queries.hashCode());
    }

    /** The request for one page of a query: {@code cursor} is {@value #FIRST_CURSOR} or the last page's next cursor. */
    public URI page(int query, String cursor) {
        List<String> filters = new ArrayList<>();
        issns(query).forEach(issn -> filters.add("issn:" + issn));
        if (fromUpdateDate != null) {
            filters.add("from-update-date:" + fromUpdateDate);
        }
        StringBuilder uri = new StringBuilder(url)
                .append(url.contains("?") ? '&' : '?')
                .append("filter=")
                .append(encode(String.join(",", filters)))
                .append("&rows=")
                .append(rows)
                .append("&cursor=")
                .append(encode(cursor));
        if (mailto != null) {
            uri.append("&mailto=").append(encode(mailto));
        }
        return URI.create(uri.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return url;
    }
}

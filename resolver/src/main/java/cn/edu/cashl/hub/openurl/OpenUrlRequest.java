package cn.edu.cashl.hub.openurl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citation as an OpenURL states it, whichever version the source speaks: OpenURL 1.0 KEV
 * (Z39.88-2004: {@code rft.*} metadata, {@code rft_id} identifiers, {@code rfr_id}, {@code req_id}),
 * OpenURL 0.1 ({@code genre}, {@code issn}, {@code title}, {@code id=doi:...}, {@code sid}), or both
 * at once, as real sources send them (a 1.0 key wins over its 0.1 twin).
 *
 * @param version          {@code 1.0}, {@code 0.1}, or {@code mixed}
 * @param genre            {@code article}, {@code journal}, {@code book}, {@code bookitem}... (lower case), or null
 * @param articleTitle     the article's or chapter's title
 * @param containerTitle   the journal's or book's title
 * @param issns            ISSNs as sent (print and electronic), in order
 * @param isbns            ISBNs as sent
 * @param doi              the DOI without a prefix, or null
 * @param pmid             the PubMed id, or null
 * @param date             the date as sent ({@code 2005}, {@code 20170101})
 * @param volume           volume
 * @param issue            issue
 * @param startPage        first page (or article number)
 * @param author           the first author's last name, or the whole author string
 * @param referrer         who sent the reader ({@code rfr_id} or {@code sid}), or null
 * @param library          the reader's home library ({@code library=}, {@code req_id}), or null
 * @param notes            what was repaired or ignored on the way, for the explanation
 * @param record           the hub's own master record the request names ({@code rft_id=info:oai/} with the
 *                         record's OAI-PMH identifier, as the hub's record pages link), or null
 */
public record OpenUrlRequest(
        String version,
        String genre,
        String articleTitle,
        String containerTitle,
        List<String> issns,
        List<String> isbns,
        String doi,
        String pmid,
        String date,
        String volume,
        String issue,
        String startPage,
        String author,
        String referrer,
        String library,
        List<String> notes,
        String record) {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{[^}]*}}");
    private static final Pattern DOI = Pattern.compile("(10\\.\\d{4,9}/\\S+)");

    public OpenUrlRequest {
        issns = List.copyOf(issns);
        isbns = List.copyOf(isbns);
        notes = List.copyOf(notes);
    }

    /**
     * A request for the hub's own master record from a reader of this home library (null for
     * none): what a link from the hub's search and record pages sends, before
     * {@link #completedBy} adds the record's citation.
     */
    public static OpenUrlRequest forRecord(String record, String library) {
        return new OpenUrlRequest(
                "1.0", null, null, null, List.of(), List.of(), null, null, null, null, null, null, null, null, library,
                List.of(), record);
    }

    /** Reads a query string or form body. */
    public static OpenUrlRequest parse(String query) {
        return of(KevParameters.parse(query));
    }

    public static OpenUrlRequest of(KevParameters kev) {
        List<String> notes = new ArrayList<>(kev.repairs());
        boolean v10 = "Z39.88-2004".equals(kev.first("url_ver"))
                || "Z39.88-2004".equals(kev.first("ctx_ver"))
                || kev.keys().stream().anyMatch(k -> k.startsWith("rft.") || k.equals("rft_id"));
        boolean v01 = kev.keys().stream().anyMatch(OpenUrlRequest::isVersion01Key);
        String version = v10 && v01 ? "mixed" : v10 ? "1.0" : "0.1";
        Fields fields = new Fields(kev, notes);

        Set<String> issns = new LinkedHashSet<>();
        Set<String> isbns = new LinkedHashSet<>();
        String doi = null;
        String pmid = null;
        String record = null;
        for (String id : fields.all("rft_id", "id")) {
            String lower = id.toLowerCase(Locale.ROOT);
            if (lower.startsWith("info:oai/oai:") && record == null) {
                record = hubRecord(id.substring("info:oai/".length()));
                if (record == null) {
                    notes.add("identifier '" + id + "' is no OAI-PMH identifier of a record");
                }
            } else if (lower.startsWith("info:doi/") || lower.startsWith("doi:") || lower.contains("doi.org/")) {
                doi = doi != null ? doi : doi(id);
            } else if (lower.startsWith("info:pmid/") || lower.startsWith("pmid:")) {
                pmid = pmid != null ? pmid : id.substring(id.indexOf(lower.startsWith("pmid:") ? ':' : '/') + 1);
            } else if (lower.startsWith("urn:isbn:")) {
                isbns.add(id.substring(9));
            } else if (lower.startsWith("urn:issn:")) {
                issns.add(id.substring(9));
            } else {
                notes.add("identifier '" + id + "' not used");
            }
        }
        if (doi == null && fields.first("rft.doi") != null) {
            doi = doi(fields.first("rft.doi"));
        }
        issns.addAll(fields.all("rft.issn", "issn", "rft.eissn", "eissn"));
        isbns.addAll(fields.all("rft.isbn", "isbn", "rft.eisbn"));
        String genre = fields.first("rft.genre", "genre");
        String author = fields.first("rft.aulast", "aulast");
        if (author == null) {
            author = fields.first("rft.au", "au", "rft.aucorp");
        }
        String library = fields.first("library", "req_id");
        return new OpenUrlRequest(
                version,
                genre == null ? null : genre.toLowerCase(Locale.ROOT),
                fields.first("rft.atitle", "atitle"),
                fields.first("rft.jtitle", "rft.btitle", "rft.title", "title", "rft.stitle", "stitle"),
                List.copyOf(issns),
                List.copyOf(isbns),
                doi,
                pmid,
                fields.first("rft.date", "date"),
                fields.first("rft.volume", "volume"),
                fields.first("rft.issue", "issue"),
                fields.first("rft.spage", "spage", "rft.artnum", "artnum"),
                author,
                fields.first("rfr_id", "sid"),
                library,
                notes,
                record);
    }

    /**
     * The record id of an OAI-PMH identifier {@code oai:<repositoryIdentifier>:<record id>}: the
     * repository identifier is a domain name, without colons, and the record id may have some.
     */
    private static String hubRecord(String oaiIdentifier) {
        int first = oaiIdentifier.indexOf(':');
        int second = oaiIdentifier.indexOf(':', first + 1);
        return second < 0 || second == oaiIdentifier.length() - 1 ? null : oaiIdentifier.substring(second + 1);
    }

    /**
     * The request with what it leaves out taken from the record it names: a reader on the hub's
     * record page of an article sends only the record, and the coverage of the journal's holdings
     * and the ILL hand-off need the article's citation. What the request says stays.
     */
    public OpenUrlRequest completedBy(
            String recordGenre,
            String recordArticleTitle,
            String recordContainerTitle,
            List<String> recordIssns,
            String recordDoi,
            String recordDate,
            String recordVolume,
            String recordIssue,
            String recordStartPage) {
        return new OpenUrlRequest(
                version,
                genre != null ? genre : recordGenre,
                articleTitle != null ? articleTitle : recordArticleTitle,
                containerTitle != null ? containerTitle : recordContainerTitle,
                issns.isEmpty() ? recordIssns : issns,
                isbns,
                doi != null ? doi : recordDoi,
                pmid,
                date != null ? date : recordDate,
                volume != null ? volume : recordVolume,
                issue != null ? issue : recordIssue,
                startPage != null ? startPage : recordStartPage,
                author,
                referrer,
                library,
                notes,
                record);
    }

    /** Whether the request says anything the hub could look for. */
    public boolean identifiesSomething() {
        return !issns.isEmpty()
                || record != null
                || !isbns.isEmpty()
                || doi != null
                || pmid != null
                || containerTitle != null
                || articleTitle != null;
    }

    /**
     * The citation as an OpenURL 1.0 KEV (Z39.88-2004, the journal or book format by its genre), for
     * an onward request to another system (an interlibrary-loan form): what was understood, not the
     * request as sent, so that a repaired request goes on repaired. Without the leading {@code ?}.
     *
     * @param referrer the {@code rfr_id} to send (who passes the reader on), or null
     */
    public String kev(String referrer) {
        boolean book = genre != null && (genre.equals("book") || genre.equals("bookitem"));
        StringBuilder kev =
                new StringBuilder("url_ver=Z39.88-2004&ctx_ver=Z39.88-2004&ctx_enc=info%3Aofi%2Fenc%3AUTF-8");
        append(kev, "rfr_id", referrer);
        append(kev, "rft_val_fmt", book ? "info:ofi/fmt:kev:mtx:book" : "info:ofi/fmt:kev:mtx:journal");
        append(kev, "rft.genre", genre);
        append(kev, "rft.atitle", articleTitle);
        append(kev, book ? "rft.btitle" : "rft.jtitle", containerTitle);
        append(kev, "rft.au", author);
        issns.forEach(issn -> append(kev, "rft.issn", issn));
        isbns.forEach(isbn -> append(kev, "rft.isbn", isbn));
        append(kev, "rft.date", date);
        append(kev, "rft.volume", volume);
        append(kev, "rft.issue", issue);
        append(kev, "rft.spage", startPage);
        append(kev, "rft_id", doi == null ? null : "info:doi/" + doi);
        append(kev, "rft_id", pmid == null ? null : "info:pmid/" + pmid);
        return kev.toString();
    }

    private static void append(StringBuilder kev, String key, String value) {
        if (value != null && !value.isBlank()) {
            kev.append('&').append(key).append('=').append(KevParameters.encode(value.strip()));
        }
    }

    private static boolean isVersion01Key(String key) {
        return switch (key) {
            case "genre",
                    "issn",
                    "eissn",
                    "isbn",
                    "title",
                    "atitle",
                    "stitle",
                    "aulast",
                    "aufirst",
                    "volume",
                    "issue",
                    "spage",
                    "epage",
                    "date",
                    "sid",
                    "id",
                    "pid" -> true;
            default -> false;
        };
    }

    private static String doi(String value) {
        Matcher matcher = DOI.matcher(value);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Values by their 1.0 key first, then their 0.1 twin; template leftovers dropped with a note. */
    private record Fields(KevParameters kev, List<String> notes) {

        String first(String... keys) {
            for (String key : keys) {
                for (String value : kev.all(key)) {
                    String usable = usable(key, value);
                    if (usable != null) {
                        return usable;
                    }
                }
            }
            return null;
        }

        List<String> all(String... keys) {
            List<String> values = new ArrayList<>();
            for (String key : keys) {
                kev.all(key).stream()
                        .map(v -> usable(key, v))
                        .filter(Objects::nonNull)
                        .forEach(values::add);
            }
            return values;
        }

        private String usable(String key, String value) {
            if (TEMPLATE.matcher(value).find()) {
                notes.add(key + " holds an unfilled template '" + value + "': ignored");
                return null;
            }
            return value;
        }
    }
}

package cn.edu.cashl.hub.sru.query;

import static cn.edu.cashl.hub.sru.query.IndexKind.ALL_RECORDS;
import static cn.edu.cashl.hub.sru.query.IndexKind.CODE;
import static cn.edu.cashl.hub.sru.query.IndexKind.DATE;
import static cn.edu.cashl.hub.sru.query.IndexKind.ISBN;
import static cn.edu.cashl.hub.sru.query.IndexKind.ISSN;
import static cn.edu.cashl.hub.sru.query.IndexKind.NUMBER;
import static cn.edu.cashl.hub.sru.query.IndexKind.RESULT_SET;
import static cn.edu.cashl.hub.sru.query.IndexKind.SERVER_CHOICE;
import static cn.edu.cashl.hub.sru.query.IndexKind.TEXT;
import static cn.edu.cashl.hub.sru.query.IndexKind.WORDS;

import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.sru.diagnostic.SruException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The context sets and indexes the hub answers, each mapped onto the catalogue's search fields.
 * Explain lists exactly these; the translation accepts exactly these. Index and prefix names are
 * case-insensitive, as CQL has them.
 */
public final class IndexCatalog {

    /** Unprefixed index names resolve in this set (CQL leaves the default to the server). */
    public static final ContextSet DEFAULT_SET = ContextSet.CASHL;

    public static final List<ContextSet> SETS =
            List.of(ContextSet.CQL, ContextSet.DC, ContextSet.BATH, ContextSet.REC, ContextSet.CASHL);

    private static final List<SruIndex> INDEXES = indexes();
    private static final Map<String, SruIndex> BY_NAME = byName();

    private IndexCatalog() {}

    public static List<SruIndex> all() {
        return INDEXES;
    }

    /**
     * The index a query names.
     *
     * @param name     as written: {@code title}, {@code dc.title}, {@code foo.title}
     * @param prefixes the prefix assignments in scope, innermost last: prefix (lower-cased, "" for
     *                 the default set) to identifier
     * @throws SruException 15 for a prefix bound to no set the hub knows, 16 for an unknown index
     */
    public static SruIndex resolve(String name, Map<String, String> prefixes) throws SruException {
        int dot = name.lastIndexOf('.');
        String prefix = dot < 0 ? "" : name.substring(0, dot).toLowerCase(Locale.ROOT);
        String local = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        ContextSet set = contextSet(prefix, prefixes)
                .orElseThrow(() -> SruException.of(
                        15,
                        prefix,
                        prefix.isEmpty()
                                ? "the default context set is bound to an unknown identifier"
                                : "prefix " + prefix + " names no context set this server supports"));
        SruIndex index = BY_NAME.get(set.prefix() + "." + local);
        if (index == null) {
            throw SruException.of(
                    16,
                    name,
                    "the " + set.prefix() + " context set has no index " + local + " on this server (see explain)");
        }
        return index;
    }

    private static Optional<ContextSet> contextSet(String prefix, Map<String, String> prefixes) {
        String identifier = prefixes.get(prefix);
        if (identifier != null) {
            return SETS.stream()
                    .filter(s -> s.identifier().equalsIgnoreCase(identifier))
                    .findFirst();
        }
        if (prefix.isEmpty()) {
            return Optional.of(DEFAULT_SET);
        }
        // "srw" is CQL 1.1's name for the cql set (srw.serverChoice); old clients still send it.
        String known = prefix.equals("srw") ? "cql" : prefix;
        return SETS.stream().filter(s -> s.prefix().equals(known)).findFirst();
    }

    private static List<SruIndex> indexes() {
        List<SruIndex> all = new ArrayList<>();
        ContextSet cql = ContextSet.CQL;
        all.add(new SruIndex(
                cql,
                "serverChoice",
                "Title, creator, subject, identifiers, every other word (abstracts, keywords), ranked by relevance",
                SERVER_CHOICE,
                SearchFields.ANY_TEXT,
                null,
                null));
        for (String name : List.of("anywhere", "allIndexes", "anyIndexes", "keywords")) {
            all.add(new SruIndex(cql, name, "Every word of the record", WORDS, SearchFields.ANY_TEXT, null, null));
        }
        all.add(new SruIndex(cql, "allRecords", "All records", ALL_RECORDS, null, null, null));
        all.add(new SruIndex(cql, "resultSetId", "The records of an earlier result set", RESULT_SET, null, null, null));

        for (ContextSet set : List.of(ContextSet.DC, ContextSet.CASHL)) {
            all.add(title(set));
            all.add(creator(set, "creator"));
            all.add(subject(set));
            all.add(new SruIndex(
                    set,
                    "publisher",
                    "Publisher",
                    TEXT,
                    SearchFields.PUBLISHER_TEXT,
                    SearchFields.PUBLISHER_KEY,
                    null));
            all.add(new SruIndex(
                    set, "language", "Language (ISO 639-2/B code)", CODE, null, SearchFields.LANGUAGE, null));
            all.add(new SruIndex(
                    set,
                    "type",
                    "Record type (book, journal, article, ebook, ejournal, other)",
                    CODE,
                    null,
                    SearchFields.TYPE,
                    null));
            all.add(new SruIndex(
                    set,
                    "identifier",
                    "Any identifier: ISBN, ISSN, OCLC, LCCN, DOI, local",
                    CODE,
                    null,
                    SearchFields.IDENTIFIER,
                    null));
        }
        all.add(creator(ContextSet.DC, "contributor"));
        all.add(new SruIndex(
                ContextSet.DC, "date", "Year of publication", NUMBER, null, SearchFields.YEAR, SearchFields.YEAR));
        all.add(new SruIndex(
                ContextSet.DC, "description", "Every word of the record", WORDS, SearchFields.ANY_TEXT, null, null));

        ContextSet cashl = ContextSet.CASHL;
        all.add(new SruIndex(cashl, "year", "Year of publication", NUMBER, null, SearchFields.YEAR, SearchFields.YEAR));
        all.add(new SruIndex(
                cashl, "series", "Series or host title (words)", WORDS, SearchFields.SERIES_TEXT, null, null));
        all.add(new SruIndex(cashl, "library", "Holding library (code)", CODE, null, SearchFields.LIBRARY, null));
        all.add(new SruIndex(cashl, "form", "Holding form: print or electronic", CODE, null, SearchFields.FORM, null));
        all.add(new SruIndex(
                cashl,
                "access",
                "Access: online (an electronic holding), openAccess (an open-access one), print (a print holding)",
                CODE,
                null,
                SearchFields.ACCESS,
                null));
        all.add(new SruIndex(
                cashl,
                "classification",
                "Classification number (LCC, DDC, CLC...)",
                CODE,
                null,
                SearchFields.CLASSIFICATION,
                null));
        all.add(new SruIndex(cashl, "isbn", "ISBN (10 or 13 digits)", ISBN, null, SearchFields.ISBN, null));
        all.add(new SruIndex(
                cashl,
                "issn",
                "ISSN of the record itself (a journal, not its articles)",
                ISSN,
                null,
                SearchFields.ISSN,
                null));
        all.add(new SruIndex(
                cashl,
                "doi",
                "DOI (with or without https://doi.org/ or doi:, case ignored)",
                CODE,
                null,
                SearchFields.DOI,
                null));
        all.add(new SruIndex(
                cashl,
                "journal",
                "Title of the journal an article is in",
                TEXT,
                SearchFields.JOURNAL_TEXT,
                SearchFields.JOURNAL_KEY,
                SearchFields.JOURNAL_KEY));
        all.add(new SruIndex(
                cashl, "volume", "Volume of the journal an article is in", CODE, null, SearchFields.VOLUME, null));
        all.add(new SruIndex(
                cashl, "issue", "Issue of the journal an article is in", CODE, null, SearchFields.ISSUE, null));
        all.add(new SruIndex(
                cashl,
                "journalRecord",
                "The master record of the journal an article is in (its id)",
                CODE,
                null,
                SearchFields.HOST_RECORD,
                null));

        ContextSet bath = ContextSet.BATH;
        all.add(new SruIndex(bath, "isbn", "ISBN (10 or 13 digits)", ISBN, null, SearchFields.ISBN, null));
        all.add(new SruIndex(
                bath,
                "issn",
                "ISSN of the record or of the journal it is in (print, online, ISSN-L): a journal and its articles",
                ISSN,
                null,
                SearchFields.ISSN,
                null,
                List.of(SearchFields.HOST_ISSN)));
        all.add(new SruIndex(
                bath, "possessingInstitution", "Holding library (code)", CODE, null, SearchFields.LIBRARY, null));
        all.add(creator(bath, "name"));
        all.add(subject(bath, "topicalSubject"));
        all.add(new SruIndex(bath, "any", "Every word of the record", WORDS, SearchFields.ANY_TEXT, null, null));

        ContextSet rec = ContextSet.REC;
        all.add(new SruIndex(
                rec, "identifier", "The master record's id", CODE, null, SearchFields.ID, SearchFields.ID));
        all.add(new SruIndex(
                rec,
                "lastModificationDate",
                "When the master record last changed (ISO 8601)",
                DATE,
                null,
                SearchFields.DATESTAMP,
                SearchFields.DATESTAMP));
        return List.copyOf(all);
    }

    private static SruIndex title(ContextSet set) {
        return new SruIndex(
                set,
                "title",
                "Title, subtitle and variant titles",
                TEXT,
                SearchFields.TITLE_TEXT,
                SearchFields.TITLE_KEY,
                SearchFields.TITLE_SORT);
    }

    private static SruIndex creator(ContextSet set, String name) {
        return new SruIndex(
                set,
                name,
                "Author or other contributor",
                TEXT,
                SearchFields.CREATOR_TEXT,
                SearchFields.CREATOR_KEY,
                SearchFields.CREATOR_SORT);
    }

    private static SruIndex subject(ContextSet set) {
        return subject(set, "subject");
    }

    private static SruIndex subject(ContextSet set, String name) {
        return new SruIndex(
                set, name, "Subject heading", TEXT, SearchFields.SUBJECT_TEXT, SearchFields.SUBJECT_KEY, null);
    }

    private static Map<String, SruIndex> byName() {
        Map<String, SruIndex> map = new LinkedHashMap<>();
        INDEXES.forEach(
                index -> map.put(index.set().prefix() + "." + index.name().toLowerCase(Locale.ROOT), index));
        return map;
    }
}

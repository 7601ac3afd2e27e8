package cn.edu.cashl.hub.catalog;

import com.ibm.icu.text.Normalizer2;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;

/**
 * The search fields of master records, as the configset's schema.xml declares them, and the one
 * folding that makes whole-value keys match regardless of case and accents.
 *
 * <p>Three kinds of field: {@code *_text} holds words (the Solr analyser folds them);
 * {@code *_key} holds whole values folded by {@link #fold}, for exact matches, string ranges, scan
 * and sorting; {@code *_facet} and the plain code fields hold values as catalogued. The folding is
 * the ICU folding the analyser applies (UTR #30: case, accents, width, compatibility forms), so a
 * term folded here and a word folded by Solr agree.
 */
public final class SearchFields {

    public static final String TITLE_TEXT = "title_text";
    public static final String CREATOR_TEXT = "creator_text";
    public static final String SUBJECT_TEXT = "subject_text";
    public static final String PUBLISHER_TEXT = "publisher_text";
    public static final String SERIES_TEXT = "series_text";
    /** Every word of the record: the text fields by copyField, plus description, edition, notes. */
    public static final String ANY_TEXT = "any_text";

    public static final String TITLE_KEY = "title_key";
    public static final String CREATOR_KEY = "creator_key";
    public static final String SUBJECT_KEY = "subject_key";
    public static final String PUBLISHER_KEY = "publisher_key";
    public static final String TITLE_SORT = "title_sort";
    public static final String CREATOR_SORT = "creator_sort";
    public static final String SUBJECT_FACET = "subject_facet";
    /** ISBNs as {@link StandardNumbers#isbnKey}: the ISBN-13 of a valid one. */
    public static final String ISBN = "isbn";
    /** ISSNs as {@link StandardNumbers#issnKey}. */
    public static final String ISSN = "issn";
    /** Every identifier, folded: ISBNs, ISSNs, OCLC, LCCN, DOI and the sources' local ids. */
    public static final String IDENTIFIER = "identifier";

    public static final String CLASSIFICATION = "classification";
    /** ISO 639-2/B codes. */
    public static final String LANGUAGE = "language";
    /** The record type: book, journal, article, ebook, ejournal, other. */
    public static final String TYPE = "type";
    /** Holding forms: print, electronic. */
    public static final String FORM = "form";
    /**
     * The record's {@link Access} values as written ({@code online}, {@code openAccess},
     * {@code print}). A dynamic field of the configset, so that a Solr whose configset predates it
     * takes it without a schema change; master records written before it have none until they are
     * written again.
     */
    public static final String ACCESS = "access_ss";

    // The fields of an article and of the journal it is part of. Dynamic fields of the configset,
    // like ACCESS and for the same reason: a Solr whose configset predates them takes them
    // unchanged, and master records written before them have none until they are written again.
    // Words of the journal title therefore use the configset's plain text type (standard
    // tokenizer, lower case, ASCII folding), not the ICU type of the *_text fields.

    /** The record's DOI, as {@link StandardNumbers#doiKey}. */
    public static final String DOI = "doi_s";
    /**
     * ISSNs of the journal an article is in (print, online, ISSN-L), as
     * {@link StandardNumbers#issnKey}; {@code bath.issn} searches them beside {@link #ISSN}, so that
     * a journal's ISSN finds the journal and its articles. Kept apart from the record's own ISSNs so
     * that looking a journal up by ISSN does not bring its articles.
     */
    public static final String HOST_ISSN = "host_issn_ss";
    /** The volume of the journal an article is in, folded. */
    public static final String VOLUME = "volume_s";
    /** The issue of the journal an article is in, folded. */
    public static final String ISSUE = "issue_s";
    /** Words of the title of the journal an article is in. */
    public static final String JOURNAL_TEXT = "journal_t";
    /** The title of the journal an article is in, folded: exact matches, ranges, scan, sorting. */
    public static final String JOURNAL_KEY = "journal_key_s";
    /** The title of the journal an article is in, as catalogued, for facets. */
    public static final String JOURNAL_FACET = "journal_facet_s";
    /** The hub's master record of the journal an article is in ({@code isPartOf/@record}), as written. */
    public static final String HOST_RECORD = "host_record_s";

    /** The publication year, an integer. */
    public static final String YEAR = "year";
    /** Holding library codes (also the OAI-PMH library sets' field). */
    public static final String LIBRARY = "library";
    /** The OAI datestamp: when the master record last changed. */
    public static final String DATESTAMP = "datestamp";

    public static final String ID = "id";
    /** Whether a master record is an OAI tombstone; searches leave those out. */
    public static final String DELETED = "deleted";

    private static final Normalizer2 FOLDING = ICUFoldingFilter.NORMALIZER;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchFields() {}

    /**
     * A value folded for a {@code *_key} field: ICU folding, white space collapsed, trimmed. Used at
     * indexing and on query terms, so {@code Müller, Hans} and {@code muller, hans} are one key.
     */
    public static String fold(String value) {
        return SPACES.matcher(FOLDING.normalize(value)).replaceAll(" ").strip();
    }
}

package cn.edu.cashl.hub.merge;

import cn.edu.cashl.hub.catalog.Access;
import cn.edu.cashl.hub.catalog.Hosts;
import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.catalog.StandardNumbers;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Classification;
import cn.edu.cashl.hub.schema.v1.Contributor;
import cn.edu.cashl.hub.schema.v1.Holding;
import cn.edu.cashl.hub.schema.v1.Host;
import cn.edu.cashl.hub.schema.v1.Identifiers;
import cn.edu.cashl.hub.schema.v1.LocalIdentifier;
import cn.edu.cashl.hub.schema.v1.Series;
import cn.edu.cashl.hub.schema.v1.StandardNumber;
import cn.edu.cashl.hub.schema.v1.Subject;
import cn.edu.cashl.hub.schema.v1.VariantTitle;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search fields of a live master record ({@link SearchFields}), derived from its canonical
 * record. Tombstones get none, so that searches never see deleted records.
 */
public final class SearchDocs {

    /** Characters kept of a value: 3 bytes each in UTF-8 at most, well under Lucene's term limit. */
    static final int MAX_VALUE = 2000;

    private static final Pattern YEAR = Pattern.compile("(1[0-9]{3}|20[0-9]{2})");
    /** The punctuation ISBD leaves at the end of MARC values ("History of China /"). */
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s/:;,.=]+$");

    private SearchDocs() {}

    /** Adds the search fields of a canonical record to the master record being built. */
    public static void addTo(StoredRecord.Builder doc, CashlRecord record) {
        addTo(doc, record, Access.of(record.getHolding()));
    }

    /** As {@link #addTo(StoredRecord.Builder, CashlRecord)}, with the record's access already known. */
    static void addTo(StoredRecord.Builder doc, CashlRecord record, Set<Access> access) {
        Values titles = new Values();
        if (record.getTitle() != null) {
            titles.add(join(record.getTitle().getMain(), record.getTitle().getSub()));
            titles.add(record.getTitle().getPartName());
        }
        record.getVariantTitle().stream().map(VariantTitle::getValue).forEach(titles::add);
        Values series = new Values();
        record.getSeries().stream().map(Series::getTitle).forEach(series::add);
        if (record.getIsPartOf() != null) {
            series.add(record.getIsPartOf().getTitle());
        }
        Values creators = new Values();
        record.getContributor().stream().map(Contributor::getName).forEach(creators::add);
        Values subjects = new Values();
        record.getSubject().stream().map(Subject::getValue).forEach(subjects::add);
        Values publishers = new Values();
        Values any = new Values();
        String year = null;
        if (record.getPublication() != null) {
            publishers.add(record.getPublication().getPublisher());
            any.add(record.getPublication().getPlace());
            year = year(
                    record.getPublication().getYear(), record.getPublication().getDate());
        }
        if (record.getDescription() != null) {
            any.add(record.getDescription().getValue());
        }
        any.add(record.getEdition());

        doc.field(SearchFields.TITLE_TEXT, titles.set)
                .field(SearchFields.TITLE_KEY, titles.folded())
                .field(SearchFields.SERIES_TEXT, series.set)
                .field(SearchFields.CREATOR_TEXT, creators.set)
                .field(SearchFields.CREATOR_KEY, creators.folded())
                .field(SearchFields.SUBJECT_TEXT, subjects.set)
                .field(SearchFields.SUBJECT_KEY, subjects.folded())
                .field(SearchFields.SUBJECT_FACET, subjects.set)
                .field(SearchFields.PUBLISHER_TEXT, publishers.set)
                .field(SearchFields.PUBLISHER_KEY, publishers.folded())
                .field(SearchFields.ANY_TEXT, any.set);
        first(titles.folded()).ifPresent(v -> doc.field(SearchFields.TITLE_SORT, v));
        first(creators.folded()).ifPresent(v -> doc.field(SearchFields.CREATOR_SORT, v));
        if (year != null) {
            doc.field(SearchFields.YEAR, year);
        }
        identifiers(doc, record.getIdentifiers());
        host(doc, record.getIsPartOf());
        Values classes = new Values();
        record.getClassification().stream().map(Classification::getValue).forEach(classes::add);
        doc.field(SearchFields.CLASSIFICATION, classes.folded());
        Values languages = new Values();
        record.getLanguage().forEach(code -> languages.add(code.toLowerCase(Locale.ROOT)));
        doc.field(SearchFields.LANGUAGE, languages.set);
        doc.field(SearchFields.TYPE, record.getType().value());
        Values forms = new Values();
        record.getHolding().stream()
                .map(Holding::getForm)
                .filter(f -> f != null)
                .forEach(f -> forms.add(f.value()));
        doc.field(SearchFields.FORM, forms.set);
        doc.field(SearchFields.ACCESS, access.stream().map(Access::value).toList());
    }

    private static void identifiers(StoredRecord.Builder doc, Identifiers ids) {
        if (ids == null) {
            return;
        }
        Values isbns = new Values();
        Values issns = new Values();
        Values all = new Values();
        for (StandardNumber isbn : ids.getIsbn()) {
            isbns.add(StandardNumbers.isbnKey(isbn.getValue()));
        }
        for (StandardNumber issn : ids.getIssn()) {
            issns.add(StandardNumbers.issnKey(issn.getValue()));
        }
        isbns.set.forEach(all::add);
        issns.set.forEach(all::add);
        ids.getOclc().forEach(all::add);
        all.add(ids.getLccn());
        if (ids.getDoi() != null) {
            String doi = StandardNumbers.doiKey(ids.getDoi());
            // Not through Values: a DOI may end in punctuation that is part of it, not ISBD's.
            all.set.add(doi);
            doc.field(SearchFields.DOI, doi);
        }
        ids.getLocal().stream().map(LocalIdentifier::getValue).forEach(all::add);
        doc.field(SearchFields.ISBN, isbns.set)
                .field(SearchFields.ISSN, issns.set)
                .field(SearchFields.IDENTIFIER, all.folded());
    }

    /** The journal an article is in: its ISSNs, title, volume, issue and master record. */
    private static void host(StoredRecord.Builder doc, Host host) {
        if (host == null) {
            return;
        }
        Values issns = new Values();
        Hosts.issns(host).forEach(issn -> issns.add(StandardNumbers.issnKey(issn)));
        Values journal = new Values();
        journal.add(host.getTitle());
        Values volume = new Values();
        volume.add(host.getVolume());
        Values issue = new Values();
        issue.add(host.getIssue());
        doc.field(SearchFields.HOST_ISSN, issns.set)
                .field(SearchFields.JOURNAL_TEXT, journal.set)
                .field(SearchFields.JOURNAL_KEY, journal.folded())
                .field(SearchFields.JOURNAL_FACET, journal.set)
                .field(SearchFields.VOLUME, volume.folded())
                .field(SearchFields.ISSUE, issue.folded());
        if (host.getRecord() != null) {
            doc.field(SearchFields.HOST_RECORD, host.getRecord().strip());
        }
    }

    private static String year(String year, String date) {
        for (String candidate : new String[] {year, date}) {
            if (candidate != null) {
                Matcher m = YEAR.matcher(candidate);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    private static String join(String main, String sub) {
        if (main == null) {
            return sub;
        }
        return sub == null ? main : main + " : " + sub;
    }

    private static Optional<String> first(Set<String> values) {
        return values.stream().findFirst();
    }

    /** Distinct non-blank values in catalogue order, without ISBD's trailing punctuation. */
    private static final class Values implements Consumer<String> {
        final Set<String> set = new LinkedHashSet<>();

        void add(String value) {
            if (value != null) {
                String clean = TRAILING_PUNCTUATION.matcher(value.strip()).replaceAll("");
                if (clean.length() > MAX_VALUE) {
                    // Whole values are single terms of at most 32 KB of UTF-8: a broken record's
                    // runaway field (mojibake of tens of KB) is cut, not allowed to fail the write.
                    clean = clean.substring(
                            0, Character.isHighSurrogate(clean.charAt(MAX_VALUE - 1)) ? MAX_VALUE - 1 : MAX_VALUE);
                }
                if (!clean.isEmpty()) {
                    set.add(clean);
                }
            }
        }

        @Override
        public void accept(String value) {
            add(value);
        }

        Set<String> folded() {
            Set<String> keys = new LinkedHashSet<>();
            set.forEach(v -> keys.add(SearchFields.fold(v)));
            return keys;
        }
    }
}

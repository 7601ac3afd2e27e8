package cn.edu.cashl.hub.sru.query;

import cn.edu.cashl.hub.catalog.Access;
import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.catalog.StandardNumbers;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An index a CQL query can name, and the Solr fields behind it.
 *
 * @param set       its context set
 * @param name      its name within the set
 * @param textField the field searched word by word (TEXT, WORDS, SERVER_CHOICE), or null
 * @param keyField  the field of whole values: exact matches, ranges, scan; null when there is none
 * @param sortField the docValues field {@code sortby} orders on, or null when it cannot sort
 * @param moreKeys  fields of whole values searched and scanned beside {@code keyField}, in the
 *                  same form; no record has a value in two of them, so scan adds their counts
 */
public record SruIndex(
        ContextSet set,
        String name,
        String title,
        IndexKind kind,
        String textField,
        String keyField,
        String sortField,
        List<String> moreKeys) {

    /** Key fields of ids and codes the hub writes itself, compared as written. */
    private static final Set<String> AS_WRITTEN =
            Set.of(SearchFields.ID, SearchFields.LIBRARY, SearchFields.HOST_RECORD);

    public SruIndex {
        moreKeys = List.copyOf(moreKeys);
    }

    /** An index with one field of whole values, or none. */
    public SruIndex(
            ContextSet set,
            String name,
            String title,
            IndexKind kind,
            String textField,
            String keyField,
            String sortField) {
        this(set, name, title, kind, textField, keyField, sortField, List.of());
    }

    /** Every field of whole values: {@code keyField} first, then {@code moreKeys}. */
    public List<String> keyFields() {
        return keyField == null
                ? List.of()
                : Stream.concat(Stream.of(keyField), moreKeys.stream()).toList();
    }

    /** {@code set.name}, as explain lists it. */
    public String qualifiedName() {
        return set.prefix() + "." + name;
    }

    public boolean scannable() {
        return keyField != null;
    }

    /**
     * A whole value as the key field holds it: ISBNs as ISBN-13, ISSNs as NNNN-NNNC, DOIs without
     * a resolver prefix (also in the every-identifier field, which holds them so), record ids and
     * library codes as written, access values as {@link Access} writes them (a term that names none
     * is kept as written: as a whole value it matches nothing), everything else folded like the
     * indexer folds it.
     */
    public String normalise(String value) {
        return switch (kind) {
            case ISBN -> StandardNumbers.isbnKey(value);
            case ISSN -> StandardNumbers.issnKey(value);
            default -> {
                if (SearchFields.ACCESS.equals(keyField)) {
                    yield Access.find(value).map(Access::value).orElse(value.strip());
                }
                if (SearchFields.DOI.equals(keyField) || SearchFields.IDENTIFIER.equals(keyField)) {
                    yield StandardNumbers.doiKey(value);
                }
                yield AS_WRITTEN.contains(keyField) ? value.strip() : SearchFields.fold(value);
            }
        };
    }
}

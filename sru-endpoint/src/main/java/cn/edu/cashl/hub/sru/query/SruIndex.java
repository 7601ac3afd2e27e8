package cn.edu.cashl.hub.sru.query;

import cn.edu.cashl.hub.catalog.Access;
import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.catalog.StandardNumbers;

/**
 * An index a CQL query can name, and the Solr fields behind it.
 *
 * @param set       its context set
 * @param name      its name within the set
 * @param textField the field searched word by word (TEXT, WORDS, SERVER_CHOICE), or null
 * @param keyField  the field of whole values: exact matches, ranges, scan; null when there is none
 * @param sortField the docValues field {@code sortby} orders on, or null when it cannot sort
 */
public record SruIndex(
        ContextSet set,
        String name,
        String title,
        IndexKind kind,
        String textField,
        String keyField,
        String sortField) {

    /** {@code set.name}, as explain lists it. */
    public String qualifiedName() {
        return set.prefix() + "." + name;
    }

    public boolean scannable() {
        return keyField != null;
    }

    /**
     * A whole value as the key field holds it: ISBNs as ISBN-13, ISSNs as NNNN-NNNC, record ids
     * and library codes as written, access values as {@link Access} writes them (a term that names
     * none is kept as written: as a whole value it matches nothing), everything else folded like the
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
                yield SearchFields.ID.equals(keyField) || SearchFields.LIBRARY.equals(keyField)
                        ? value.strip()
                        : SearchFields.fold(value);
            }
        };
    }
}

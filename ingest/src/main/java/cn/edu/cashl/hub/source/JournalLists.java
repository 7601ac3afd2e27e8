package cn.edu.cashl.hub.source;

import java.util.Optional;

/**
 * Where the journal lists are: the files of {@code config/journals} under the lists admins saved
 * (docs/articles.md). The ingest pipeline asks for a source's list to scope its articles; a Crossref
 * harvest asks for it to know which ISSNs to request.
 */
public interface JournalLists {

    /** No lists at all: every source takes every article. */
    JournalLists NONE = id -> Optional.empty();

    /** The list with this id, as it is now. */
    Optional<JournalList> find(String id);
}

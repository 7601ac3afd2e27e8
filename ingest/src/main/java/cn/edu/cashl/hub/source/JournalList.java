package cn.edu.cashl.hub.source;

import cn.edu.cashl.hub.catalog.StandardNumbers;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The journals whose articles the consortium keeps (docs/articles.md): for each journal its ISSN-L
 * and every other ISSN it is known by, so that an article carrying only its print or only its online
 * ISSN is found either way. A source that names a list takes the articles of these journals and
 * filters the others; a Crossref source asks for the works of these ISSNs. Immutable; about 50,000
 * journals take a few megabytes.
 */
public final class JournalList {

    /**
     * One journal of a list.
     *
     * @param issnL the linking ISSN (ISSN-L); when a list gives none, the first ISSN it gives
     * @param issns every ISSN of the journal, ISSN-L first, as NNNN-NNNX
     * @param title the journal's title, when the list gives one
     */
    public record Journal(String issnL, List<String> issns, String title) {
        public Journal {
            issns = List.copyOf(issns);
        }
    }

    private final String id;
    private final List<Journal> journals;
    private final Map<String, Journal> byIssn = new HashMap<>();

    /**
     * @param id       the list's id, as sources name it ({@code journals: hss-core})
     * @param journals the journals, in the list's order; an ISSN two journals claim belongs to the first
     */
    public JournalList(String id, List<Journal> journals) {
        this.id = id;
        this.journals = List.copyOf(journals);
        for (Journal journal : this.journals) {
            for (String issn : journal.issns()) {
                byIssn.putIfAbsent(StandardNumbers.issnKey(issn), journal);
            }
        }
    }

    public String id() {
        return id;
    }

    public List<Journal> journals() {
        return journals;
    }

    /** The journal any of these ISSNs (any form, hyphen or not) belongs to. */
    public Optional<Journal> find(Collection<String> issns) {
        for (String issn : issns) {
            Journal journal = issn == null || issn.isBlank() ? null : byIssn.get(StandardNumbers.issnKey(issn));
            if (journal != null) {
                return Optional.of(journal);
            }
        }
        return Optional.empty();
    }

    /** Every ISSN of every journal, each once, as NNNN-NNNX: what a Crossref source asks for. */
    public Set<String> allIssns() {
        Set<String> all = new LinkedHashSet<>();
        journals.forEach(journal -> all.addAll(journal.issns()));
        return all;
    }

    public int size() {
        return journals.size();
    }
}

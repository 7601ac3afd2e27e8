package cn.edu.cashl.hub.ingest.hss;

import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Host;
import cn.edu.cashl.hub.source.JournalList;
import cn.edu.cashl.hub.source.JournalLists;
import cn.edu.cashl.hub.source.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether an article is in the consortium's scope. Articles rarely carry a classification, so
 * the HSS rules cannot judge them: the journal does. A source that names a journal list
 * ({@code journals}) keeps the articles of the journals on it, found by any ISSN the article gives
 * its journal (ISSN-L, print, online), and filters the others with that reason; a source without a
 * list keeps every article. Thread-safe.
 */
public final class ArticleScope {

    /** The rule of an article kept because its source takes every article. */
    public static final String ALL_ARTICLES = "articles:all";

    private final JournalLists lists;

    public ArticleScope(JournalLists lists) {
        this.lists = lists;
    }

    /**
     * The decision for an article of {@code source}.
     *
     * @throws IllegalStateException when the source names a list that does not exist: a
     *     configuration fault, not a fault of the record, so no record is filtered for it
     */
    public HssFilter.Decision decide(Source source, CashlRecord article) {
        if (source.journals() == null) {
            return new HssFilter.Decision("hss", ALL_ARTICLES);
        }
        JournalList list = lists.find(source.journals())
                .orElseThrow(() -> new IllegalStateException("source " + source.id() + " names the journal list "
                        + source.journals() + ", which does not exist"));
        List<String> issns = hostIssns(article.getIsPartOf());
        return list.find(issns)
                .map(journal -> new HssFilter.Decision("hss", "journals:" + list.id() + ":" + journal.issnL()))
                .orElseGet(() -> new HssFilter.Decision(
                        "unknown",
                        issns.isEmpty()
                                ? "journals:" + list.id() + ": the article names no ISSN of its journal"
                                : "journals:" + list.id() + ": " + String.join(", ", issns) + " not on the list"));
    }

    private static List<String> hostIssns(Host host) {
        List<String> issns = new ArrayList<>();
        if (host != null) {
            for (String issn : new String[] {host.getIssnL(), host.getIssn(), host.getEissn()}) {
                if (issn != null && !issn.isBlank()) {
                    issns.add(issn);
                }
            }
        }
        return issns;
    }
}

package cn.edu.cashl.hub.ingest.hss;

import cn.edu.cashl.hub.catalog.Hosts;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.source.JournalList;
import java.util.List;

/**
 * Decides whether an article is in the consortium's scope. Articles rarely carry a classification, so
 * the HSS rules cannot judge them: the journal does. A source that names a journal list
 * ({@code journals}) keeps the articles of the journals on it, found by any ISSN the article gives
 * its journal (ISSN-L, print, online), and filters the others with that reason; a source without a
 * list keeps every article. One scope serves one run of a source, the list read once for it.
 * Thread-safe.
 */
public final class ArticleScope {

    /** The rule of an article kept because its source takes every article. */
    public static final String ALL_ARTICLES = "articles:all";

    private final JournalList list;

    /** @param list the source's journal list; null when it names none */
    public ArticleScope(JournalList list) {
        this.list = list;
    }

    public HssFilter.Decision decide(CashlRecord article) {
        if (list == null) {
            return new HssFilter.Decision("hss", ALL_ARTICLES);
        }
        List<String> issns = Hosts.issns(article.getIsPartOf());
        return list.find(issns)
                .map(journal -> new HssFilter.Decision("hss", "journals:" + list.id() + ":" + journal.issnL()))
                .orElseGet(() -> new HssFilter.Decision(
                        "unknown",
                        issns.isEmpty()
                                ? "journals:" + list.id() + ": the article names no ISSN of its journal"
                                : "journals:" + list.id() + ": " + String.join(", ", issns) + " not on the list"));
    }
}

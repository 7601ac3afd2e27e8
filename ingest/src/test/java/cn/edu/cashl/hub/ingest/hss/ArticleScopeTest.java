package cn.edu.cashl.hub.ingest.hss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Host;
import cn.edu.cashl.hub.source.JournalList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleScopeTest {

    private static final JournalList HSS = new JournalList(
            "hss-core",
            List.of(new JournalList.Journal("0097-7004", List.of("0097-7004", "1552-6836"), "Modern China")));
    private final ArticleScope scope = new ArticleScope(HSS);

    @Test
    void aSourceWithoutAListTakesEveryArticle() {
        HssFilter.Decision decision = new ArticleScope(null).decide(article(null, "2050-084X"));
        assertTrue(decision.keep());
        assertEquals(ArticleScope.ALL_ARTICLES, decision.rule());
    }

    @Test
    void theListKeepsItsJournalsByAnyIssn() {
        HssFilter.Decision online = scope.decide(article(null, "1552-6836"));
        assertTrue(online.keep());
        assertEquals("journals:hss-core:0097-7004", online.rule());
        assertTrue(scope.decide(article("00977004", null)).keep());
    }

    @Test
    void anArticleOfAnotherJournalIsFilteredWithTheReason() {
        HssFilter.Decision other = scope.decide(article("1932-6203", null));
        assertFalse(other.keep());
        assertEquals("journals:hss-core: 1932-6203 not on the list", other.rule());
        HssFilter.Decision none = scope.decide(article(null, null));
        assertFalse(none.keep());
        assertTrue(none.rule().contains("names no ISSN"), none.rule());
    }

    // A source naming a list that does not exist: ArticleJournalListTest, where the pipeline refuses the run.

    private static CashlRecord article(String issn, String eissn) {
        CashlRecord record = new CashlRecord();
        Host host = new Host();
        host.setTitle("A journal");
        host.setIssn(issn);
        host.setEissn(eissn);
        record.setIsPartOf(host);
        return record;
    }
}

package cn.edu.cashl.hub.ingest.hss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Host;
import cn.edu.cashl.hub.source.JournalList;
import cn.edu.cashl.hub.source.JournalLists;
import cn.edu.cashl.hub.source.Source;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArticleScopeTest {

    private static final JournalList HSS = new JournalList(
            "hss-core",
            List.of(new JournalList.Journal("0097-7004", List.of("0097-7004", "1552-6836"), "Modern China")));
    private static final JournalLists LISTS = id -> "hss-core".equals(id) ? Optional.of(HSS) : Optional.empty();
    private final ArticleScope scope = new ArticleScope(LISTS);

    @Test
    void aSourceWithoutAListTakesEveryArticle() {
        HssFilter.Decision decision = scope.decide(Source.file("doaj", null), article(null, "2050-084X"));
        assertTrue(decision.keep());
        assertEquals(ArticleScope.ALL_ARTICLES, decision.rule());
    }

    @Test
    void theListKeepsItsJournalsByAnyIssn() {
        Source scoped = Source.file("publisher", null).withJournals("hss-core");
        HssFilter.Decision online = scope.decide(scoped, article(null, "1552-6836"));
        assertTrue(online.keep());
        assertEquals("journals:hss-core:0097-7004", online.rule());
        assertTrue(scope.decide(scoped, article("00977004", null)).keep());
    }

    @Test
    void anArticleOfAnotherJournalIsFilteredWithTheReason() {
        Source scoped = Source.file("publisher", null).withJournals("hss-core");
        HssFilter.Decision other = scope.decide(scoped, article("1932-6203", null));
        assertFalse(other.keep());
        assertEquals("journals:hss-core: 1932-6203 not on the list", other.rule());
        HssFilter.Decision none = scope.decide(scoped, article(null, null));
        assertFalse(none.keep());
        assertTrue(none.rule().contains("names no ISSN"), none.rule());
    }

    @Test
    void anUnknownListIsAConfigurationFault() {
        Source scoped = Source.file("publisher", null).withJournals("missing");
        assertThrows(IllegalStateException.class, () -> scope.decide(scoped, article("0097-7004", null)));
    }

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

package cn.edu.cashl.hub.harvest.crossref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.source.JournalList;
import cn.edu.cashl.hub.source.JournalList.Journal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The requests a journal list makes: the URL Crossref's API takes, and the split into queries. */
class WorksQueryTest {

    private static final JournalList HSS = new JournalList(
            "hss-core",
            List.of(
                    new Journal("0097-7004", List.of("0097-7004", "1552-6836"), "Modern China"),
                    new Journal("0305-7410", List.of("0305-7410", "1468-2648"), "The China Quarterly")));

    @Test
    void aPageIsTheWorksRouteWithTheIssnFiltersTheDayRowsCursorAndMailto() {
        WorksQuery query =
                WorksQuery.of("https://api.crossref.org/works", HSS, LocalDate.of(2026, 12, 6), 500, "a@b.cn");
        assertEquals(
                "https://api.crossref.org/works?filter=issn%3A0097-7004%2Cissn%3A1552-6836%2Cissn%3A0305-7410"
                        + "%2Cissn%3A1468-2648%2Cfrom-update-date%3A2026-12-06&rows=500&cursor=*&mailto=a%40b.cn",
                query.page(0, WorksQuery.FIRST_CURSOR).toString());
        URI next = query.page(0, "DnF1ZXJ5+/=");
        assertTrue(next.getRawQuery().contains("&cursor=DnF1ZXJ5%2B%2F%3D&"), next.toString());
        assertEquals("cursor=DnF1ZXJ5+/=", decoded(next, "cursor"));

        WorksQuery everything = WorksQuery.of("https://api.crossref.org/works?", HSS, null, 20, null);
        assertEquals(
                "issn:0097-7004,issn:1552-6836,issn:0305-7410,issn:1468-2648",
                decoded(everything.page(0, "*"), "filter").substring("filter=".length()));
        assertTrue(!everything.page(0, "*").toString().contains("mailto"));
        assertThrows(IllegalArgumentException.class, () -> WorksQuery.of("https://x/works", HSS, null, 1001, null));
        assertThrows(IllegalArgumentException.class, () -> everything.withRows(0));
        assertEquals(5, everything.withRows(5).rows());
    }

    @Test
    void manyJournalsMakeQueriesOfAtMostFiftyIssnsNeverSplittingAJournal() {
        List<Journal> journals = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // Every third journal has a print and an online ISSN; the last repeats the first one's.
            List<String> issns = i % 3 == 0
                    ? List.of(CrossrefTestServer.issn(1_000_000 + 2 * i), CrossrefTestServer.issn(1_000_001 + 2 * i))
                    : List.of(CrossrefTestServer.issn(1_000_000 + 2 * i));
            journals.add(new Journal(issns.get(0), issns, "Journal " + i));
        }
        journals.add(new Journal(
                journals.get(0).issnL(), List.of(journals.get(0).issns().get(1)), "The first journal again"));
        WorksQuery query =
                WorksQuery.of("https://api.crossref.org/works", new JournalList("big", journals), null, 500, null);
        Set<String> asked = new HashSet<>();
        for (int q = 0; q < query.queries(); q++) {
            List<String> issns = query.issns(q);
            assertTrue(issns.size() <= WorksQuery.ISSNS_PER_QUERY, issns.size() + " ISSNs");
            for (String issn : issns) {
                assertTrue(asked.add(issn), issn + " asked for twice");
            }
            assertTrue(query.page(q, "*").toString().length() < 1200, "a URL of a reasonable length");
        }
        assertEquals(160, asked.size());
        assertEquals(160, query.issnCount());
        assertEquals(4, query.queries());
        for (Journal journal : journals.subList(0, 120)) {
            long queries = java.util.stream.IntStream.range(0, query.queries())
                    .filter(q -> query.issns(q).contains(journal.issns().get(0)))
                    .count();
            assertEquals(1, queries);
            assertTrue(
                    java.util.stream.IntStream.range(0, query.queries())
                            .anyMatch(q -> query.issns(q).containsAll(journal.issns())),
                    journal.title() + " split");
        }
        assertEquals(query.fingerprint(), query.withRows(2).fingerprint());
        assertNotEquals(
                query.fingerprint(),
                WorksQuery.of("https://api.crossref.org/works", HSS, null, 500, null)
                        .fingerprint());
    }

    private static String decoded(URI uri, String parameter) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(parameter + "=")) {
                return URLDecoder.decode(pair, StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(parameter + " not in " + uri);
    }
}

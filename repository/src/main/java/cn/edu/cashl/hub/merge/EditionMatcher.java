package cn.edu.cashl.hub.merge;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether two records describe the same edition, from their {@link MatchKeys}. The rules,
 * in order (docs/deduplication.md will give examples):
 * <ol>
 *   <li>Print and electronic versions are never the same edition (they are linked instead).</li>
 *   <li>Two different volume designations are never the same edition, even when they share an ISBN
 *       (a set's ISBN printed in every volume).</li>
 *   <li>A shared strong identifier matches: a valid ISBN-13, an OCLC number, an LCCN; for serials an
 *       ISSN. An ISBN the crosswalk flagged invalid is not a key at all.</li>
 *   <li>Two records that both carry valid ISBNs and share none are different editions.</li>
 *   <li>Otherwise the title key decides: same folded title, first author, year and edition number.</li>
 * </ol>
 */
public final class EditionMatcher {

    public boolean sameEdition(MatchKeys a, MatchKeys b) {
        return a.electronic() == b.electronic() && sameContent(a, b, false);
    }

    /**
     * The print and the electronic version of one edition: they stay separate master records that
     * link to each other ({@code otherFormat}). An e-book has its own ISBN, so here two records whose
     * ISBNs differ still match on their title key.
     */
    public boolean otherFormat(MatchKeys a, MatchKeys b) {
        return a.electronic() != b.electronic() && sameContent(a, b, true);
    }

    private static boolean sameContent(MatchKeys a, MatchKeys b, boolean acrossFormats) {
        if (a.volume() != null && b.volume() != null && !a.volume().equals(b.volume())) {
            return false;
        }
        if (shares(a.isbns(), b.isbns()) || shares(a.oclcs(), b.oclcs())
                || (a.lccn() != null && a.lccn().equals(b.lccn()))
                || (a.serial() && b.serial() && shares(a.issns(), b.issns()))) {
            return true;
        }
        if (!acrossFormats && !a.isbns().isEmpty() && !b.isbns().isEmpty()) {
            return false;
        }
        return a.titleKey() != null && Objects.equals(a.titleKey(), b.titleKey());
    }

    private static boolean shares(Set<String> a, Set<String> b) {
        return !a.isEmpty() && !b.isEmpty() && !Collections.disjoint(a, b);
    }
}

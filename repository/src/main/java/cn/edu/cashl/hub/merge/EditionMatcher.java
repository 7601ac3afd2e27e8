package cn.edu.cashl.hub.merge;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether two records describe the same edition, from their {@link MatchKeys}. The rules,
 * in order (docs/deduplication.md gives examples):
 * <ol>
 *   <li>A title-list entry ({@link MatchKeys#holdingsOnly()}, a KBART row) attaches to a print record
 *       of its title, or to another entry of it, by the rules below; never to an electronic record
 *       that describes an edition, which its cluster links to instead. A package's e-book shares the
 *       print ISBN or the title key (its own ISBN differs, as for any other format); a journal's
 *       entry also by its main title when it or the print record has no ISSN.</li>
 *   <li>A shared DOI (normalised, case-insensitive) is the same work, of the same kind. Two articles
 *       with different DOIs never are. Articles without a DOI on one side are the same when they stand
 *       at the same place of the same journal (an ISSN of the journal, volume, issue and first page:
 *       {@link MatchKeys#citations()}) under the same title, one title allowed to lack the other's
 *       subtitle; or when they are copies of one record. Print or electronic alike: an article is one
 *       work in every format. Nothing else matches articles: title, author and year are too weak for
 *       "Book reviews" and "Editorial".</li>
 *   <li>Print and electronic versions are never the same edition (they are linked instead).</li>
 *   <li>Two copies of one catalogue record (the same {@link MatchKeys#copyKey() copy key}) are the
 *       same edition, whatever else they lack: a second library's copy of a volume, a yearbook or a
 *       record without identifier, year or author joins the first library's.</li>
 *   <li>Different kinds of resource (a book and a video of the same title) never are.</li>
 *   <li>Two different volume designations never are, even when they share an ISBN (a set's ISBN
 *       printed in every volume).</li>
 *   <li>Monographs published in different years never are, even when they share an identifier: a
 *       reissue keeps the ISBN and often the catalogue record of the first issue.</li>
 *   <li>A shared ISBN-13 matches. An ISBN the crosswalk flagged invalid is not a key at all.</li>
 *   <li>Two records that both carry valid ISBNs and share none are different editions (a reissue can
 *       keep the LCCN of the first issue).</li>
 *   <li>A shared OCLC number or LCCN matches; for serials, a shared ISSN.</li>
 *   <li>Otherwise the title key decides: same folded title, first author, year and edition number.</li>
 * </ol>
 */
public final class EditionMatcher {

    private static final String ARTICLE = "article";
    /** The shortest title that may match a longer one by its beginning: "Introduction" (12) may not. */
    static final int MIN_TITLE_PREFIX = 20;

    public boolean sameEdition(MatchKeys a, MatchKeys b) {
        if (a.holdingsOnly() || b.holdingsOnly()) {
            return attaches(a, b);
        }
        if (a.doi() != null && a.doi().equals(b.doi()) && a.kind().equals(b.kind())) {
            return true; // a DOI names one work, whichever feed or format described it
        }
        if (ARTICLE.equals(a.kind()) && ARTICLE.equals(b.kind())) {
            // Two DOIs that differ are two articles; an article is the same in print and online.
            return (a.doi() == null || b.doi() == null) && (sameCitation(a, b) || sameCopy(a, b));
        }
        if (a.electronic() != b.electronic()) {
            return false;
        }
        return sameCopy(a, b) || sameContent(a, b, false);
    }

    private static boolean sameCopy(MatchKeys a, MatchKeys b) {
        return a.copyKey() != null && a.copyKey().equals(b.copyKey());
    }

    /** Rule 2 without a DOI: the same place in the same journal, under the same title. */
    private static boolean sameCitation(MatchKeys a, MatchKeys b) {
        return shares(a.citations(), b.citations()) && sameArticleTitle(a.articleTitle(), b.articleTitle());
    }

    /**
     * Equal titles, or one the other's beginning when the shorter is long enough to say something:
     * one feed often drops the subtitle the other keeps.
     */
    static boolean sameArticleTitle(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= MIN_TITLE_PREFIX && longer.startsWith(shorter);
    }

    /**
     * The print and the electronic version of one edition: they stay separate master records that
     * link to each other ({@code otherFormat}). An e-book has its own ISBN, so here two records whose
     * ISBNs differ still match on their title key.
     */
    public boolean otherFormat(MatchKeys a, MatchKeys b) {
        return !a.holdingsOnly()
                && !b.holdingsOnly()
                && !ARTICLE.equals(a.kind())
                && a.electronic() != b.electronic()
                && sameContent(a, b, true);
    }

    /** Rule 1: an entry joins the print edition of its title, or another entry of the same title. */
    private static boolean attaches(MatchKeys a, MatchKeys b) {
        if (a.holdingsOnly() && b.holdingsOnly()) {
            return sameContent(a, b, false);
        }
        MatchKeys other = a.holdingsOnly() ? b : a;
        if (other.electronic()) {
            return false;
        }
        return sameContent(a, b, true) || sameSerialByTitle(a, b);
    }

    /**
     * A journal's entry and its print record by title, when one of them has no ISSN to decide with
     * (a list that gives none, an old catalogue record): the same folded main title.
     */
    private static boolean sameSerialByTitle(MatchKeys a, MatchKeys b) {
        return a.serial()
                && b.serial()
                && (a.issns().isEmpty() || b.issns().isEmpty())
                && a.serialTitle() != null
                && a.serialTitle().equals(b.serialTitle());
    }

    private static boolean sameContent(MatchKeys a, MatchKeys b, boolean acrossFormats) {
        if (!a.kind().equals(b.kind())) {
            return false;
        }
        if (a.volume() != null && b.volume() != null && !a.volume().equals(b.volume())) {
            return false;
        }
        if (!a.serial() && a.year() != null && b.year() != null && !a.year().equals(b.year())) {
            return false;
        }
        if (shares(a.isbns(), b.isbns())) {
            return true;
        }
        if (!acrossFormats && !a.isbns().isEmpty() && !b.isbns().isEmpty()) {
            return false;
        }
        if (shares(a.oclcs(), b.oclcs())
                || (a.lccn() != null && a.lccn().equals(b.lccn()))
                || (a.serial() && b.serial() && shares(a.issns(), b.issns()))) {
            return true;
        }
        return a.titleKey() != null && Objects.equals(a.titleKey(), b.titleKey());
    }

    private static boolean shares(Set<String> a, Set<String> b) {
        return !a.isEmpty() && !b.isEmpty() && !Collections.disjoint(a, b);
    }
}

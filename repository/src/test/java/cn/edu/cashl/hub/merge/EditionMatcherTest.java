package cn.edu.cashl.hub.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The same-edition rules on canonical records, each keep-apart rule among them. */
class EditionMatcherTest {

    private final EditionMatcher matcher = new EditionMatcher();

    /** A canonical record from its parts; {@code ids} is the inside of {@code identifiers}. */
    private static MatchKeys keys(
            String type,
            String ids,
            String title,
            String partNumber,
            String author,
            String year,
            String edition,
            String holdingForm)
            throws Exception {
        String xml = "<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"t:1\" type=\"" + type + "\">"
                + "<identifiers>" + ids + "</identifiers>"
                + "<title><main>" + title + "</main>"
                + (partNumber == null ? "" : "<partNumber>" + partNumber + "</partNumber>") + "</title>"
                + (author == null ? "" : "<contributor kind=\"person\"><name>" + author + "</name></contributor>")
                + (year == null ? "" : "<publication><year>" + year + "</year></publication>")
                + (edition == null ? "" : "<edition>" + edition + "</edition>")
                + "<discipline>hss</discipline>"
                + "<holding library=\"pku\" localId=\"1\" form=\"" + holdingForm + "\"/>"
                + "</record>";
        CashlRecord record = CashlRecords.get().read(xml);
        return MatchKeys.of(record);
    }

    private static MatchKeys book(String ids, String title, String author, String year) throws Exception {
        return keys("book", ids, title, null, author, year, null, "print");
    }

    @Test
    void sharedValidIsbnMatches() throws Exception {
        assertTrue(matcher.sameEdition(
                book("<isbn>9780141439518</isbn>", "Pride and prejudice", "Austen, Jane", "2003"),
                book(
                        "<isbn qualifier=\"pbk.\">9780141439518</isbn><isbn>9780000000002</isbn>",
                        "Pride &amp; prejudice",
                        null,
                        null)));
    }

    @Test
    void differentVolumesOfOneSetStayApartThoughTheyShareTheSetIsbn() throws Exception {
        String setIsbn = "<isbn qualifier=\"set\">9780199535569</isbn>";
        assertFalse(matcher.sameEdition(
                keys("book", setIsbn, "Collected works", "v. 1", "Mill, John Stuart", "1991", null, "print"),
                keys("book", setIsbn, "Collected works", "v. 2", "Mill, John Stuart", "1991", null, "print")));
        assertFalse(matcher.sameEdition(
                book("<isbn qualifier=\"v. 1\">9780199535569</isbn>", "Collected works", "Mill, John Stuart", "1991"),
                book("<isbn qualifier=\"v. 2\">9780199535569</isbn>", "Collected works", "Mill, John Stuart", "1991")));
    }

    @Test
    void printAndElectronicVersionsStayApart() throws Exception {
        assertFalse(matcher.sameEdition(
                book("<isbn>9780141439518</isbn>", "Pride and prejudice", "Austen, Jane", "2003"),
                keys(
                        "ebook",
                        "<isbn>9780141439518</isbn>",
                        "Pride and prejudice",
                        null,
                        "Austen, Jane",
                        "2003",
                        null,
                        "electronic")));
    }

    @Test
    void anInvalidIsbnIsNoEvidence() throws Exception {
        String bad = "<isbn valid=\"false\">0141439519X</isbn>";
        assertFalse(matcher.sameEdition(
                book(bad, "Pride and prejudice", "Austen, Jane", "2003"), book(bad, "Emma", "Austen, Jane", "2003")));
        assertTrue(MatchKeys.of(CashlRecords.get()
                        .read("<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"t:1\" type=\"book\">"
                                + "<identifiers>" + bad
                                + "</identifiers><title><main>X</main></title><discipline>hss</discipline></record>"))
                .isbns()
                .isEmpty());
    }

    @Test
    void recordsWithValidIsbnsThatShareNoneAreDifferentEditions() throws Exception {
        assertFalse(matcher.sameEdition(
                book("<isbn>9780141439518</isbn>", "Pride and prejudice", "Austen, Jane", "2003"),
                book("<isbn>9780199535569</isbn>", "Pride and prejudice", "Austen, Jane", "2003")));
    }

    @Test
    void withoutStrongKeysTheTitleKeyDecides() throws Exception {
        assertTrue(matcher.sameEdition(
                book("", "The history of Rome :", "Mommsen, Theodor,", "1894"),
                book("", "History of Rome", "Mommsen, Theodor", "1894")));
        assertFalse(matcher.sameEdition(
                book("", "History of Rome", "Mommsen, Theodor", "1894"),
                book("", "History of Rome", "Mommsen, Theodor", "1901")));
        assertFalse(matcher.sameEdition(
                keys("book", "", "History of Rome", null, "Mommsen, Theodor", "1894", "2nd ed.", "print"),
                keys("book", "", "History of Rome", null, "Mommsen, Theodor", "1894", "3rd ed.", "print")));
        assertTrue(
                matcher.sameEdition(
                        book("<isbn>9780141439518</isbn>", "Économie politique", "Say, Jean-Baptiste", "1803"),
                        book("", "Economie politique", "Say, Jean-Baptiste", "1803")),
                "one record without an ISBN: title key");
    }

    @Test
    void tooLittleForATitleKeyMatchesOnlyTheSameDescription() throws Exception {
        MatchKeys bare = book("", "Untitled", null, null);
        assertNull(bare.titleKey());
        assertFalse(matcher.sameEdition(bare, book("", "Untitled", null, "1990")), "no title key to match on");
        assertFalse(matcher.sameEdition(bare, book("", "Untitled", "Smith, A", null)), "no title key to match on");
        assertTrue(
                matcher.sameEdition(bare, book("", "Untitled", null, null)),
                "a copy of the same description is the same edition (issue 17)");
    }

    @Test
    void issnMatchesSerialsOnlyAndOclcIgnoresLeadingZeros() throws Exception {
        String issn = "<issn>0002-8282</issn>";
        assertTrue(matcher.sameEdition(
                keys("journal", issn, "The American economic review", null, null, "1911", null, "print"),
                keys("journal", issn, "American economic review", null, null, null, null, "print")));
        assertFalse(
                matcher.sameEdition(
                        book(issn, "Studies in economics 1", "Smith, A", "1990"),
                        book(issn, "Studies in economics 2", "Jones, B", "1991")),
                "a series ISSN does not make two monographs one");
        assertTrue(matcher.sameEdition(
                book("<oclc>0050712148</oclc>", "A", "X, Y", "2000"),
                book("<oclc>50712148</oclc>", "B", "Z, W", "2000")));
    }

    @Test
    void foldRemovesAccentsCaseAndPunctuation() {
        assertEquals("economie politique traite", MatchKeys.fold("Économie politique : traité,"));
    }

    @Test
    void volumeDesignationsAreComparedByTheirNumber() throws Exception {
        String setIsbn = "<isbn>9780199535569</isbn>";
        assertTrue(matcher.sameEdition(
                keys("book", setIsbn, "Collected works", "v. 2", "Mill, John Stuart", "1991", null, "print"),
                keys("book", setIsbn, "Collected works", "Vol. 2", "Mill, John Stuart", "1991", null, "print")));
        assertEquals(
                "3",
                keys("book", "", "Oeuvres", "t.3", null, "1950", null, "print").volume());
    }

    @Test
    void aReissueInAnotherYearStaysApartThoughItKeepsTheIsbnOrLccn() throws Exception {
        String isbn = "<isbn>9780141439518</isbn>";
        assertFalse(matcher.sameEdition(
                book(isbn, "Pride and prejudice", "Austen, Jane", "1993"),
                book(isbn, "Pride and prejudice", "Austen, Jane", "2001")));
        assertTrue(
                matcher.sameEdition(
                        book(isbn, "Pride and prejudice", "Austen, Jane", "1993"),
                        book(isbn, "Pride and prejudice", "Austen, Jane", null)),
                "a record without a year is not vetoed");
        assertFalse(
                matcher.sameEdition(
                        book(
                                "<isbn>9780517347997</isbn><lccn>81012345</lccn>",
                                "Complete novels",
                                "Austen, Jane",
                                "1981"),
                        book(
                                "<isbn>9780517093955</isbn><lccn>81012345</lccn>",
                                "Complete novels",
                                "Austen, Jane",
                                "1981")),
                "disjoint ISBNs outweigh a shared LCCN");
    }

    @Test
    void aBookAndAVideoOfOneTitleStayApart() throws Exception {
        assertFalse(matcher.sameEdition(
                book("", "Pride and prejudice", "Austen, Jane", "1990"),
                keys("other", "", "Pride and prejudice", null, "Austen, Jane", "1990", null, "print")));
    }

    @Test
    void copiesOfOneRecordMatchThoughNothingElseWould() throws Exception {
        // A volume of a set without identifier, year or author: no title key, no lookup key but its copy key.
        MatchKeys volume =
                keys("book", "", "National union catalog, pre-1956 imprints", "v. 12", null, null, null, "print");
        MatchKeys copy =
                keys("book", "", "National Union Catalog, pre-1956 imprints.", "v. 12", null, null, null, "print");
        assertNull(volume.titleKey());
        assertTrue(matcher.sameEdition(volume, copy), "case and punctuation picked up on the way do not count");
        assertFalse(
                matcher.sameEdition(
                        volume,
                        keys(
                                "book",
                                "",
                                "National union catalog, pre-1956 imprints",
                                "v. 13",
                                null,
                                null,
                                null,
                                "print")),
                "another volume is another record");
        assertFalse(
                matcher.sameEdition(
                        volume,
                        keys(
                                "ebook",
                                "",
                                "National union catalog, pre-1956 imprints",
                                "v. 12",
                                null,
                                null,
                                null,
                                "electronic")),
                "print and electronic stay apart even as copies");
    }

    @Test
    void keysStoredBeforeTheCopyKeyAreStillRead() throws Exception {
        MatchKeys keys = book("<isbn>9780141439518</isbn>", "Pride and prejudice", "Austen, Jane", "2003");
        assertEquals(keys, MatchKeys.decode(keys.encode()));
        String withoutCopyKey = keys.encode().substring(0, keys.encode().lastIndexOf('\t'));
        MatchKeys old = MatchKeys.decode(withoutCopyKey);
        assertNull(old.copyKey());
        assertTrue(matcher.sameEdition(keys, old));
    }

    /** A KBART row's record: an ejournal or ebook whose holdings come from a title list. */
    private static MatchKeys entry(String type, String ids, String title, String author, String year) throws Exception {
        String xml = "<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"k:1\" type=\"" + type
                + "\" schemaVersion=\"1.1\"><identifiers>" + ids + "</identifiers>"
                + "<title><main>" + title + "</main></title>"
                + (author == null ? "" : "<contributor kind=\"person\"><name>" + author + "</name></contributor>")
                + (year == null ? "" : "<publication><year>" + year + "</year></publication>")
                + "<discipline>unknown</discipline>"
                + "<holding library=\"pku\" localId=\"x@2000\" form=\"electronic\" source=\"jstor\""
                + " package=\"JSTOR\" access=\"licensed\"><url>https://example.org/t</url></holding>"
                + "</record>";
        return MatchKeys.of(CashlRecords.get().read(xml));
    }

    private static MatchKeys journal(String ids, String title, String type, String form) throws Exception {
        return keys(type, ids, title, null, null, null, null, form);
    }

    @Test
    void titleListEntryAttachesToThePrintJournalByEitherIssn() throws Exception {
        MatchKeys row = entry(
                "ejournal", "<issn>0002-8282</issn><issn>1944-7981</issn>", "The American economic review", null, null);
        assertTrue(row.holdingsOnly());
        assertTrue(matcher.sameEdition(
                row, journal("<issn>0002-8282</issn>", "American economic review.", "journal", "print")));
        assertTrue(matcher.sameEdition(
                journal("<issn>1944-7981</issn>", "American economic review", "journal", "print"), row));
        assertFalse(matcher.otherFormat(
                row, journal("<issn>0002-8282</issn>", "American economic review", "journal", "print")));
    }

    @Test
    void titleListEntryNeverJoinsACataloguedElectronicEdition() throws Exception {
        MatchKeys row = entry("ejournal", "<issn>1944-7981</issn>", "The American economic review", null, null);
        MatchKeys catalogued = journal("<issn>1944-7981</issn>", "American economic review", "ejournal", "electronic");
        assertFalse(matcher.sameEdition(row, catalogued));
        assertFalse(matcher.sameEdition(catalogued, row));
    }

    @Test
    void twoPackagesOfOneTitleAreOneEntry() throws Exception {
        assertTrue(matcher.sameEdition(
                entry("ejournal", "<issn>0002-8282</issn>", "American economic review", null, null),
                entry("ejournal", "<issn>0002-8282</issn><issn>1944-7981</issn>", "AER", null, null)));
    }

    @Test
    void packagedEbookAttachesByThePrintIsbnOrTheTitleKeyButNotAcrossYears() throws Exception {
        MatchKeys print = book("<isbn>9780748633807</isbn>", "911 and the war on terror", "Holloway, David", "2008");
        assertTrue(matcher.sameEdition(
                entry(
                        "ebook",
                        "<isbn>9780748633807</isbn><isbn>9780748632411</isbn>",
                        "911 and the War on Terror",
                        "Holloway",
                        "2008"),
                print));
        assertTrue(matcher.sameEdition(
                entry("ebook", "<isbn>9780748632411</isbn>", "911 and the War on Terror", "Holloway", "2008"), print));
        assertFalse(matcher.sameEdition(
                entry("ebook", "<isbn>9780748632411</isbn>", "911 and the War on Terror", "Holloway", "2011"), print));
        assertFalse(matcher.sameEdition(entry("ejournal", "", "911 and the War on Terror", "Holloway", "2008"), print));
    }

    @Test
    void entryKeysSurviveTheirEncoding() throws Exception {
        MatchKeys row = entry("ejournal", "<issn>0002-8282</issn>", "American economic review", null, null);
        assertEquals(row, MatchKeys.decode(row.encode()));
    }

    @Test
    void aJournalsEntryAttachesByTitleOnlyWhenOneSideHasNoIssn() throws Exception {
        MatchKeys print = journal("<issn>0002-8282</issn>", "The American economic review.", "journal", "print");
        MatchKeys printWithout = journal("", "American economic review", "journal", "print");
        MatchKeys rowWithout = entry("ejournal", "", "The American Economic Review", null, null);
        MatchKeys rowWith = entry("ejournal", "<issn>1944-7981</issn>", "American Economic Review", null, null);
        assertTrue(matcher.sameEdition(rowWithout, print), "a list that gives no ISSN");
        assertTrue(matcher.sameEdition(printWithout, rowWith), "a catalogue record without its ISSN");
        assertFalse(
                matcher.sameEdition(
                        entry("ejournal", "<issn>0161-7370</issn>", "American economic review", null, null), print),
                "two ISSNs that differ: another journal of the same name");
        assertFalse(matcher.sameEdition(printWithout, print), "print records never match by a journal's title");
        assertFalse(matcher.sameEdition(rowWithout, journal("", "American economic journal", "journal", "print")));
        assertTrue(rowWithout.searchKeys().contains("serial:americaneconomicreview"));
        assertFalse(print.searchKeys().contains("serial:americaneconomicreview"), "an ISSN searches by itself");
        assertTrue(print.lookupKeys().contains("serial:americaneconomicreview"), "but the title is indexed");
        assertEquals(rowWithout, MatchKeys.decode(rowWithout.encode()));
    }

    /** An article of a feed: its DOI as written, its title, first author, year, and whether it is held online. */
    private static MatchKeys article(String doi, String title, String author, String year, boolean online)
            throws Exception {
        return article(doi, title, author, year, online, "<issn>0097-7004</issn>");
    }

    /** An article in Modern China; {@code place} is what its isPartOf says after the journal title. */
    private static MatchKeys article(String doi, String title, String author, String year, boolean online, String place)
            throws Exception {
        String xml = "<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"a:1\" type=\"article\">"
                + "<identifiers>" + (doi == null ? "" : "<doi>" + doi + "</doi>") + "</identifiers>"
                + "<title><main>" + title + "</main></title>"
                + "<contributor kind=\"person\"><name>" + author + "</name></contributor>"
                + "<publication><year>" + year + "</year></publication>"
                + "<isPartOf><title>Modern China</title>" + place + "</isPartOf>"
                + "<discipline>unknown</discipline>"
                + (online
                        ? "<holding library=\"doaj\" localId=\"1\" form=\"electronic\"><url>https://x.org/1</url></holding>"
                        : "")
                + "</record>";
        return MatchKeys.of(CashlRecords.get().read(xml));
    }

    @Test
    void aDoiNamesOneArticleWhicheverFeedAndFormatDescribedIt() throws Exception {
        MatchKeys crossref = article("10.1177/0097700401027002001", "Rural markets", "Wang, Yeh-chien", "2001", false);
        MatchKeys doaj = article(
                "https://doi.org/10.1177/0097700401027002001", "Rural Markets in China", "Wang Y", "2001", true);
        assertEquals("10.1177/0097700401027002001", doaj.doi());
        assertTrue(matcher.sameEdition(crossref, doaj), "normalised, case-insensitive, print or online alike");
        assertTrue(matcher.sameEdition(
                crossref, article("DOI:10.1177/0097700401027002001".toUpperCase(), "x", "y", "1999", true)));
        assertFalse(
                matcher.sameEdition(
                        crossref,
                        article("10.1177/0097700401027002002", "Rural markets", "Wang, Yeh-chien", "2001", false)),
                "two DOIs: two articles, even with the same title, author and year");
        assertFalse(matcher.otherFormat(
                crossref, article("10.1177/0097700401027002002", "Rural markets", "Wang, Yeh-chien", "2001", true)));
        assertFalse(
                matcher.sameEdition(crossref, article(null, "Rural markets", "Wang, Yeh-chien", "2001", true)),
                "without a DOI on one side, title, author and year are not enough");
        assertTrue(crossref.lookupKeys().contains("doi:10.1177/0097700401027002001"));
        assertEquals(doaj, MatchKeys.decode(doaj.encode()));
        assertNull(MatchKeys.doi("not a doi"));
    }

    @Test
    void withoutADoiTheJournalVolumeIssueFirstPageAndTitleDecide() throws Exception {
        String print = "<issn>0097-7004</issn><volume>27</volume><issue>2</issue><pages>141-178</pages>";
        String online = "<eissn>1552-6836</eissn><issnL>0097-7004</issnL><volume>27</volume><issue>2</issue>"
                + "<pages>141–178</pages>";
        MatchKeys jats = article(null, "Rural markets in late imperial China", "Wang, Yeh-chien", "2001", false, print);
        MatchKeys crossref = article(
                "10.1177/0097700401027002001",
                "Rural Markets in Late Imperial China: prices, grain and the state",
                "Yeh-chien Wang",
                "2001",
                true,
                online);
        assertEquals(Set.of("0097-7004|27|2|141"), jats.citations());
        assertEquals(Set.of("0097-7004|27|2|141", "1552-6836|27|2|141"), crossref.citations());
        assertTrue(matcher.sameEdition(jats, crossref), "the ISSN-L meets the print ISSN; the subtitle may be missing");
        assertTrue(jats.lookupKeys().contains("cite:0097-7004|27|2|141"));
        assertFalse(jats.lookupKeys().stream().anyMatch(k -> k.startsWith("title:")), "no title key for articles");
        assertEquals(crossref, MatchKeys.decode(crossref.encode()));

        assertFalse(
                matcher.sameEdition(jats, article(null, "Book reviews", "Wang, Yeh-chien", "2001", false, print)),
                "the same place under another title: a second item on the page");
        assertFalse(
                matcher.sameEdition(
                        article(null, "Book reviews", null, "2001", false, print),
                        article(null, "Book reviews and notices", null, "2001", false, print)),
                "a short title is no prefix of a longer one");
        String nextIssue = "<issn>0097-7004</issn><volume>27</volume><issue>3</issue><pages>141-160</pages>";
        assertFalse(matcher.sameEdition(
                jats,
                article(null, "Rural markets in late imperial China", "Wang, Yeh-chien", "2001", false, nextIssue)));
        assertTrue(
                article(null, "Rural markets", "Wang", "2001", false, "<issn>0097-7004</issn><volume>27</volume>")
                        .citations()
                        .isEmpty(),
                "no first page, no citation");
    }
}

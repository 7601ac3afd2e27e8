package cn.edu.cashl.hub.resolver;

import static cn.edu.cashl.hub.resolver.Fixtures.DIRECTORY;
import static cn.edu.cashl.hub.resolver.Fixtures.ECNU;
import static cn.edu.cashl.hub.resolver.Fixtures.FUDAN;
import static cn.edu.cashl.hub.resolver.Fixtures.NENU;
import static cn.edu.cashl.hub.resolver.Fixtures.PKU;
import static cn.edu.cashl.hub.resolver.Fixtures.PKU_ILL;
import static cn.edu.cashl.hub.resolver.Fixtures.PKU_PROXY;
import static cn.edu.cashl.hub.resolver.Fixtures.WHU;
import static cn.edu.cashl.hub.resolver.Fixtures.electronic;
import static cn.edu.cashl.hub.resolver.Fixtures.jstor;
import static cn.edu.cashl.hub.resolver.Fixtures.print;
import static cn.edu.cashl.hub.resolver.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.openurl.OpenUrlRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ranking against citations whose answer was worked out by hand, today being 2026-06-15. The
 * American Economic Review: JSTOR at pku and fudan (1911-03 to 1940-12, then from 1950 behind a
 * five-year moving wall, electronic delivery allowed), Business Source at ecnu (from 1990, no
 * electronic delivery), print at whu (centre) and nenu (service).
 */
class RankingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final String AER_ISSN = "rft.issn=0002-8282";

    private static Match aer() {
        List<String> holdings = new ArrayList<>();
        holdings.add(print("whu", "F0 A512", "v.1(1911)-"));
        holdings.add(print("nenu", "F0/A51"));
        holdings.addAll(List.of(jstor("pku")));
        holdings.addAll(List.of(jstor("fudan")));
        holdings.add(electronic(
                "ecnu",
                "ebsco-bsc",
                "Business Source Complete",
                "licensed",
                false,
                "https://search.ebscohost.com/direct.asp?db=bth&jid=AER",
                "start=\"1990\""));
        return record(
                "m-aer",
                "journal",
                "The American economic review",
                "<issn>0002-8282</issn><issn>1944-7981</issn>",
                holdings.toArray(String[]::new));
    }

    private static Ranking.Ranked rank(String kev, Member home, LenderWeights weights, Match... matches) {
        OpenUrlRequest request = OpenUrlRequest.parse(kev);
        return new Ranking(DIRECTORY, weights, LinkTemplates.shipped())
                .rank(request, Resolver.citation(request, new ArrayList<>()), home, List.of(matches), TODAY);
    }

    private static Ranking.Ranked rank(String kev, Member home, Match... matches) {
        return rank(kev, home, LenderWeights.uniform(), matches);
    }

    /** Each option as "rank kind library reason". */
    private static List<String> options(Ranking.Ranked ranked) {
        return ranked.options().stream()
                .map(o -> o.rank() + " " + o.kind().code() + " " + o.library() + " "
                        + o.why().explanation())
                .toList();
    }

    /** Each exclusion as "kind library reason". */
    private static List<String> excluded(Ranking.Ranked ranked) {
        return ranked.excluded().stream()
                .map(e -> e.kind().code() + " " + e.library() + " " + e.why().explanation())
                .toList();
    }

    @Test
    void theHomeLibrarysOwnLicenceComesFirstThroughItsProxy() {
        Ranking.Ranked ranked =
                rank(AER_ISSN + "&rft.date=2010&rft.volume=100&rft.issue=2&rft.spage=1&rft.genre=article", PKU, aer());
        assertEquals(
                List.of(
                        "1 electronic pku covered",
                        "2 electronic-delivery fudan covered",
                        "3 print-delivery whu centre-library",
                        "4 print-delivery nenu service-library",
                        "5 ill pku ill-request"),
                options(ranked));
        Option own = ranked.options().get(0);
        assertEquals(
                PKU_PROXY + "https://www.jstor.org/openurl?issn=0002-8282&volume=100&issue=2&spage=1",
                own.url(),
                "JSTOR's article link through pku's proxy");
        assertEquals("v.40 (1950)- (moving wall R5Y)", own.coverage());
        assertEquals("JSTOR Arts & Sciences I", own.packageName());
        assertEquals("F0 A512 (v.1(1911)-)", ranked.options().get(2).coverage(), "call number and holdings");
        assertEquals(
                List.of("electronic-delivery ecnu no-ill-rights"),
                excluded(ranked),
                "ecnu covers 2010, but its licence allows no electronic delivery");
        assertEquals("(1990)-", ranked.excluded().get(0).coverage());
    }

    @Test
    void aDeliveryIsARequestInTheHomeLibrarysIllSystemNamingTheLender() {
        Ranking.Ranked ranked = rank(AER_ISSN + "&rft.date=2010&rft.volume=100&rft.atitle=Growth", PKU, aer());
        Option delivery = ranked.options().get(1);
        assertEquals(OptionKind.ELECTRONIC_DELIVERY, delivery.kind());
        assertTrue(delivery.url().startsWith(PKU_ILL + "&url_ver=Z39.88-2004&ctx_ver=Z39.88-2004"), delivery.url());
        assertTrue(delivery.url().contains("&rft.atitle=Growth&rft.issn=0002-8282&rft.date=2010"), delivery.url());
        assertTrue(delivery.url().endsWith("&cashl.lender=fudan&cashl.delivery=electronic"), delivery.url());
        Option ill = ranked.options().get(4);
        assertEquals(OptionKind.ILL, ill.kind());
        assertTrue(ill.url().startsWith(PKU_ILL + "&url_ver=Z39.88-2004"), ill.url());
        assertTrue(ill.url().contains("rfr_id=info%3Asid%2Fcashl.edu.cn%3Ahub"), ill.url());
        assertTrue(!ill.url().contains("cashl.lender"), ill.url());
    }

    @Test
    void anEmbargoedYearIsRuledOutWithTheDayItLifts() {
        // R5Y on 2026-06-15: the wall is 2022-01-01; 2024 is held back until 2024 leaves the last
        // five calendar years, on 2029-01-01.
        Ranking.Ranked ranked = rank(AER_ISSN + "&rft.date=2024", PKU, aer());
        assertEquals(
                List.of(
                        "1 print-delivery whu centre-library",
                        "2 print-delivery nenu service-library",
                        "3 ill pku ill-request"),
                options(ranked));
        assertEquals(
                List.of(
                        "electronic pku embargoed until 2029-01-01",
                        "electronic-delivery ecnu no-ill-rights",
                        "electronic-delivery fudan embargoed until 2029-01-01"),
                excluded(ranked));
        Exclusion own = ranked.excluded().get(0);
        assertEquals(LocalDate.of(2029, 1, 1), own.why().availableOn());
        assertEquals("v.40 (1950)- (moving wall R5Y)", own.coverage());
    }

    @Test
    void aYearInTheGapIsRuledOutOnTheRangeBeforeIt() {
        Ranking.Ranked ranked = rank(AER_ISSN + "&rft.date=1945", WHU, aer());
        assertEquals(
                List.of("1 print whu held-in-print", "2 print-delivery nenu service-library", "3 ill whu ill-request"),
                options(ranked));
        assertEquals(
                List.of(
                        "electronic-delivery ecnu before-coverage",
                        "electronic-delivery fudan in-gap",
                        "electronic-delivery pku in-gap"),
                excluded(ranked));
        assertEquals(
                "v.1:no.1 (1911-03)-v.30:no.4 (1940-12)",
                ranked.excluded().get(1).coverage());
        assertNull(ranked.options().get(0).url(), "no catalogue link given");
        assertEquals("F0 A512 (v.1(1911)-)", ranked.options().get(0).coverage());
    }

    @Test
    void aVolumeOutsideTheRangeIsRuledOutByVolume() {
        // 1935 is inside the first range by date, but its volumes end at 30.
        Ranking.Ranked ranked = rank(AER_ISSN + "&rft.date=1935&rft.volume=31", FUDAN, aer());
        assertTrue(
                excluded(ranked).contains("electronic fudan volume-outside"),
                excluded(ranked).toString());
    }

    private static Match book() {
        return record(
                "m-book",
                "book",
                "Property and wealth in classical Sparta",
                "<isbn>9780715630402</isbn>",
                print("ecnu", "K125 H78"),
                print("whu", "K125/H78"),
                print("local", "X1"));
    }

    @Test
    void aBookOnlyInPrintGoesToTheLendersCentreFirst() {
        Ranking.Ranked ranked = rank("rft.genre=book&rft.isbn=0715630407", PKU, book());
        assertEquals(
                List.of(
                        "1 print-delivery whu centre-library",
                        "2 print-delivery ecnu service-library",
                        "3 ill pku ill-request"),
                options(ranked));
        assertEquals(List.of("print-delivery local not-a-lender"), excluded(ranked));
        assertTrue(ranked.options().get(0).url().endsWith("&cashl.lender=whu&cashl.delivery=print"));
    }

    @Test
    void theHomeLibrarysOwnCopyComesBeforeEveryLenderAndANoIllSystemIsSaid() {
        Ranking.Ranked ranked = rank("rft.genre=book&rft.isbn=0715630407", ECNU, book());
        assertEquals(List.of("1 print ecnu held-in-print", "2 print-delivery whu centre-library"), options(ranked));
        assertEquals("K125 H78", ranked.options().get(0).coverage());
        assertNull(ranked.options().get(1).url(), "ecnu has no ILL system to send the request to");
        assertEquals(List.of("print-delivery local not-a-lender", "ill ecnu no-ill-system"), excluded(ranked));
    }

    @Test
    void nothingAnywhereLeavesTheIllRequest() {
        Ranking.Ranked ranked = rank("rft.genre=article&rft.issn=1234-5679&rft.date=2001", PKU);
        assertEquals(List.of("1 ill pku ill-request"), options(ranked));
        assertEquals(List.of(), excluded(ranked));
        Ranking.Ranked nobody = rank("rft.genre=article&rft.issn=1234-5679&rft.date=2001", null);
        assertEquals(List.of(), options(nobody));
        assertEquals(List.of("ill null no-home-library"), excluded(nobody));
    }

    private static Match openAndConsortium() {
        return record(
                "m-oa",
                "ejournal",
                "Journal of open economics",
                "<issn>2000-0001</issn>",
                electronic("cashl", "doaj", "DOAJ", "openAccess", null, "https://example.org/joe", "start=\"2000\""),
                electronic(
                        "cashl",
                        "proquest-hss",
                        "ProQuest Social Science Premium",
                        "licensed",
                        null,
                        "https://www.proquest.com/publication/joe",
                        "start=\"1995\" embargo=\"R1Y\""));
    }

    @Test
    void openAccessComesFirstThenTheConsortiumLicenceThroughTheHomeProxy() {
        Ranking.Ranked ranked =
                rank("rft.issn=2000-0001&rft.date=2010&rft_id=info:doi/10.9999/joe.2010.7", PKU, openAndConsortium());
        assertEquals(
                List.of("1 open-access cashl covered", "2 electronic cashl covered", "3 ill pku ill-request"),
                options(ranked));
        assertEquals(
                "https://doi.org/10.9999/joe.2010.7", ranked.options().get(0).url(), "open: no proxy");
        assertEquals(
                PKU_PROXY + "https://doi.org/10.9999/joe.2010.7",
                ranked.options().get(1).url(),
                "the consortium's licence through pku's own proxy");
        assertEquals("(1995)- (moving wall R1Y)", ranked.options().get(1).coverage());
    }

    @Test
    void theConsortiumLicenceIsEveryMembersWithOrWithoutAProxy() {
        String kev = "rft.issn=2000-0001&rft.date=2010";
        Ranking.Ranked fudan = rank(kev, FUDAN, openAndConsortium());
        assertEquals(
                "https://www.proquest.com/publication/joe",
                fudan.options().get(1).url(),
                "fudan has no proxy for the package: the title link itself");
        assertEquals(List.of("ill fudan no-ill-system"), excluded(fudan));
        Ranking.Ranked anyone = rank(kev, null, openAndConsortium());
        assertEquals(List.of("1 open-access cashl covered", "2 electronic cashl covered"), options(anyone));
        Ranking.Ranked thisYear = rank("rft.issn=2000-0001&rft.date=2026-03", NENU, openAndConsortium());
        assertEquals(List.of("1 open-access cashl covered", "2 ill nenu ill-request"), options(thisYear));
        assertEquals(List.of("electronic cashl embargoed until 2027-01-01"), excluded(thisYear));
    }

    private static Match printEverywhere() {
        return record(
                "m-print",
                "book",
                "Sparta",
                "<isbn>9780715630402</isbn>",
                print("nenu", "A1"),
                print("ecnu", "A2"),
                print("whu", "A3"),
                print("fudan", "A4"));
    }

    private static List<String> lenders(LenderWeights weights) {
        return rank("rft.isbn=9780715630402", PKU, weights, printEverywhere()).options().stream()
                .filter(o -> o.kind() == OptionKind.PRINT_DELIVERY)
                .map(Option::library)
                .toList();
    }

    @Test
    void centreLibrariesLendBeforeServiceLibrariesThenByWeightThenByCode() {
        assertEquals(List.of("fudan", "whu", "ecnu", "nenu"), lenders(LenderWeights.uniform()), "ties by code");
        assertEquals(
                List.of("whu", "fudan", "nenu", "ecnu"),
                lenders(new InMemoryLenderWeights(Map.of("whu", 2.0, "nenu", 5.0))),
                "a heavier service library still lends after every centre library");
        assertEquals(
                List.of("whu", "fudan", "ecnu", "nenu"),
                lenders(new InMemoryLenderWeights(Map.of("fudan", 0.5))),
                "a lighter weight than the default");
        assertEquals(
                List.of("fudan", "whu", "ecnu", "nenu"),
                lenders(new InMemoryLenderWeights(Map.of("fudan", Double.NaN))),
                "a broken weight counts as the default");
        AtomicInteger reads = new AtomicInteger();
        assertEquals(
                List.of("fudan", "whu", "ecnu", "nenu"),
                lenders(library -> {
                    reads.incrementAndGet();
                    throw new IllegalStateException("the database is away");
                }),
                "weights that cannot be read leave the tiers and codes to decide");
        assertEquals(4, reads.get(), "each lender's weight is read once per answer");
    }

    @Test
    void anotherMembersLicenceWithAndWithoutElectronicDelivery() {
        String kev = AER_ISSN + "&rft.date=2010";
        Ranking.Ranked nenu = rank(kev, NENU, aer());
        assertEquals(
                List.of(
                        "1 electronic-delivery fudan covered",
                        "2 electronic-delivery pku covered",
                        "3 print nenu held-in-print",
                        "4 print-delivery whu centre-library",
                        "5 ill nenu ill-request"),
                options(nenu));
        assertTrue(nenu.options().get(0).url().startsWith(Fixtures.NENU_ILL + "?url_ver="));
        assertEquals(List.of("electronic-delivery ecnu no-ill-rights"), excluded(nenu));

        Match withoutRights = record(
                "m-x",
                "journal",
                "X",
                "<issn>2000-0001</issn>",
                electronic(
                        "fudan",
                        "tandf",
                        "T&F SSH",
                        "licensed",
                        null,
                        "https://www.tandfonline.com/loi/x",
                        "start=\"2000\""),
                electronic("local", "gale", "Gale", "licensed", true, "https://go.gale.com/x", "start=\"2000\""));
        Ranking.Ranked none = rank(kev, PKU, withoutRights);
        assertEquals(List.of("1 ill pku ill-request"), options(none));
        assertEquals(
                List.of("electronic-delivery fudan no-ill-rights", "electronic-delivery local not-a-lender"),
                excluded(none),
                "not stated is no right; a library that does not lend cannot deliver");
    }

    @Test
    void oneOptionPerLenderAndTheBetterReasonFirst() {
        Match twoPackages = record(
                "m-y",
                "journal",
                "Y",
                "<issn>2000-0001</issn>",
                electronic(
                        "fudan",
                        "muse",
                        "Project MUSE",
                        "licensed",
                        true,
                        "https://muse.jhu.edu/y",
                        "start=\"2000\" depth=\"selected articles\""),
                electronic(
                        "fudan",
                        "tandf",
                        "T&F SSH",
                        "licensed",
                        true,
                        "https://www.tandfonline.com/loi/y",
                        "start=\"2000\""),
                electronic(
                        "pku",
                        "muse",
                        "Project MUSE",
                        "licensed",
                        true,
                        "https://muse.jhu.edu/y",
                        "start=\"2000\" depth=\"selected articles\""),
                electronic(
                        "pku",
                        "tandf",
                        "T&F SSH",
                        "licensed",
                        true,
                        "https://www.tandfonline.com/loi/y",
                        "start=\"2000\""));
        Ranking.Ranked ranked = rank("rft.issn=2000-0001&rft.date=2010&rft_id=info:doi/10.1080/y.1", PKU, twoPackages);
        assertEquals(
                List.of(
                        "1 electronic pku covered",
                        "2 electronic pku selected-articles",
                        "3 electronic-delivery fudan covered",
                        "4 ill pku ill-request"),
                options(ranked));
        assertEquals(
                "https://www.tandfonline.com/doi/10.1080/y.1",
                ranked.options().get(0).url(),
                "the provider's own DOI link, no proxy configured for tandf");
        assertEquals("https://doi.org/10.1080/y.1", ranked.options().get(1).url());
        assertEquals("T&F SSH", ranked.options().get(2).packageName(), "fudan's covering package, not its selection");
    }

    @Test
    void aPrintHoldingsListIsAPrintCopyForTheYearsItGives() {
        Match printList = record(
                "m-z",
                "journal",
                "Z",
                "<issn>2000-0001</issn>",
                electronic(
                        "whu",
                        "whu-print",
                        "Print holdings",
                        "licensed",
                        null,
                        "https://opac.whu.example/z",
                        "start=\"1980\" end=\"1999\" depth=\"print\""));
        assertEquals(
                List.of("1 print-delivery whu centre-library", "2 ill pku ill-request"),
                options(rank("rft.issn=2000-0001&rft.date=1990", PKU, printList)));
        assertEquals(
                "(1980)-(1999) [print]",
                rank("rft.issn=2000-0001&rft.date=1990", PKU, printList)
                        .options()
                        .get(0)
                        .coverage());
        assertEquals(
                List.of("electronic-delivery whu after-coverage"),
                excluded(rank("rft.issn=2000-0001&rft.date=2005", PKU, printList)));
    }

    @Test
    void anUndatedCitationIsOfferedUncheckedAfterCoveredOnes() {
        Ranking.Ranked ranked = rank(AER_ISSN, PKU, aer());
        assertEquals(
                Stream.of("electronic pku undated", "electronic-delivery fudan undated")
                        .toList(),
                options(ranked).subList(0, 2).stream().map(s -> s.substring(2)).toList());
    }
}

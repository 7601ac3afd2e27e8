package cn.edu.cashl.hub.resolver;

import cn.edu.cashl.hub.coverage.Citation;
import cn.edu.cashl.hub.coverage.Decision;
import cn.edu.cashl.hub.coverage.Reason;
import cn.edu.cashl.hub.openurl.KevParameters;
import cn.edu.cashl.hub.openurl.OpenUrlRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every way to the full text of a citation across the consortium, ranked, and the ways ruled out
 * (docs/efirst.md, "The ranking policy"):
 *
 * <ol>
 *   <li>open access: a free holding that covers the citation;</li>
 *   <li>the home library's own e-licence, and the consortium's ({@code cashl}), through the home
 *       library's proxy prefix for the package;</li>
 *   <li>another member's e-licence that covers it and allows electronic document delivery, as a
 *       delivery request;</li>
 *   <li>the home library's print copy, with its call number;</li>
 *   <li>another member's print copy, by document delivery;</li>
 *   <li>the citation handed on to the home library's interlibrary-loan system.</li>
 * </ol>
 *
 * Within (1) and (2) a covering range before one of selected articles before an unchecked undated
 * citation, then by package; within (3) and (5) the {@link LendingPolicy}, one option per lender. A
 * holding that does not cover the citation, a licence without delivery rights, a copy of a library
 * that does not lend, a missing ILL system: each is an {@link Exclusion} with its reason.
 */
final class Ranking {

    /** Who passes the reader on, in onward requests: the hub's own source id. */
    static final String REFERRER = "info:sid/cashl.edu.cn:hub";

    private final LibraryDirectory directory;
    private final LendingPolicy lenders;
    private final Links links;

    Ranking(LibraryDirectory directory, LenderWeights weights, LinkTemplates templates) {
        this.directory = directory;
        this.lenders = new LendingPolicy(weights);
        this.links = new Links(templates);
    }

    /** The options, best first, and the exclusions. */
    record Ranked(List<Option> options, List<Exclusion> excluded) {}

    /**
     * @param home the reader's home library, or null when the request names none
     */
    Ranked rank(OpenUrlRequest request, Citation citation, Member home, List<Match> matches, LocalDate today) {
        List<Candidate> candidates = new ArrayList<>();
        Set<Exclusion> excluded = new LinkedHashSet<>();
        List<PrintHolding> print = new ArrayList<>(Holdings.print(matches));
        for (ElectronicHolding holding : Holdings.electronic(matches)) {
            Decision decision = holding.coverage().decide(citation, today);
            String statement =
                    decision.range() == null ? null : decision.range().statement();
            if (decision.reason() == Reason.PRINT_ONLY && !holding.library().equals(LibraryDirectory.CONSORTIUM)) {
                // A print holdings list: a copy on the shelf for the years its range gives.
                print.add(new PrintHolding(holding.library(), List.of(), List.of(statement), null));
                continue;
            }
            OptionKind kind = holding.openAccess()
                    ? OptionKind.OPEN_ACCESS
                    : own(holding.library(), home) ? OptionKind.ELECTRONIC : OptionKind.ELECTRONIC_DELIVERY;
            Decision decided = kind == OptionKind.ELECTRONIC_DELIVERY
                    ? decision.forOtherMember(holding.illElectronic())
                    : decision;
            if (!decided.available()) {
                excluded.add(new Exclusion(kind, holding.library(), Why.of(decided), statement, holding.packageName()));
                continue;
            }
            switch (kind) {
                case OPEN_ACCESS ->
                    candidates.add(new Candidate(
                            kind,
                            holding.library(),
                            links.article(holding, request),
                            Why.of(decided),
                            statement,
                            holding.packageName(),
                            null));
                case ELECTRONIC -> {
                    String proxy = home == null ? null : directory.proxy(holding.source(), home.code());
                    candidates.add(new Candidate(
                            kind,
                            holding.library(),
                            Links.proxied(proxy, links.article(holding, request)),
                            Why.of(decided),
                            statement,
                            holding.packageName(),
                            null));
                }
                default -> {
                    Optional<Member> lender =
                            directory.member(holding.library()).filter(Member::lends);
                    if (lender.isEmpty()) {
                        excluded.add(new Exclusion(
                                kind, holding.library(), Why.of(Rule.NOT_A_LENDER), statement, holding.packageName()));
                    } else {
                        candidates.add(new Candidate(
                                kind,
                                holding.library(),
                                delivery(home, request, holding.library(), "electronic"),
                                Why.of(decided),
                                statement,
                                holding.packageName(),
                                lender.get()));
                    }
                }
            }
        }
        for (PrintHolding copy : print) {
            if (home != null && copy.library().equals(home.code())) {
                candidates.add(new Candidate(
                        OptionKind.PRINT,
                        copy.library(),
                        copy.url(),
                        Why.of(Rule.HELD_IN_PRINT),
                        copy.shelf(),
                        null,
                        null));
                continue;
            }
            Optional<Member> lender = directory.member(copy.library()).filter(Member::lends);
            if (lender.isEmpty()) {
                excluded.add(new Exclusion(
                        OptionKind.PRINT_DELIVERY, copy.library(), Why.of(Rule.NOT_A_LENDER), copy.shelf(), null));
            } else {
                candidates.add(new Candidate(
                        OptionKind.PRINT_DELIVERY,
                        copy.library(),
                        delivery(home, request, copy.library(), "print"),
                        Why.of(lender.get().tier() == LenderTier.CENTRE ? Rule.CENTRE_LENDER : Rule.SERVICE_LENDER),
                        copy.shelf(),
                        null,
                        lender.get()));
            }
        }
        if (home == null) {
            excluded.add(new Exclusion(OptionKind.ILL, null, Why.of(Rule.NO_HOME_LIBRARY), null, null));
        } else if (home.illBaseUrl() == null || home.illBaseUrl().isBlank()) {
            excluded.add(new Exclusion(OptionKind.ILL, home.code(), Why.of(Rule.NO_ILL_SYSTEM), null, null));
        } else {
            candidates.add(new Candidate(
                    OptionKind.ILL,
                    home.code(),
                    onward(home.illBaseUrl(), request.kev(REFERRER)),
                    Why.of(Rule.ILL_REQUEST),
                    null,
                    null,
                    null));
        }
        return new Ranked(ranked(candidates), excluded(excluded));
    }

    /** The home library's own licence, or the consortium's, which is every member's. */
    private static boolean own(String library, Member home) {
        return library.equals(LibraryDirectory.CONSORTIUM) || home != null && library.equals(home.code());
    }

    /**
     * A document delivery request in the home library's ILL system: the onward OpenURL, naming the
     * lender and the form of delivery ({@code cashl.lender}, {@code cashl.delivery}: OpenURL 1.0
     * foreign keys, which systems that do not know them ignore). Null when the home library has no
     * ILL system to take it.
     */
    private static String delivery(Member home, OpenUrlRequest request, String lender, String form) {
        if (home == null || home.illBaseUrl() == null || home.illBaseUrl().isBlank()) {
            return null;
        }
        return onward(
                home.illBaseUrl(),
                request.kev(REFERRER) + "&cashl.lender=" + KevParameters.encode(lender) + "&cashl.delivery=" + form);
    }

    /** A base URL with a KEV query appended, after its own query when it has one. */
    static String onward(String baseUrl, String kev) {
        String base = baseUrl.strip();
        if (!base.contains("?")) {
            return base + "?" + kev;
        }
        return base + (base.endsWith("?") || base.endsWith("&") ? "" : "&") + kev;
    }

    private List<Option> ranked(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing(Candidate::kind)
                .thenComparing(this::lenderOrder)
                .thenComparing(Ranking::whyOrder)
                .thenComparing(Candidate::packageName, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Candidate::library, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<Option> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Candidate c : sorted) {
            // One option per lender and per print library (its best); one per link for the rest.
            String key = switch (c.kind()) {
                case ELECTRONIC_DELIVERY, PRINT, PRINT_DELIVERY -> c.kind() + " " + c.library();
                default -> c.kind() + " " + (c.url() == null ? c.library() + " " + c.packageName() : c.url());
            };
            if (seen.add(key)) {
                options.add(new Option(
                        options.size() + 1, c.kind(), c.library(), c.url(), c.why(), c.coverage(), c.packageName()));
            }
        }
        return options;
    }

    /** Lenders in the policy's order; candidates of other kinds have none and are equal here. */
    private int lenderOrder(Candidate a, Candidate b) {
        if (a.lender() == null || b.lender() == null) {
            return 0;
        }
        return lenders.compare(a.lender(), b.lender());
    }

    private static int whyOrder(Candidate a, Candidate b) {
        Why x = a.why();
        Why y = b.why();
        if (x.reason() != null && y.reason() != null) {
            return x.reason().compareTo(y.reason());
        }
        if (x.rule() != null && y.rule() != null) {
            return x.rule().compareTo(y.rule());
        }
        return x.reason() != null ? -1 : 1;
    }

    private static List<Exclusion> excluded(Set<Exclusion> excluded) {
        List<Exclusion> sorted = new ArrayList<>(excluded);
        sorted.sort(Comparator.comparing(Exclusion::kind)
                .thenComparing(Exclusion::library, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Exclusion::packageName, Comparator.nullsLast(Comparator.naturalOrder())));
        return sorted;
    }

    private record Candidate(
            OptionKind kind, String library, String url, Why why, String coverage, String packageName, Member lender) {}
}

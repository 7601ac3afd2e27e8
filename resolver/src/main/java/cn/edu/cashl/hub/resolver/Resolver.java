package cn.edu.cashl.hub.resolver;

import cn.edu.cashl.hub.catalog.CatalogSearch;
import cn.edu.cashl.hub.catalog.Hosts;
import cn.edu.cashl.hub.catalog.StoreException;
import cn.edu.cashl.hub.coverage.Citation;
import cn.edu.cashl.hub.coverage.Period;
import cn.edu.cashl.hub.openurl.OpenUrlRequest;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Host;
import cn.edu.cashl.hub.schema.v1.RecordType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The E-first resolver (docs/efirst.md): an OpenURL request to every way to the full text across
 * the consortium, ranked and explained. It finds the master records the citation names
 * ({@link CatalogLookup}), decides each electronic holding's coverage of it today, and ranks what
 * is left ({@link Ranking}). It never fails a request: what it cannot do is a {@link Problem} in the
 * answer.
 */
public final class Resolver {

    private static final Logger LOG = LoggerFactory.getLogger(Resolver.class);

    /** A year inside a date the coverage engine cannot read ({@code 2000.}, {@code c1999}, {@code Spring 2005}). */
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d)(?!\\d)");

    private final CatalogLookup lookup;
    private final Supplier<LibraryDirectory> directory;
    private final LenderWeights weights;
    private final LinkTemplates templates;
    private final Clock clock;

    /**
     * @param directory the member libraries and proxies as they are now (the sources can change
     *                  while the hub runs)
     * @param weights   the lenders' weights
     * @param clock     today, for embargoes
     */
    public Resolver(
            CatalogSearch search,
            Supplier<LibraryDirectory> directory,
            LenderWeights weights,
            LinkTemplates templates,
            Clock clock) {
        this.lookup = new CatalogLookup(search);
        this.directory = directory;
        this.weights = weights;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * The member libraries that lend, in the order the resolver asks them for a print copy now
     * (the lending policy with the current weights): what the admin shows.
     */
    public List<Member> lenders() {
        return directory.get().members().stream()
                .filter(Member::lends)
                .sorted(new LendingPolicy(weights))
                .toList();
    }

    /** The member libraries and proxies as they are now: their names for readers' pages. */
    public LibraryDirectory libraries() {
        return directory.get();
    }

    public Resolution resolve(OpenUrlRequest request) {
        List<String> notes = new ArrayList<>(request.notes());
        LibraryDirectory libraries = directory.get();
        Member home = libraries.home(request.library()).orElse(null);
        if (home == null && request.library() != null) {
            notes.add("'" + request.library() + "' names no member library: no home library");
        }
        Citation citation = citation(request, notes);
        Ranking ranking = new Ranking(libraries, weights, templates);
        LocalDate today = LocalDate.now(clock);
        if (!request.identifiesSomething()) {
            Problem problem = saysNothing(request) ? Problem.EMPTY : Problem.NOTHING_TO_LOOK_FOR;
            return new Resolution(request, citation, home, List.of(), List.of(), List.of(), notes, problem, libraries);
        }
        List<Match> matches;
        Problem problem = null;
        try {
            CatalogLookup.Found found = lookup.find(request);
            matches = found.matches();
            notes.addAll(found.notes());
        } catch (StoreException e) {
            LOG.warn("the resolver could not search the catalogue: {}", e.getMessage());
            matches = List.of();
            problem = Problem.CATALOGUE_UNAVAILABLE;
        }
        if (request.record() != null && !matches.isEmpty()) {
            request = citationOf(request, matches.get(0).record());
            citation = citation(request, notes);
        }
        Ranking.Ranked ranked = ranking.rank(request, citation, home, matches, today);
        return new Resolution(
                request, citation, home, matches, ranked.options(), ranked.excluded(), notes, problem, libraries);
    }

    /**
     * The answers for master records already in hand, as a search page lists them: for each, what
     * a request for that record ({@code rft_id=info:oai/...}) from a reader of this home library
     * gets, from its own holdings and, for an article, its journal's (the journal the union
     * catalogue linked, {@code isPartOf/@record}). The journals of all the records are read in one
     * query; nothing else is looked up.
     *
     * @param records the records, each with its id
     * @param library the reader's home library, or null
     * @return one answer per record, in their order
     */
    public List<Resolution> resolveRecords(List<Match> records, String library) {
        LibraryDirectory libraries = directory.get();
        Member home = libraries.home(library).orElse(null);
        Ranking ranking = new Ranking(libraries, weights, templates);
        LocalDate today = LocalDate.now(clock);
        Set<String> journalIds = new LinkedHashSet<>();
        for (Match match : records) {
            Host host = match.record().getIsPartOf();
            if (host != null && host.getRecord() != null) {
                journalIds.add(host.getRecord());
            }
        }
        Map<String, Match> journals;
        Problem problem = null;
        try {
            journals = lookup.byIds(journalIds);
        } catch (StoreException e) {
            LOG.warn("the resolver could not read the journals of a page: {}", e.getMessage());
            journals = Map.of();
            problem = Problem.CATALOGUE_UNAVAILABLE;
        }
        List<Resolution> answers = new ArrayList<>(records.size());
        for (Match match : records) {
            List<String> notes = new ArrayList<>();
            List<Match> matches = new ArrayList<>(List.of(match));
            Host host = match.record().getIsPartOf();
            Match journal = host == null || host.getRecord() == null ? null : journals.get(host.getRecord());
            if (journal != null) {
                matches.add(journal);
                notes.add("the article's journal: [" + journal.id() + "]");
            }
            OpenUrlRequest request = citationOf(OpenUrlRequest.forRecord(match.id(), library), match.record());
            Citation citation = citation(request, notes);
            Ranking.Ranked ranked = ranking.rank(request, citation, home, matches, today);
            answers.add(new Resolution(
                    request, citation, home, matches, ranked.options(), ranked.excluded(), notes, problem, libraries));
        }
        return answers;
    }

    /** Where in a title the citation is; a date the coverage engine cannot read is read as the year in it. */
    static Citation citation(OpenUrlRequest request, List<String> notes) {
        Period date = Period.parse(request.date());
        if (date == null && request.date() != null) {
            Matcher year = YEAR.matcher(request.date());
            if (year.find()) {
                date = Period.parse(year.group(1));
                notes.add("the date '" + request.date() + "' was read as the year " + year.group(1));
            } else {
                notes.add("the date '" + request.date() + "' is not a date: the citation is placed by its volume");
            }
        }
        Citation read = Citation.of(null, request.volume(), request.issue());
        return new Citation(date, read.volume(), read.issue());
    }

    /** A request for the hub's own record, completed with the record's citation (an article's: its journal's place). */
    static OpenUrlRequest citationOf(OpenUrlRequest request, CashlRecord record) {
        Host host = record.getIsPartOf();
        boolean article = record.getType() == RecordType.ARTICLE;
        List<String> issns = new ArrayList<>(Hosts.issns(host));
        if (!article && record.getIdentifiers() != null) {
            record.getIdentifiers().getIssn().forEach(issn -> issns.add(issn.getValue()));
        }
        String pages = host == null ? null : host.getPages();
        return request.completedBy(
                article ? "article" : record.getType() == RecordType.BOOK ? "book" : null,
                article ? record.getTitle().getMain() : null,
                article
                        ? (host == null ? null : host.getTitle())
                        : record.getTitle().getMain(),
                issns,
                record.getIdentifiers() == null ? null : record.getIdentifiers().getDoi(),
                record.getPublication() == null ? null : record.getPublication().getYear(),
                host == null ? null : host.getVolume(),
                host == null ? null : host.getIssue(),
                pages == null ? null : pages.split("[-–,]")[0].strip());
    }

    private static boolean saysNothing(OpenUrlRequest request) {
        return request.genre() == null
                && request.date() == null
                && request.volume() == null
                && request.issue() == null
                && request.startPage() == null
                && request.author() == null;
    }
}

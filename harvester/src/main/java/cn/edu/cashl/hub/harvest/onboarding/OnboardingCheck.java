package cn.edu.cashl.hub.harvest.onboarding;

import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.harvest.Feeds;
import cn.edu.cashl.hub.harvest.HarvestSettings;
import cn.edu.cashl.hub.harvest.calis.ExportFile;
import cn.edu.cashl.hub.harvest.calis.ExportLocation;
import cn.edu.cashl.hub.harvest.crossref.CrossrefClient;
import cn.edu.cashl.hub.harvest.crossref.CrossrefRefusal;
import cn.edu.cashl.hub.harvest.crossref.WorksPage;
import cn.edu.cashl.hub.harvest.crossref.WorksQuery;
import cn.edu.cashl.hub.harvest.kbart.TitleListLocation;
import cn.edu.cashl.hub.harvest.oai.FetchListener;
import cn.edu.cashl.hub.harvest.oai.Granularity;
import cn.edu.cashl.hub.harvest.oai.HarvestFault;
import cn.edu.cashl.hub.harvest.oai.Identify;
import cn.edu.cashl.hub.harvest.oai.OaiClient;
import cn.edu.cashl.hub.harvest.oai.OaiResponse;
import cn.edu.cashl.hub.harvest.oai.RetryPolicy;
import cn.edu.cashl.hub.ingest.CrosswalkParams;
import cn.edu.cashl.hub.ingest.CrosswalkStep;
import cn.edu.cashl.hub.ingest.read.InputFormat;
import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.ingest.read.RecordReaders;
import cn.edu.cashl.hub.source.JournalList;
import cn.edu.cashl.hub.source.JournalLists;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.SourceType;
import cn.edu.cashl.hub.source.Sources;
import cn.edu.cashl.hub.source.SourcesException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a new or edited source before it is saved: that the hub can reach it, that it speaks what
 * the definition says, and that a sample of its records crosswalks to valid CASHL records with the
 * crosswalk the pipeline would use (the pipeline's own {@link CrosswalkStep}).
 *
 * <ul>
 * <li>{@code oai-pmh}: {@code identify} (repositoryName, protocolVersion 2.0, a granularity the
 *     protocol allows), {@code formats} (ListMetadataFormats offers the metadataPrefix; when the
 *     repository does not answer that verb, the sample's ListRecords decides), {@code sample} (the
 *     first ListRecords page of the first set, at most {@code sampleSize} records).</li>
 * <li>{@code calis-export}: {@code location} (readable, and holding export files), {@code sample}
 *     (the first records of the first data file the harvest would read).</li>
 * <li>{@code kbart}: {@code location} (the title list answers), {@code sample} (its first rows).</li>
 * <li>{@code crossref}: {@code location} (the journal list exists, and Crossref's API answers the
 *     first query of its ISSNs with how many works it holds), {@code sample} (the works of that first
 *     page, at most {@value #CROSSREF_ROWS}).</li>
 * <li>{@code file}: nothing to reach.</li>
 * </ul>
 *
 * <p>Requests use the harvester's client with short timeouts and one retry, within an overall
 * budget of about {@value #BUDGET_SECONDS} s. Every failure is a step with a message; nothing is
 * thrown.
 */
public final class OnboardingCheck {

    static final int BUDGET_SECONDS = 25;
    /** Works on the page of Crossref's API the check asks for. */
    static final int CROSSREF_ROWS = 5;

    private static final Duration MAX_REQUEST = Duration.ofSeconds(8);
    private static final Duration MIN_REQUEST = Duration.ofSeconds(1);
    private static final int ATTEMPTS = 2;

    private final CrosswalkStep crosswalk;
    private final HarvestSettings settings;
    private final Feeds feeds;
    private final Clock clock = Clock.systemUTC();

    /** Relative CALIS export directories are taken from the working directory; there are no journal lists. */
    public OnboardingCheck(Crosswalks crosswalks, HarvestSettings settings) {
        this(crosswalks, settings, Path.of(""), JournalLists.NONE);
    }

    /**
     * @param configDir    where relative CALIS export directories are found (as for the harvester)
     * @param journalLists the journal lists Crossref sources name (as for the harvester)
     */
    public OnboardingCheck(Crosswalks crosswalks, HarvestSettings settings, Path configDir, JournalLists journalLists) {
        this.crosswalk = new CrosswalkStep(crosswalks);
        this.settings = settings;
        this.feeds = new Feeds(settings, configDir, journalLists, clock);
    }

    /**
     * Checks the source, saving nothing.
     *
     * @param sampleSize the most records sampled (at least one)
     */
    public OnboardingReport check(Source source, int sampleSize) {
        Run run = new Run(Math.max(1, sampleSize));
        String first = source != null && source.type() == SourceType.OAI_PMH ? "identify" : "location";
        try {
            Sources.validate(source);
        } catch (SourcesException e) {
            run.step(first, false, e.getMessage());
            return run.report();
        }
        try {
            switch (source.type()) {
                case OAI_PMH -> checkOai(source, run);
                case CALIS_EXPORT -> checkCalis(source, run);
                case KBART -> checkKbart(source, run);
                case CROSSREF -> checkCrossref(source, run);
                case FILE ->
                    run.step(
                            "location",
                            true,
                            "a " + source.type()
                                    + " source: its records are imported (./cashl-hub import), so there is nothing to reach");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.step(run.steps.isEmpty() ? first : "sample", false, "the check was interrupted");
        } catch (RuntimeException e) {
            run.step(run.steps.isEmpty() ? first : "sample", false, "the check failed: " + e);
        }
        return run.report();
    }

    // ------------------------------------------------------------------------------------ OAI-PMH

    private void checkOai(Source source, Run run) throws InterruptedException {
        String url = source.url().strip();
        String urlProblem = httpUrlProblem(url);
        if (urlProblem != null) {
            run.step("identify", false, urlProblem);
            return;
        }
        String prefix =
                source.metadataPrefix() == null ? "" : source.metadataPrefix().strip();

        // identify: without an answer nothing else can be tried.
        Identify identify;
        try {
            identify = client(source, run).identify(FetchListener.NONE);
        } catch (HarvestFault e) {
            String message = e.getMessage();
            run.step("identify", false, message.startsWith("Identify") ? message : "Identify failed: " + message);
            return;
        }
        run.step("identify", identifyProblems(identify).isEmpty(), identifyMessage(identify));

        // formats: ListMetadataFormats, or, when the repository does not answer it, the sample decides.
        if (prefix.isEmpty()) {
            run.step("formats", false, "the source names no metadataPrefix (marc21, oai_dc, mods...)");
            run.step("sample", false, "not tried: no metadataPrefix");
            return;
        }
        String formatsUnknown = null;
        if (run.outOfTime()) {
            run.step("formats", false, run.outOfTimeMessage());
            run.step("sample", false, run.outOfTimeMessage());
            return;
        }
        try {
            OaiResponse formats = client(source, run).listMetadataFormats(FetchListener.NONE);
            if (formats.isError()) {
                formatsUnknown = "ListMetadataFormats answered " + formats.errorCode() + ": " + formats.errorMessage();
            } else if (formats.metadataPrefixes().isEmpty()) {
                formatsUnknown = "ListMetadataFormats listed no formats";
            } else if (formats.metadataPrefixes().contains(prefix)) {
                run.step(
                        "formats",
                        true,
                        "the repository offers " + prefix + " (formats: "
                                + String.join(", ", formats.metadataPrefixes()) + ")");
            } else {
                run.step(
                        "formats",
                        false,
                        "the repository does not offer metadataPrefix '" + prefix + "'; it offers: "
                                + String.join(", ", formats.metadataPrefixes()));
                run.step("sample", false, "not tried: the repository does not offer metadataPrefix '" + prefix + "'");
                return;
            }
        } catch (HarvestFault e) {
            formatsUnknown = "ListMetadataFormats failed: " + e.getMessage();
        }

        // sample: the first page of the first set.
        if (run.outOfTime()) {
            if (formatsUnknown != null) {
                run.step("formats", false, formatsUnknown + "; " + run.outOfTimeMessage());
            }
            run.step("sample", false, run.outOfTimeMessage());
            return;
        }
        String set = source.sets().isEmpty() ? null : source.sets().get(0);
        String where = set == null ? "" : " in set " + set;
        OaiResponse page;
        try {
            page = client(source, run).listRecords(prefix, set, null, null, "ListRecords sample", FetchListener.NONE);
        } catch (HarvestFault e) {
            if (formatsUnknown != null) {
                run.step("formats", false, formatsUnknown + "; ListRecords failed too");
            }
            run.step("sample", false, "ListRecords" + where + " failed: " + e.getMessage());
            return;
        }
        if (page.isError()) {
            String answer = page.errorCode() + ": " + page.errorMessage();
            if ("cannotDisseminateFormat".equals(page.errorCode())) {
                if (formatsUnknown != null) {
                    run.step(
                            "formats",
                            false,
                            "the repository does not offer metadataPrefix '" + prefix + "' (ListRecords answered "
                                    + answer + "; " + formatsUnknown + ")");
                }
                run.step("sample", false, "no records: the repository does not disseminate " + prefix);
            } else if ("noRecordsMatch".equals(page.errorCode())) {
                if (formatsUnknown != null) {
                    run.step(
                            "formats",
                            true,
                            formatsUnknown + "; ListRecords accepts " + prefix + " (but has no records" + where + ")");
                }
                run.step(
                        "sample",
                        true,
                        "no records" + where + " to sample (noRecordsMatch): the crosswalk could not be tried");
            } else {
                if (formatsUnknown != null) {
                    run.step("formats", false, formatsUnknown + "; ListRecords answered " + answer);
                }
                run.step("sample", false, "ListRecords" + where + " answered " + answer);
            }
            return;
        }
        if (formatsUnknown != null) {
            run.step("formats", true, formatsUnknown + "; ListRecords delivers records in " + prefix);
        }
        List<RawRecord> records = new ArrayList<>();
        for (RawRecord raw : page.records()) {
            if (!raw.deleted()) {
                records.add(raw);
            }
            if (records.size() >= run.sampleSize) {
                break;
            }
        }
        sample(source, records, "the first ListRecords page" + where, run);
    }

    private static List<String> identifyProblems(Identify identify) {
        List<String> problems = new ArrayList<>();
        if (identify.repositoryName() == null || identify.repositoryName().isBlank()) {
            problems.add("it gives no repositoryName");
        }
        String version = identify.protocolVersion() == null
                ? null
                : identify.protocolVersion().strip();
        if (!"2.0".equals(version)) {
            problems.add(
                    version == null ? "it declares no protocolVersion" : "it speaks OAI-PMH " + version + ", not 2.0");
        }
        String granularity = identify.granularityDeclared() == null
                ? null
                : identify.granularityDeclared().strip();
        if (!Granularity.DAY.declaration().equals(granularity)
                && !Granularity.SECOND.declaration().equals(granularity)) {
            problems.add(
                    granularity == null
                            ? "it declares no granularity"
                            : "its granularity '" + granularity + "' is neither YYYY-MM-DD nor YYYY-MM-DDThh:mm:ssZ");
        }
        return problems;
    }

    private static String identifyMessage(Identify identify) {
        List<String> problems = identifyProblems(identify);
        if (!problems.isEmpty()) {
            return "the repository answers Identify, but " + String.join("; ", problems);
        }
        return "\"" + identify.repositoryName().strip() + "\": OAI-PMH 2.0, granularity "
                + identify.granularityDeclared().strip() + ", deleted records "
                + (identify.deletedRecord() == null
                        ? "not declared"
                        : identify.deletedRecord().strip());
    }

    /** The harvester's client with the check's short timeout and one retry. */
    private OaiClient client(Source source, Run run) {
        RetryPolicy retry = new RetryPolicy(ATTEMPTS, Duration.ofMillis(300), Duration.ofSeconds(1));
        return feeds.oaiClient(source, retry, run.requestTimeout(settings.timeout()));
    }

    private static String httpUrlProblem(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "the url '" + url + "' is not an http or https address";
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return "the url '" + url + "' names no host";
            }
            return null;
        } catch (URISyntaxException e) {
            return "the url '" + url + "' is not a valid address: " + e.getMessage();
        }
    }

    // ------------------------------------------------------------------------------ CALIS export

    private void checkCalis(Source source, Run run) throws InterruptedException {
        ExportLocation location;
        List<String> names;
        try {
            location = feeds.calisLocation(source, run.requestTimeout(settings.timeout()));
            names = location.list();
        } catch (IOException | RuntimeException e) {
            run.step("location", false, "cannot list the export location " + source.url() + ": " + message(e));
            return;
        }
        List<ExportFile> plan = ExportFile.plan(names);
        if (plan.isEmpty()) {
            run.step(
                    "location",
                    false,
                    "no export files at " + location + " (" + names.size()
                            + " files there, none named like an export: .mrc, .marc, .iso, .xml, delete lists .txt/.del/.lst, optionally .gz)");
            return;
        }
        long full = plan.stream().filter(f -> f.kind() == ExportFile.Kind.FULL).count();
        long increments =
                plan.stream().filter(f -> f.kind() == ExportFile.Kind.INCREMENT).count();
        long deletions =
                plan.stream().filter(f -> f.kind() == ExportFile.Kind.DELETIONS).count();
        run.step(
                "location",
                true,
                plan.size() + " export files to read at " + location + ": " + full + " full dump(s), " + increments
                        + " increment(s), " + deletions + " delete list(s)");

        ExportFile data = plan.stream()
                .filter(f -> f.kind() != ExportFile.Kind.DELETIONS)
                .findFirst()
                .orElse(null);
        if (data == null) {
            run.step("sample", true, "only delete lists: no records to crosswalk");
            return;
        }
        InputFormat format;
        try {
            format = Feeds.calisFormat(source);
        } catch (IllegalArgumentException e) {
            run.step("sample", false, e.getMessage());
            return;
        }
        if (run.outOfTime()) {
            run.step("sample", false, run.outOfTimeMessage());
            return;
        }
        List<RawRecord> records = new ArrayList<>();
        try (InputStream in = location.open(data.name());
                RecordReader reader = Feeds.calisRecords(in, data.name(), format)) {
            while (records.size() < run.sampleSize && reader.hasNext()) {
                RawRecord raw = reader.next();
                if (!raw.deleted()) {
                    records.add(raw);
                }
            }
        } catch (IOException | RuntimeException e) {
            run.step("sample", false, "cannot read " + data.name() + ": " + message(e));
            return;
        }
        sample(source, records, data.name(), run);
    }

    // -------------------------------------------------------------------------------------- KBART

    private void checkKbart(Source source, Run run) throws InterruptedException {
        TitleListLocation location = feeds.titleList(source, run.requestTimeout(settings.timeout()));
        List<RawRecord> records = new ArrayList<>();
        // Only the first rows are read: a provider's whole list is for the harvest to fetch.
        try (RecordReader reader = RecordReaders.open(location.open(), location.toString(), InputFormat.KBART)) {
            run.step("location", true, "the title list at " + location + " answers");
            while (records.size() < run.sampleSize && reader.hasNext()) {
                records.add(reader.next());
            }
        } catch (IOException | RuntimeException e) {
            run.step(
                    run.steps.isEmpty() ? "location" : "sample",
                    false,
                    "cannot read the title list " + location + ": " + message(e));
            return;
        }
        List<RawRecord> unreadable = records.stream().filter(r -> !r.readable()).toList();
        if (!unreadable.isEmpty() && unreadable.size() == records.size()) {
            run.step(
                    "sample",
                    false,
                    "no row of the list could be read: " + unreadable.get(0).error());
            return;
        }
        sample(source, records.stream().filter(RawRecord::readable).toList(), location.toString(), run);
    }

    // ----------------------------------------------------------------------------------- Crossref

    private void checkCrossref(Source source, Run run) throws InterruptedException {
        String url = source.url().strip();
        String urlProblem = httpUrlProblem(url);
        if (urlProblem != null) {
            run.step("location", false, urlProblem);
            return;
        }
        JournalList journals;
        try {
            journals = feeds.journalList(source);
        } catch (SourcesException e) {
            run.step("location", false, e.getMessage());
            return;
        }
        WorksQuery query = WorksQuery.of(url, journals, null, Math.min(run.sampleSize, CROSSREF_ROWS), source.mailto());
        RetryPolicy retry = new RetryPolicy(ATTEMPTS, Duration.ofMillis(300), Duration.ofSeconds(1));
        CrossrefClient client = feeds.crossrefClient(source, retry, run.requestTimeout(settings.timeout()));
        WorksPage page;
        try {
            page = client.page(query, 0, WorksQuery.FIRST_CURSOR, "the first page of works", FetchListener.NONE);
        } catch (HarvestFault | CrossrefRefusal e) {
            run.step("location", false, "Crossref's API at " + url + " did not answer the first query: " + message(e));
            return;
        }
        run.step(
                "location",
                true,
                "Crossref's API at " + url + " answers: " + page.totalResults() + " works of the first "
                        + query.issns(0).size() + " of the " + query.issnCount() + " ISSNs of journal list "
                        + journals.id() + " (" + query.queries() + (query.queries() == 1 ? " query" : " queries")
                        + " in all)"
                        + (source.mailto() == null || source.mailto().isBlank()
                                ? "; no mailto: Crossref serves anonymous requests in its slower public pool"
                                : ""));
        List<RawRecord> records = new ArrayList<>();
        try (RecordReader reader = page.works()) {
            while (records.size() < run.sampleSize && reader.hasNext()) {
                records.add(reader.next());
            }
        }
        sample(source, records, "the first page of works", run);
    }

    // ------------------------------------------------------------------------------------ samples

    /** Crosswalks and validates the sample records, as the pipeline would. */
    private void sample(Source source, List<RawRecord> records, String where, Run run) {
        if (records.isEmpty()) {
            run.step(
                    "sample",
                    true,
                    where + " holds no records to sample (only deleted ones): the crosswalk could not be tried");
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        int failed = 0;
        String firstFailure = null;
        String crosswalkUsed = null;
        for (RawRecord raw : records) {
            String identifier = raw.sourceIdentifier() != null
                    ? raw.sourceIdentifier()
                    : raw.localId() != null ? raw.localId() : raw.position();
            OnboardingReport.Sample sample;
            if (!raw.readable()) {
                sample = new OnboardingReport.Sample(identifier, false, "unreadable: " + raw.error(), null);
            } else {
                try {
                    CrosswalkStep.Result result =
                            crosswalk.apply(source, CrosswalkParams.recordId(source, raw), raw, now);
                    crosswalkUsed = result.crosswalk();
                    sample = result.ok()
                            ? new OnboardingReport.Sample(
                                    identifier, true, "a valid CASHL record (" + result.crosswalk() + ")", result.xml())
                            : new OnboardingReport.Sample(identifier, false, result.failure(), null);
                } catch (IllegalArgumentException e) {
                    sample = new OnboardingReport.Sample(identifier, false, e.getMessage(), null);
                }
            }
            if (!sample.ok()) {
                failed++;
                if (firstFailure == null) {
                    firstFailure = identifier + ": " + sample.message();
                }
            }
            run.samples.add(sample);
        }
        int total = records.size();
        if (failed == 0) {
            run.step(
                    "sample",
                    true,
                    total + " of " + total + " sample records from " + where + " crosswalk to valid CASHL records ("
                            + crosswalkUsed + ")");
        } else {
            run.step(
                    "sample",
                    false,
                    failed + " of " + total + " sample records from " + where
                            + " do not crosswalk to a valid CASHL record; first: " + firstFailure);
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** The state of one check: its steps and samples so far, and its time budget. */
    private final class Run {
        final int sampleSize;
        final List<OnboardingReport.Step> steps = new ArrayList<>();
        final List<OnboardingReport.Sample> samples = new ArrayList<>();
        final Instant deadline = clock.instant().plusSeconds(BUDGET_SECONDS);

        Run(int sampleSize) {
            this.sampleSize = sampleSize;
        }

        void step(String name, boolean ok, String message) {
            steps.add(new OnboardingReport.Step(name, ok, message));
        }

        boolean outOfTime() {
            return Duration.between(clock.instant(), deadline).compareTo(MIN_REQUEST) < 0;
        }

        String outOfTimeMessage() {
            return "not tried: the check ran out of time (" + BUDGET_SECONDS + " s)";
        }

        /** The configured timeout, but short, and shared fairly by the tries left in the budget. */
        Duration requestTimeout(Duration configured) {
            Duration left = Duration.between(clock.instant(), deadline).dividedBy(ATTEMPTS);
            Duration timeout = configured.compareTo(MAX_REQUEST) < 0 ? configured : MAX_REQUEST;
            timeout = left.compareTo(timeout) < 0 ? left : timeout;
            return timeout.compareTo(MIN_REQUEST) < 0 ? MIN_REQUEST : timeout;
        }

        OnboardingReport report() {
            return OnboardingReport.of(steps, samples);
        }
    }
}

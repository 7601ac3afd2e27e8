package cn.edu.cashl.hub.harvest;

import cn.edu.cashl.hub.harvest.calis.ExportLocation;
import cn.edu.cashl.hub.harvest.calis.LeaderDeletions;
import cn.edu.cashl.hub.harvest.crossref.CrossrefClient;
import cn.edu.cashl.hub.harvest.kbart.TitleListLocation;
import cn.edu.cashl.hub.harvest.oai.HttpFetcher;
import cn.edu.cashl.hub.harvest.oai.OaiClient;
import cn.edu.cashl.hub.harvest.oai.OaiResponseParser;
import cn.edu.cashl.hub.harvest.oai.RetryPolicy;
import cn.edu.cashl.hub.ingest.read.InputFormat;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.ingest.read.RecordReaders;
import cn.edu.cashl.hub.source.JournalList;
import cn.edu.cashl.hub.source.JournalLists;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.SourcesException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds what reads a source's records from outside, the same way for a harvest and for the
 * onboarding check of a new source, so that the check tries exactly what the harvest will do: the
 * OAI-PMH client chain (retry policy, HTTP fetcher, response parser, client), the CALIS export
 * location with its record readers, a KBART title list, and Crossref's API with the journal list a
 * source asks it about. Only the patience differs: a harvest uses the configured timeouts and
 * retries, the check short ones ({@link #oaiClient(Source, RetryPolicy, Duration)}).
 */
public final class Feeds {

    private final HarvestSettings settings;
    private final Path configDir;
    private final JournalLists journalLists;
    private final Clock clock;

    /**
     * @param configDir    where relative CALIS export directories are found
     * @param journalLists the journal lists Crossref sources name
     */
    public Feeds(HarvestSettings settings, Path configDir, JournalLists journalLists, Clock clock) {
        this.settings = settings;
        this.configDir = configDir;
        this.journalLists = journalLists;
        this.clock = clock;
    }

    /** The configured retries: attempts, first backoff, longest backoff. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(settings.attempts(), Duration.ofMillis(settings.backoffMillis()), settings.maxBackoff());
    }

    /** A harvest's OAI-PMH client for the source: the configured retries and timeout. */
    public OaiClient oaiClient(Source source) {
        return oaiClient(source, retryPolicy(), settings.timeout());
    }

    /**
     * An OAI-PMH client for the source's base URL that parses pages as its metadataPrefix asks (MARC
     * in {@code marc21}/{@code marcxml}, or UNIMARC).
     */
    public OaiClient oaiClient(Source source, RetryPolicy retry, Duration timeout) {
        HttpFetcher fetcher = new HttpFetcher(retry, timeout, settings.maxPageBytes(), settings.userAgent(), clock);
        return new OaiClient(
                source.url().strip(),
                fetcher,
                new OaiResponseParser(OaiResponseParser.marcFormatOf(source.metadataPrefix())),
                retry);
    }

    /** A harvest's CALIS export location for the source: the configured timeout. */
    public ExportLocation calisLocation(Source source) {
        return calisLocation(source, settings.timeout());
    }

    /** The source's CALIS export location (a directory, or an HTTP folder). */
    public ExportLocation calisLocation(Source source, Duration timeout) {
        return ExportLocation.of(source.url().strip(), configDir, timeout, settings.userAgent());
    }

    /** Where a KBART source's title list is fetched from, with the configured timeout. */
    public TitleListLocation titleList(Source source) {
        return titleList(source, settings.timeout());
    }

    public TitleListLocation titleList(Source source, Duration timeout) {
        return new TitleListLocation(source.url(), configDir, timeout, settings.userAgent());
    }

    /** A harvest's Crossref client for the source: the configured retries and timeout. */
    public CrossrefClient crossrefClient(Source source) {
        return crossrefClient(source, retryPolicy(), settings.timeout());
    }

    /** A client of Crossref's API that introduces itself with the source's mailto, as Crossref asks. */
    public CrossrefClient crossrefClient(Source source, RetryPolicy retry, Duration timeout) {
        HttpFetcher fetcher = new HttpFetcher(
                retry,
                timeout,
                settings.maxPageBytes(),
                CrossrefClient.userAgent(settings.userAgent(), source.mailto()),
                clock);
        return new CrossrefClient(fetcher, retry);
    }

    /**
     * The journal list a Crossref source asks for the works of.
     *
     * @throws SourcesException when the source names none, names one there is not, or one without ISSNs
     */
    public JournalList journalList(Source source) throws SourcesException {
        String id = source.journals() == null ? "" : source.journals().strip();
        if (id.isEmpty()) {
            throw new SourcesException("source " + source.id()
                    + " names no journal list (journals: ID, a file config/journals/ID.tsv, .csv or .txt)");
        }
        JournalList list;
        try {
            list = journalLists.find(id).orElse(null);
        } catch (UncheckedIOException e) {
            throw new SourcesException("source " + source.id() + ": " + e.getMessage());
        }
        if (list == null) {
            throw new SourcesException("source " + source.id() + " names the journal list '" + id
                    + "', which does not exist (a list is a file config/journals/" + id + ".tsv, .csv or .txt)");
        }
        if (list.allIssns().isEmpty()) {
            throw new SourcesException("source " + source.id() + ": the journal list '" + id + "' holds no valid ISSN");
        }
        return list;
    }

    /** The format of the source's export files; {@code auto} when it names none. */
    public static InputFormat calisFormat(Source source) {
        return InputFormat.parse(source.format() == null ? "auto" : source.format());
    }

    /**
     * The records of one CALIS data file (a full dump or an increment): a record whose leader says
     * deleted (05 = d) is a deletion.
     */
    public static RecordReader calisRecords(InputStream in, String name, InputFormat format) throws IOException {
        return new LeaderDeletions(RecordReaders.open(in, name, format));
    }
}

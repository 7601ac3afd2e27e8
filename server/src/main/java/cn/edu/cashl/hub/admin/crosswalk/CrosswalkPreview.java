package cn.edu.cashl.hub.admin.crosswalk;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.SourceRecordStatus;
import cn.edu.cashl.hub.catalog.SourceRecords;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.crosswalk.CompileError;
import cn.edu.cashl.hub.crosswalk.Crosswalk;
import cn.edu.cashl.hub.crosswalk.CrosswalkCompileException;
import cn.edu.cashl.hub.crosswalk.CrosswalkException;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.crosswalk.Sandbox;
import cn.edu.cashl.hub.ingest.CrosswalkParams;
import cn.edu.cashl.hub.ingest.CrosswalkStep;
import cn.edu.cashl.hub.ingest.StoredSourceReader;
import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.InvalidRecordException;
import cn.edu.cashl.hub.schema.ValidationProblem;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.Sources;
import cn.edu.cashl.hub.xml.SecureXml;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Runs an edited stylesheet, in the sandbox, on sample records next to the crosswalk in use: the
 * source's stored raw records (inbound) or the canonical records they became (outbound), or XML the
 * admin pasted. Each output is validated (the CASHL schema for inbound crosswalks, well-formedness
 * for outbound ones, whose standard schemas the hub does not ship) and compared with what the
 * published version gives. Nothing is written anywhere.
 */
public final class CrosswalkPreview {

    /** The most records one preview runs. */
    public static final int MAX_RECORDS = 20;
    /** The largest pasted record accepted. */
    public static final int MAX_PASTED_CHARS = 2_000_000;

    private final Crosswalks crosswalks;
    private final Sandbox sandbox;
    private final Sources sources;
    private final CatalogStore store;
    /** How the pipeline chooses the crosswalk of a record: the samples are those that go through the edited one. */
    private final CrosswalkStep pipeline;

    public CrosswalkPreview(Crosswalks crosswalks, Sandbox sandbox, Sources sources, CatalogStore store) {
        this.pipeline = new CrosswalkStep(crosswalks);
        this.crosswalks = crosswalks;
        this.sandbox = sandbox;
        this.sources = sources;
        this.store = store;
    }

    /** One record's preview. */
    public record Result(
            String record,
            String input,
            String output,
            String error,
            boolean valid,
            List<ValidationProblem> problems,
            String publishedOutput,
            String publishedError,
            String diff,
            boolean changed) {}

    /** A preview: compile errors (then no results), or a result per sample. */
    public record Report(List<CompileError> errors, String validatedAgainst, List<Result> results) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * @param version the number the edited stylesheet would get when saved (provenance names it)
     * @param source  the source whose records to sample, or (with pasted XML) whose parameters to use; may be null
     * @param pasted a record pasted or uploaded by the admin; null to sample the source
     * @throws IllegalArgumentException for an unknown source, or neither source nor XML
     */
    public Report run(String crosswalk, int version, String stylesheet, String source, String pasted, int count) {
        Crosswalk edited;
        try {
            edited = sandbox.compile(crosswalk, version, stylesheet);
        } catch (CrosswalkCompileException e) {
            return new Report(e.problems(), validatedAgainst(crosswalk), List.of());
        }
        Crosswalk published = crosswalks.get(crosswalk);
        Source chosen = source == null || source.isBlank()
                ? null
                : sources.get(source).orElseThrow(() -> new IllegalArgumentException("no source " + source));
        List<Sample> samples;
        if (pasted != null && !pasted.isBlank()) {
            if (pasted.length() > MAX_PASTED_CHARS) {
                throw new IllegalArgumentException(
                        "a pasted record may have at most " + MAX_PASTED_CHARS + " characters");
            }
            samples = List.of(pasted(chosen, pasted.strip()));
        } else if (chosen != null) {
            samples = CrosswalkUsage.isInbound(crosswalk) ? stored(chosen, crosswalk, count) : canonical(chosen, count);
        } else {
            throw new IllegalArgumentException("choose a source to sample, or paste a record");
        }
        List<Result> results = new ArrayList<>();
        for (Sample sample : samples) {
            results.add(run(crosswalk, sample, edited, published));
        }
        return new Report(List.of(), validatedAgainst(crosswalk), results);
    }

    private Result run(String crosswalk, Sample sample, Crosswalk edited, Crosswalk published) {
        Outcome mine = transform(edited, sample);
        Outcome live = transform(published, sample);
        List<ValidationProblem> problems = mine.output == null ? List.of() : validate(crosswalk, mine.output);
        String diff =
                UnifiedDiff.of("published (version " + published.version() + ")", text(live), "edited", text(mine));
        return new Result(
                sample.name,
                sample.xml,
                mine.output,
                mine.error,
                mine.output != null && problems.isEmpty(),
                problems,
                live.output,
                live.error,
                diff,
                !diff.isEmpty());
    }

    private record Outcome(String output, String error) {}

    private static Outcome transform(Crosswalk crosswalk, Sample sample) {
        try {
            return new Outcome(crosswalk.transform(sample.xml, sample.params(crosswalk.ref())), null);
        } catch (CrosswalkException e) {
            return new Outcome(null, e.getMessage());
        }
    }

    private static String text(Outcome outcome) {
        return outcome.output != null ? outcome.output : "ERROR: " + outcome.error;
    }

    static String validatedAgainst(String crosswalk) {
        return CrosswalkUsage.isInbound(crosswalk)
                ? "CASHL record schema (" + CashlRecords.NAMESPACE + ")"
                : "well-formed XML";
    }

    private static List<ValidationProblem> validate(String crosswalk, String output) {
        if (CrosswalkUsage.isInbound(crosswalk)) {
            try {
                CashlRecords.get().validate(output);
                return List.of();
            } catch (InvalidRecordException e) {
                return e.problems();
            }
        }
        try {
            XMLReader reader = SecureXml.newXmlReader();
            reader.parse(new InputSource(new StringReader(output)));
            return List.of();
        } catch (SAXParseException e) {
            return List.of(new ValidationProblem(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
        } catch (SAXException | IOException e) {
            return List.of(new ValidationProblem(-1, -1, e.getMessage()));
        }
    }

    /** A record to preview on, and the stylesheet parameters the pipeline would give it. */
    private record Sample(String name, String xml, Source source, RawRecord raw) {
        Map<String, String> params(String ref) {
            if (source == null || raw == null) {
                return Map.of(); // outbound crosswalks take no parameters
            }
            Instant received = raw.receivedAt() != null ? raw.receivedAt() : Instant.now();
            return CrosswalkParams.of(source, CrosswalkParams.recordId(source, raw), raw, received, ref);
        }
    }

    private static Sample pasted(Source source, String xml) {
        Source owner = source != null
                ? source
                : Source.file("preview", null).withNames("Preview", null).withEnabled(false);
        RawRecord raw = new RawRecord(null, xml, "pasted", null, null, false, "pasted record", List.of(), null);
        return new Sample("pasted", xml, owner, raw);
    }

    /** The source's first stored raw records that go through this crosswalk. */
    private List<Sample> stored(Source source, String crosswalk, int count) {
        List<Sample> samples = new ArrayList<>();
        int wanted = Math.max(1, Math.min(count, MAX_RECORDS));
        int looked = 0;
        try (StoredSourceReader reader = new StoredSourceReader(store, source.id())) {
            while (reader.hasNext() && samples.size() < wanted && looked++ < wanted * 50) {
                RawRecord raw = reader.next();
                if (!raw.readable() || raw.deleted()) {
                    continue;
                }
                if (pipeline.crosswalkFor(source, raw.format()).id().equals(crosswalk)) {
                    samples.add(new Sample(CrosswalkParams.recordId(source, raw), raw.xml(), source, raw));
                }
            }
        }
        return samples;
    }

    /**
     * The canonical records the source's raw records became (accepted ones): what the outbound
     * crosswalks publish, before deduplication merged in other libraries' holdings.
     */
    private List<Sample> canonical(Source source, int count) {
        int wanted = Math.max(1, Math.min(count, MAX_RECORDS));
        List<Sample> samples = new ArrayList<>();
        for (StoredRecord record : store.list(
                        StoreCollection.SOURCE,
                        SourceRecords.of(source.id(), SourceRecordStatus.ACCEPTED),
                        CatalogStore.FIRST_PAGE,
                        wanted)
                .records()) {
            if (record.xml() != null) {
                samples.add(new Sample(record.id(), record.xml(), null, null));
            }
        }
        return samples;
    }
}

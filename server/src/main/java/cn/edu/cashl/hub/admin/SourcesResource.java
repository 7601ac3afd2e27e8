package cn.edu.cashl.hub.admin;

import cn.edu.cashl.hub.catalog.SourceRecords;
import cn.edu.cashl.hub.catalog.SourceField;
import cn.edu.cashl.hub.admin.job.Job;
import cn.edu.cashl.hub.admin.job.JobLauncher;
import cn.edu.cashl.hub.admin.job.JobsResource;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.RecordPage;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.harvest.RunOutcome;
import cn.edu.cashl.hub.harvest.RunRecord;
import cn.edu.cashl.hub.harvest.schedule.HarvestScheduler;
import cn.edu.cashl.hub.catalog.SourceRecordStatus;
import cn.edu.cashl.hub.ingest.StoredSourceReader;
import cn.edu.cashl.hub.harvest.onboarding.OnboardingCheck;
import cn.edu.cashl.hub.harvest.onboarding.OnboardingReport;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.SourceStore;
import cn.edu.cashl.hub.source.Sources;
import cn.edu.cashl.hub.source.SourcesException;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quartz.SchedulerException;

/**
 * {@code /admin/api/sources} and {@code /admin/api/runs}: the sources dashboard (state, last runs,
 * next run, record counts), adding and editing a source after an onboarding check, starting a run,
 * pausing and resuming a schedule, run details with their log, and the quarantine (admin role).
 */
@Path("/admin/api")
@Produces(MediaType.APPLICATION_JSON)
public final class SourcesResource {

    static final int LAST_RUNS = 5;
    private static final int SAMPLE = 5;
    private static final int MAX_ROWS = 200;

    private final Sources sources;
    private final HarvestStore harvests;
    private final HarvestControl control;
    private final CatalogStore store;
    private final SourceStore saved;
    private final OnboardingCheck onboarding;
    private final JobLauncher launcher;

    @Inject
    public SourcesResource(Sources sources, HarvestStore harvests, HarvestControl control, CatalogStore store, SourceStore saved,
            OnboardingCheck onboarding, JobLauncher launcher) {
        this.sources = sources;
        this.harvests = harvests;
        this.control = control;
        this.store = store;
        this.saved = saved;
        this.onboarding = onboarding;
        this.launcher = launcher;
    }

    @GET
    @Path("sources")
    public List<Map<String, Object>> sources() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Source source : sources.all()) {
            list.add(describe(source));
        }
        return list;
    }

    @GET
    @Path("sources/{id}")
    public Response source(@PathParam("id") String id) {
        return sources.get(id).map(s -> Response.ok(describe(s)).build()).orElseGet(() -> unknown(id));
    }

    /** Runs the onboarding check of a source, saving nothing. */
    @POST
    @Path("sources/check")
    public Response check(Source source) {
        Optional<Response> invalid = invalid(source);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        return Response.ok(onboarding.check(source, SAMPLE)).build();
    }

    @POST
    @Path("sources")
    public Response add(Source source, @Context SecurityContext security) {
        if (source != null && source.id() != null && sources.get(source.id()).isPresent()) {
            return AdminErrors.error(Response.Status.CONFLICT, "a source " + source.id() + " exists already: edit it instead");
        }
        return save(source, security, Response.Status.CREATED);
    }

    @PUT
    @Path("sources/{id}")
    public Response edit(@PathParam("id") String id, Source source, @Context SecurityContext security) {
        if (sources.get(id).isEmpty()) {
            return unknown(id);
        }
        if (source != null && source.id() != null && !source.id().equals(id)) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, "a source's id is its holding library's code and cannot change");
        }
        return save(source, security, Response.Status.OK);
    }

    /** Saves a source if its onboarding check passes, and makes the schedule follow it. */
    private Response save(Source source, SecurityContext security, Response.Status status) {
        Optional<Response> invalid = invalid(source);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        OnboardingReport report = onboarding.check(source, SAMPLE);
        if (!report.ok()) {
            return AdminErrors.error(AdminErrors.UNPROCESSABLE, "the onboarding check failed; nothing was saved",
                    "check", report);
        }
        try {
            sources.put(source);
        } catch (SourcesException e) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        saved.save(source, security.getUserPrincipal().getName());
        control.get().ifPresent(scheduler -> {
            try {
                scheduler.update(source);
            } catch (SchedulerException e) {
                throw new IllegalStateException("the source was saved but its schedule could not be updated: " + e.getMessage(), e);
            }
        });
        Map<String, Object> body = describe(source);
        body.put("check", report);
        return Response.status(status).entity(body).build();
    }

    private static Optional<Response> invalid(Source source) {
        if (source == null) {
            return Optional.of(AdminErrors.error(Response.Status.BAD_REQUEST, "send the source's fields as JSON"));
        }
        try {
            Sources.validate(source);
            if (source.schedule() != null && !source.schedule().isBlank()) {
                Optional<String> cron = HarvestScheduler.checkCron(source.schedule());
                if (cron.isPresent()) {
                    return Optional.of(AdminErrors.error(Response.Status.BAD_REQUEST, "schedule: " + cron.get()));
                }
            }
            return Optional.empty();
        } catch (SourcesException e) {
            return Optional.of(AdminErrors.error(Response.Status.BAD_REQUEST, e.getMessage()));
        }
    }

    @POST
    @Path("sources/{id}/harvest")
    public Response harvest(@PathParam("id") String id, @QueryParam("full") @DefaultValue("false") boolean full) {
        return withScheduler(id, scheduler -> {
            scheduler.runNow(id, full);
            return Response.accepted(Map.of("source", id, "full", full, "queued", true)).build();
        });
    }

    @POST
    @Path("sources/{id}/pause")
    public Response pause(@PathParam("id") String id) {
        return withScheduler(id, scheduler -> {
            scheduler.pause(id);
            return Response.ok(describe(sources.get(id).orElseThrow())).build();
        });
    }

    @POST
    @Path("sources/{id}/resume")
    public Response resume(@PathParam("id") String id) {
        return withScheduler(id, scheduler -> {
            scheduler.resume(id);
            return Response.ok(describe(sources.get(id).orElseThrow())).build();
        });
    }

    private interface SchedulerAction {
        Response apply(HarvestScheduler scheduler) throws SchedulerException;
    }

    private Response withScheduler(String id, SchedulerAction action) {
        if (sources.get(id).isEmpty()) {
            return unknown(id);
        }
        Optional<HarvestScheduler> scheduler = control.get();
        if (scheduler.isEmpty()) {
            return AdminErrors.error(Response.Status.SERVICE_UNAVAILABLE, "this hub does not harvest");
        }
        try {
            return action.apply(scheduler.get());
        } catch (SchedulerException e) {
            return AdminErrors.error(Response.Status.CONFLICT, e.getMessage());
        }
    }

    @GET
    @Path("sources/{id}/runs")
    public Response runs(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("20") int limit) {
        if (sources.get(id).isEmpty()) {
            return unknown(id);
        }
        return Response.ok(harvests.lastRuns(id, Math.min(Math.max(limit, 1), MAX_ROWS)).stream().map(RunJson::describe).toList()).build();
    }

    @GET
    @Path("runs/{run}")
    public Response run(@PathParam("run") long id) {
        return harvests.run(id).map(run -> {
            Map<String, Object> body = RunJson.describe(run);
            List<Map<String, Object>> log = new ArrayList<>();
            harvests.events(id).forEach(e -> log.add(Map.of("time", e.time().toString(), "kind", e.kind(), "message", e.message())));
            body.put("log", log);
            return Response.ok(body).build();
        }).orElseGet(() -> AdminErrors.notFound("no run " + id));
    }

    @GET
    @Path("sources/{id}/quarantine")
    public Response quarantine(@PathParam("id") String id, @QueryParam("cursor") @DefaultValue(CatalogStore.FIRST_PAGE) String cursor,
            @QueryParam("rows") @DefaultValue("50") int rows) {
        if (sources.get(id).isEmpty()) {
            return unknown(id);
        }
        RecordPage page;
        try {
            page = store.list(StoreCollection.SOURCE, quarantined(id), cursor, Math.min(Math.max(rows, 1), MAX_ROWS));
        } catch (RuntimeException e) {
            // Solr refuses a cursor it did not make; say so without its message
            return AdminErrors.error(Response.Status.BAD_REQUEST, "bad cursor: use the nextCursor of the previous page");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", page.total() >= 0 ? page.total() : store.count(StoreCollection.SOURCE, quarantined(id)));
        body.put("records", page.records().stream().map(r -> quarantined(r, false)).toList());
        body.put("nextCursor", page.nextCursor() == null || page.nextCursor().equals(cursor) ? null : page.nextCursor());
        return Response.ok(body).build();
    }

    @GET
    @Path("sources/{id}/quarantine/{record}")
    public Response quarantined(@PathParam("id") String id, @PathParam("record") String record) {
        Optional<StoredRecord> stored = store.get(StoreCollection.SOURCE, record)
                .filter(r -> id.equals(r.source()) && SourceRecordStatus.QUARANTINED.of(r));
        return stored.map(r -> Response.ok(quarantined(r, true)).build())
                .orElseGet(() -> AdminErrors.notFound("source " + id + " has no quarantined record " + record));
    }

    @POST
    @Path("sources/{id}/quarantine/retry")
    public Response retry(@PathParam("id") String id, @Context SecurityContext security) {
        if (sources.get(id).isEmpty()) {
            return unknown(id);
        }
        try {
            Job job = launcher.retryQuarantined(id, security.getUserPrincipal().getName());
            return Response.accepted(Map.of("job", JobsResource.describe(launcher.jobs().progress(job)))).build();
        } catch (JobLauncher.NotHarvesting e) {
            return AdminErrors.error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        } catch (SchedulerException e) {
            return AdminErrors.error(Response.Status.CONFLICT, e.getMessage());
        }
    }

    private static RecordFilter quarantined(String source) {
        return SourceRecords.of(source, SourceRecordStatus.QUARANTINED);
    }

    private static Map<String, Object> quarantined(StoredRecord record, boolean withRaw) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", record.id());
        body.put("localId", record.field(SourceField.LOCAL_ID));
        body.put("status", record.status());
        body.put("reason", record.field(SourceField.REASON));
        body.put("receivedAt", record.datestamp().toString());
        body.put("crosswalk", record.field(SourceField.CROSSWALK));
        body.put("position", record.field(SourceField.POSITION));
        if (withRaw) {
            body.put("raw", record.raw());
        }
        return body;
    }

    private Map<String, Object> describe(Source source) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", source.id());
        body.put("type", source.type().value());
        body.put("name", source.name());
        body.put("nameZh", source.nameZh());
        body.put("url", source.url());
        body.put("metadataPrefix", source.metadataPrefix());
        body.put("format", source.format());
        body.put("sets", source.sets());
        body.put("crosswalk", source.crosswalk());
        body.put("holdingsField", source.holdingsField());
        body.put("enabled", source.isEnabled());
        body.put("schedule", source.schedule());
        boolean paused = false;
        boolean running = false;
        Optional<HarvestScheduler> scheduler = control.get();
        if (scheduler.isPresent()) {
            paused = scheduler.get().isPaused(source.id());
            running = scheduler.get().isRunning(source.id());
            body.put("nextRun", paused ? null : scheduler.get().nextRun(source.id()).map(Object::toString).orElse(null));
        }
        body.put("paused", paused);
        body.put("running", running);
        body.put("watermark", harvests.watermark(source.id()).orElse(null));
        List<RunRecord> last = harvests.lastRuns(source.id(), LAST_RUNS);
        body.put("state", state(source, paused, running, last));
        Map<String, Long> records = new LinkedHashMap<>();
        for (SourceRecordStatus status : List.of(SourceRecordStatus.ACCEPTED, SourceRecordStatus.FILTERED, SourceRecordStatus.QUARANTINED)) {
            records.put(status.value(), StoredSourceReader.count(store, source.id(), status));
        }
        body.put("records", records);
        body.put("lastRuns", last.stream().map(RunJson::describe).toList());
        return body;
    }

    private static String state(Source source, boolean paused, boolean running, List<RunRecord> last) {
        if (running || (!last.isEmpty() && last.get(0).outcome() == RunOutcome.RUNNING)) {
            return "running";
        }
        if (!source.isEnabled()) {
            return "disabled";
        }
        if (paused) {
            return "paused";
        }
        if (last.isEmpty()) {
            return "never";
        }
        RunOutcome outcome = last.get(0).outcome();
        return outcome == RunOutcome.COMPLETE ? "ok" : outcome.value();
    }

    private static Response unknown(String id) {
        return AdminErrors.notFound("no source " + id);
    }
}

package cn.edu.cashl.hub.admin;

import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.harvest.RunRecord;
import cn.edu.cashl.hub.harvest.schedule.HarvestScheduler;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.Sources;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartz.SchedulerException;

/**
 * {@code /admin/api/sources}: every source with its schedule and last runs; a run's log; starting a
 * harvest now. JSON, for the admin pages and for scripts.
 */
@Path("/admin/api")
@Produces(MediaType.APPLICATION_JSON)
public final class SourcesResource {

    static final int LAST_RUNS = 5;

    private final Sources sources;
    private final HarvestStore harvests;
    private final HarvestControl control;

    @Inject
    public SourcesResource(Sources sources, HarvestStore harvests, HarvestControl control) {
        this.sources = sources;
        this.harvests = harvests;
        this.control = control;
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
        return sources.get(id).map(s -> Response.ok(describe(s)).build()).orElseGet(() -> notFound("no source " + id));
    }

    @POST
    @Path("sources/{id}/harvest")
    public Response harvest(@PathParam("id") String id, @QueryParam("full") @DefaultValue("false") boolean full) {
        if (sources.get(id).isEmpty()) {
            return notFound("no source " + id);
        }
        HarvestScheduler scheduler = control.get().orElse(null);
        if (scheduler == null) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(Map.of("error", "this hub does not harvest")).build();
        }
        try {
            scheduler.runNow(id, full);
            return Response.accepted(Map.of("source", id, "full", full, "queued", true)).build();
        } catch (SchedulerException e) {
            return Response.status(Response.Status.CONFLICT).entity(Map.of("error", e.getMessage())).build();
        }
    }

    @GET
    @Path("runs/{run}")
    public Response run(@PathParam("run") long id) {
        return harvests.run(id).map(run -> {
            Map<String, Object> body = describe(run);
            List<Map<String, Object>> log = new ArrayList<>();
            harvests.events(id).forEach(e -> log.add(Map.of("time", e.time().toString(), "kind", e.kind(), "message", e.message())));
            body.put("log", log);
            return Response.ok(body).build();
        }).orElseGet(() -> notFound("no run " + id));
    }

    private Map<String, Object> describe(Source source) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", source.id());
        body.put("type", source.type());
        body.put("name", source.name());
        body.put("nameZh", source.nameZh());
        body.put("url", source.url());
        body.put("enabled", source.isEnabled());
        body.put("schedule", source.schedule());
        control.get().ifPresent(s -> {
            s.nextRun(source.id()).ifPresent(next -> body.put("nextRun", next.toString()));
            body.put("running", s.isRunning(source.id()));
        });
        body.put("watermark", harvests.watermark(source.id()).orElse(null));
        body.put("lastRuns", harvests.lastRuns(source.id(), LAST_RUNS).stream().map(SourcesResource::describe).toList());
        return body;
    }

    static Map<String, Object> describe(RunRecord run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", run.id());
        body.put("source", run.source());
        body.put("outcome", run.outcome().value());
        if (run.reason() != null) {
            body.put("reason", run.reason());
        }
        body.put("full", run.full());
        body.put("trigger", run.trigger());
        body.put("startedAt", run.startedAt().toString());
        body.put("endedAt", run.endedAt() == null ? null : run.endedAt().toString());
        body.put("counts", run.counts().asMap());
        body.put("watermarkBefore", run.watermarkBefore());
        body.put("watermarkAfter", run.watermarkAfter());
        return body;
    }

    private static Response notFound(String message) {
        return Response.status(Response.Status.NOT_FOUND).entity(Map.of("error", message)).build();
    }
}

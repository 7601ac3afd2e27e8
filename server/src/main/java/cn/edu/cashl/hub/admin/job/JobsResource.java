package cn.edu.cashl.hub.admin.job;

import cn.edu.cashl.hub.admin.AdminErrors;
import cn.edu.cashl.hub.harvest.RunRecord;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /admin/api/jobs}: the re-crosswalks and retries the admins started, with their progress. */
@Path("/admin/api/jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "editor"})
public final class JobsResource {

    private static final int RECENT = 50;

    private final Jobs jobs;

    @Inject
    public JobsResource(JobLauncher launcher) {
        this.jobs = launcher.jobs();
    }

    @GET
    public List<Map<String, Object>> recent(@Context SecurityContext security) {
        return jobs.recent(RECENT).stream().filter(job -> visible(job, security)).map(job -> describe(jobs.progress(job))).toList();
    }

    @GET
    @Path("{id}")
    public Response job(@PathParam("id") long id, @Context SecurityContext security) {
        return jobs.get(id).filter(job -> visible(job, security)).map(job -> Response.ok(describe(jobs.progress(job))).build())
                .orElseGet(() -> AdminErrors.notFound("no job " + id));
    }

    /** Editors follow re-crosswalks; quarantine retries (sources' records and reasons) are for admins. */
    private static boolean visible(Job job, SecurityContext security) {
        return Job.RECROSSWALK.equals(job.kind()) || security.isUserInRole("admin");
    }

    /** A job and where it is, as the API shows it. */
    public static Map<String, Object> describe(Jobs.Progress progress) {
        Job job = progress.job();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id());
        body.put("kind", job.kind());
        body.put("crosswalk", job.crosswalk());
        body.put("version", job.version());
        body.put("state", progress.state());
        body.put("startedBy", job.startedBy());
        body.put("startedAt", job.startedAt().toString());
        body.put("endedAt", endedAt(progress));
        body.put("total", job.total());
        body.put("processed", progress.processed());
        body.put("counts", progress.counts());
        List<Map<String, Object>> runs = new ArrayList<>();
        progress.runs().forEach((source, run) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("source", source);
            entry.put("run", run == null ? null : run.id());
            entry.put("outcome", run == null ? "queued" : run.outcome().value());
            if (run != null && run.reason() != null) {
                entry.put("reason", run.reason());
            }
            runs.add(entry);
        });
        body.put("runs", runs);
        return body;
    }

    private static String endedAt(Jobs.Progress progress) {
        if (progress.state().equals("running") || progress.state().equals("queued")) {
            return null;
        }
        return progress.runs().values().stream().filter(r -> r != null && r.endedAt() != null).map(RunRecord::endedAt)
                .max(java.util.Comparator.naturalOrder()).map(Object::toString).orElse(progress.job().startedAt().toString());
    }
}

package cn.edu.cashl.hub.admin.job;

import cn.edu.cashl.hub.admin.common.AdminErrors;
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
import java.util.List;

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
    public List<JobJson> recent(@Context SecurityContext security) {
        return jobs.recent(RECENT).stream()
                .filter(job -> visible(job, security))
                .map(job -> JobJson.of(jobs.progress(job)))
                .toList();
    }

    @GET
    @Path("{id}")
    public Response job(@PathParam("id") long id, @Context SecurityContext security) {
        return jobs.get(id)
                .filter(job -> visible(job, security))
                .map(job -> Response.ok(JobJson.of(jobs.progress(job))).build())
                .orElseGet(() -> AdminErrors.notFound("no job " + id));
    }

    /** Editors follow re-crosswalks; quarantine retries (sources' records and reasons) are for admins. */
    private static boolean visible(Job job, SecurityContext security) {
        return Job.RECROSSWALK.equals(job.kind()) || security.isUserInRole("admin");
    }
}

package cn.edu.cashl.hub.admin.crosswalk;

import cn.edu.cashl.hub.admin.common.AdminErrors;
import cn.edu.cashl.hub.admin.job.Job;
import cn.edu.cashl.hub.admin.job.JobJson;
import cn.edu.cashl.hub.admin.job.JobLauncher;
import cn.edu.cashl.hub.crosswalk.CrosswalkCompileException;
import cn.edu.cashl.hub.source.Sources;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.quartz.SchedulerException;

/**
 * {@code /admin/api/crosswalks/{id}/publish} and {@code rollback}: making a saved version the one in
 * use, and crosswalking the records of its sources again as a job (open to admins and editors; see
 * {@link CrosswalksResource} for the shared root path).
 */
@Path("/admin/api/crosswalks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "editor"})
public final class CrosswalkPublishingResource {

    private final CrosswalkEditor editor;
    private final Sources sources;
    private final JobLauncher launcher;

    @Inject
    public CrosswalkPublishingResource(CrosswalkEditor editor, Sources sources, JobLauncher launcher) {
        this.editor = editor;
        this.sources = sources;
        this.launcher = launcher;
    }

    @POST
    @Path("{id}/publish")
    public Response publish(@PathParam("id") String id, VersionRequest body, @Context SecurityContext security) {
        return makeLive(id, body, security, false);
    }

    @POST
    @Path("{id}/rollback")
    public Response rollback(@PathParam("id") String id, VersionRequest body, @Context SecurityContext security) {
        return makeLive(id, body, security, true);
    }

    private Response makeLive(String id, VersionRequest body, SecurityContext security, boolean rollback) {
        if (!CrosswalkUsage.exists(id)) {
            return UnknownCrosswalk.answer(id);
        }
        if (body == null || body.version() == null) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, "send {\"version\": N}");
        }
        int version = body.version();
        int live = editor.publishedVersion(id);
        if (editor.versions().version(id, version).isEmpty()) {
            return AdminErrors.notFound("crosswalk " + id + " has no version " + version);
        }
        if (version == live) {
            return AdminErrors.error(Response.Status.CONFLICT, "version " + version + " is already the one in use");
        }
        if (rollback && version > live) {
            return AdminErrors.error(
                    Response.Status.CONFLICT,
                    "a rollback goes back to an earlier version than " + live + "; publish version " + version
                            + " instead");
        }
        String user = security.getUserPrincipal().getName();
        CrosswalkVersions.Publication publication;
        try {
            publication = editor.publish(id, version, user);
        } catch (CrosswalkCompileException e) {
            return AdminErrors.unprocessable(new CompileRefusalJson(
                    "version " + version + " does not compile; version " + live + " stays in use",
                    ProblemJson.compile(e.problems())));
        }
        List<String> affected = CrosswalkUsage.sources(sources, id);
        if (affected.isEmpty()) {
            return Response.accepted(PublicationJson.of(
                            publication,
                            null,
                            CrosswalkUsage.isInbound(id)
                                    ? "no source uses this crosswalk: nothing to crosswalk again"
                                    : "OAI-PMH and SRU serve records with this version from the next request on"))
                    .build();
        }
        try {
            Job job = launcher.recrosswalk(id, version, affected, user);
            return Response.accepted(PublicationJson.of(
                            publication, JobJson.of(launcher.jobs().progress(job)), null))
                    .build();
        } catch (JobLauncher.NotHarvesting | SchedulerException e) {
            return Response.accepted(PublicationJson.of(publication, null, e.getMessage()))
                    .build();
        }
    }
}

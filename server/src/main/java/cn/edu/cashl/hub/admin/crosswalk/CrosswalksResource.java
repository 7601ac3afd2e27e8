package cn.edu.cashl.hub.admin.crosswalk;

import cn.edu.cashl.hub.admin.AdminErrors;
import cn.edu.cashl.hub.admin.job.Job;
import cn.edu.cashl.hub.admin.job.JobLauncher;
import cn.edu.cashl.hub.admin.job.JobsResource;
import cn.edu.cashl.hub.crosswalk.CompileError;
import cn.edu.cashl.hub.crosswalk.CrosswalkCompileException;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.schema.ValidationProblem;
import cn.edu.cashl.hub.source.Sources;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * {@code /admin/api/crosswalks}: the crosswalks, their versions and history, the compile check, the
 * preview, saving, publishing and rolling back (open to admins and editors).
 */
@Path("/admin/api/crosswalks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "editor"})
public final class CrosswalksResource {

    private final CrosswalkEditor editor;
    private final CrosswalkPreview preview;
    private final Sources sources;
    private final JobLauncher launcher;

    @Inject
    public CrosswalksResource(CrosswalkEditor editor, CrosswalkPreview preview, Sources sources, JobLauncher launcher) {
        this.editor = editor;
        this.preview = preview;
        this.sources = sources;
        this.launcher = launcher;
    }

    /** A stylesheet sent for checking or saving. */
    public record Stylesheet(String stylesheet, String comment) {
    }

    /** What to preview on: a source's records, or a pasted record. */
    public record PreviewRequest(String stylesheet, String source, Integer count, String xml) {
    }

    /** The version to publish or roll back to. */
    public record VersionRequest(Integer version) {
    }

    @GET
    public List<Map<String, Object>> list() {
        return Crosswalks.allIds().stream().map(this::summary).toList();
    }

    @GET
    @Path("{id}")
    public Response crosswalk(@PathParam("id") String id) {
        if (!CrosswalkUsage.exists(id)) {
            return unknown(id);
        }
        Map<String, Object> body = summary(id);
        body.put("stylesheet", editor.versions().version(id, editor.publishedVersion(id)).map(CrosswalkVersions.Version::stylesheet)
                .orElse(null));
        return Response.ok(body).build();
    }

    @GET
    @Path("{id}/versions")
    public Response versions(@PathParam("id") String id) {
        if (!CrosswalkUsage.exists(id)) {
            return unknown(id);
        }
        int live = editor.publishedVersion(id);
        Map<Integer, CrosswalkVersions.Publication> lastPublished = new LinkedHashMap<>();
        for (CrosswalkVersions.Publication p : editor.versions().publications(id)) {
            lastPublished.putIfAbsent(p.version(), p);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (CrosswalkVersions.Version v : editor.versions().versions(id)) {
            Map<String, Object> entry = describe(v);
            entry.put("published", v.version() == live);
            CrosswalkVersions.Publication p = lastPublished.get(v.version());
            entry.put("publishedAt", p == null ? null : p.publishedAt().toString());
            entry.put("publishedBy", p == null ? null : p.publishedBy());
            list.add(entry);
        }
        return Response.ok(list).build();
    }

    @GET
    @Path("{id}/versions/{version}")
    public Response version(@PathParam("id") String id, @PathParam("version") int version) {
        if (!CrosswalkUsage.exists(id)) {
            return unknown(id);
        }
        return editor.versions().version(id, version).map(v -> {
            Map<String, Object> body = describe(v);
            body.put("published", v.version() == editor.publishedVersion(id));
            body.put("stylesheet", v.stylesheet());
            return Response.ok(body).build();
        }).orElseGet(() -> AdminErrors.notFound("crosswalk " + id + " has no version " + version));
    }

    @POST
    @Path("{id}/versions")
    public Response save(@PathParam("id") String id, Stylesheet body, @Context SecurityContext security) {
        if (!CrosswalkUsage.exists(id)) {
            return unknown(id);
        }
        if (body == null || body.stylesheet() == null || body.stylesheet().isBlank()) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, "send {\"stylesheet\": ..., \"comment\": ...}");
        }
        try {
            CrosswalkVersions.Version saved = editor.save(id, body.stylesheet(), security.getUserPrincipal().getName(), body.comment());
            return Response.status(Response.Status.CREATED).entity(describe(saved)).build();
        } catch (CrosswalkCompileException e) {
            return AdminErrors.error(AdminErrors.UNPROCESSABLE, "the stylesheet does not compile; nothing was saved",
                    "errors", errors(e.problems()));
        } catch (IllegalArgumentException e) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    @POST
    @Path("{id}/check")
    public Response check(@PathParam("id") String id, Stylesheet body) {
        if (!CrosswalkUsage.exists(id)) {
            return unknown(id);
        }
        if (body == null || body.stylesheet() == null) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, "send {\"stylesheet\": ...}");
        }
        List<CompileError> problems = editor.check(id, body.stylesheet());
        return Response.ok(Map.of("ok", problems.isEmpty(), "errors", errors(problems))).build();
    }

    @POST
    @Path("{id}/preview")
    public Response preview(@PathParam("id") String id, PreviewRequest body) {
        if (!CrosswalkUsage.exists(id)) {
            return unknown(id);
        }
        if (body == null || body.stylesheet() == null) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, "send {\"stylesheet\", \"source\", \"count\"} or {\"stylesheet\", \"xml\"}");
        }
        CrosswalkPreview.Report report;
        try {
            report = preview.run(id, editor.versions().latest(id) + 1, body.stylesheet(), body.source(), body.xml(), body.count() == null ? 5 : body.count());
        } catch (IllegalArgumentException e) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", report.ok());
        answer.put("errors", errors(report.errors()));
        answer.put("schema", report.validatedAgainst());
        List<Map<String, Object>> results = new ArrayList<>();
        for (CrosswalkPreview.Result r : report.results()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("record", r.record());
            entry.put("input", r.input());
            entry.put("output", r.output());
            entry.put("error", r.error());
            entry.put("valid", r.valid());
            entry.put("validationErrors", r.problems().stream().map(CrosswalksResource::problem).toList());
            entry.put("publishedOutput", r.publishedOutput());
            entry.put("publishedError", r.publishedError());
            entry.put("diff", r.diff());
            entry.put("changed", r.changed());
            results.add(entry);
        }
        answer.put("results", results);
        answer.put("changed", report.results().stream().filter(CrosswalkPreview.Result::changed).count());
        return Response.ok(answer).build();
    }

    @GET
    @Path("{id}/diff")
    public Response diff(@PathParam("id") String id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        if (!CrosswalkUsage.exists(id)) {
            return unknown(id);
        }
        if (from == null || to == null) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, "give the two versions: ?from=N&to=M");
        }
        Optional<CrosswalkVersions.Version> a = editor.versions().version(id, from);
        Optional<CrosswalkVersions.Version> b = editor.versions().version(id, to);
        if (a.isEmpty() || b.isEmpty()) {
            return AdminErrors.notFound("crosswalk " + id + " has no version " + (a.isEmpty() ? from : to));
        }
        String diff = UnifiedDiff.of(id + " version " + from, a.get().stylesheet(), id + " version " + to, b.get().stylesheet());
        return Response.ok(Map.of("from", from, "to", to, "diff", diff)).build();
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
            return unknown(id);
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
            return AdminErrors.error(Response.Status.CONFLICT, "a rollback goes back to an earlier version than " + live
                    + "; publish version " + version + " instead");
        }
        String user = security.getUserPrincipal().getName();
        CrosswalkVersions.Publication publication;
        try {
            publication = editor.publish(id, version, user);
        } catch (CrosswalkCompileException e) {
            return AdminErrors.error(AdminErrors.UNPROCESSABLE, "version " + version + " does not compile; version "
                    + live + " stays in use", "errors", errors(e.problems()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("crosswalk", id);
        answer.put("version", publication.version());
        answer.put("publishedBy", publication.publishedBy());
        answer.put("publishedAt", publication.publishedAt().toString());
        List<String> affected = CrosswalkUsage.sources(sources, id);
        if (affected.isEmpty()) {
            answer.put("job", null);
            answer.put("note", CrosswalkUsage.isInbound(id) ? "no source uses this crosswalk: nothing to crosswalk again"
                    : "OAI-PMH and SRU serve records with this version from the next request on");
            return Response.accepted(answer).build();
        }
        try {
            Job job = launcher.recrosswalk(id, version, affected, user);
            answer.put("job", JobsResource.describe(launcher.jobs().progress(job)));
        } catch (JobLauncher.NotHarvesting | SchedulerException e) {
            answer.put("job", null);
            answer.put("note", e.getMessage());
        }
        return Response.accepted(answer).build();
    }

    private Map<String, Object> summary(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("direction", CrosswalkUsage.isInbound(id) ? "inbound" : "outbound");
        body.put("from", CrosswalkUsage.from(id));
        body.put("to", CrosswalkUsage.to(id));
        body.put("publishedVersion", editor.publishedVersion(id));
        body.put("inUse", editor.crosswalks().get(id).ref());
        body.put("latestVersion", editor.versions().latest(id));
        body.put("sources", CrosswalkUsage.sources(sources, id));
        CrosswalkVersions.Version newest = editor.versions().versions(id).get(0);
        body.put("updatedAt", newest.createdAt() == null ? null : newest.createdAt().toString());
        body.put("updatedBy", newest.author());
        return body;
    }

    private static Map<String, Object> describe(CrosswalkVersions.Version v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", v.version());
        body.put("author", v.author());
        body.put("createdAt", v.createdAt() == null ? null : v.createdAt().toString());
        body.put("comment", v.comment());
        return body;
    }

    private static List<Map<String, Object>> errors(List<CompileError> problems) {
        return problems.stream().map(p -> located(p.line(), p.column(), p.message())).toList();
    }

    private static Map<String, Object> problem(ValidationProblem p) {
        return located(p.line(), p.column(), p.message());
    }

    /** A message at a line and column (-1 when unknown), as compile and validation errors are shown. */
    private static Map<String, Object> located(int line, int column, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("line", line);
        e.put("column", column);
        e.put("message", message);
        return e;
    }

    private static Response unknown(String id) {
        return AdminErrors.notFound("no crosswalk " + id + " (known: " + String.join(", ", Crosswalks.allIds()) + ")");
    }
}

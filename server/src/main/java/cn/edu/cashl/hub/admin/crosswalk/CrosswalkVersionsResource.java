package cn.edu.cashl.hub.admin.crosswalk;

import cn.edu.cashl.hub.admin.common.AdminErrors;
import cn.edu.cashl.hub.crosswalk.CrosswalkCompileException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/api/crosswalks/{id}/versions} and {@code diff}: a crosswalk's history, one version's
 * text, saving a new version, and the diff between two (open to admins and editors; see
 * {@link CrosswalksResource} for the shared root path).
 */
@Path("/admin/api/crosswalks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "editor"})
public final class CrosswalkVersionsResource {

    private final CrosswalkEditor editor;

    @Inject
    public CrosswalkVersionsResource(CrosswalkEditor editor) {
        this.editor = editor;
    }

    @GET
    @Path("{id}/versions")
    public Response versions(@PathParam("id") String id) {
        if (!CrosswalkUsage.exists(id)) {
            return UnknownCrosswalk.answer(id);
        }
        int live = editor.publishedVersion(id);
        Map<Integer, CrosswalkVersions.Publication> lastPublished = new HashMap<>();
        for (CrosswalkVersions.Publication p : editor.versions().publications(id)) {
            lastPublished.putIfAbsent(p.version(), p); // newest first
        }
        List<VersionEntryJson> list = editor.versions().versions(id).stream()
                .map(v -> {
                    CrosswalkVersions.Publication p = lastPublished.get(v.version());
                    return new VersionEntryJson(
                            VersionJson.of(v),
                            v.version() == live,
                            p == null ? null : p.publishedAt().toString(),
                            p == null ? null : p.publishedBy());
                })
                .toList();
        return Response.ok(list).build();
    }

    @GET
    @Path("{id}/versions/{version}")
    public Response version(@PathParam("id") String id, @PathParam("version") int version) {
        if (!CrosswalkUsage.exists(id)) {
            return UnknownCrosswalk.answer(id);
        }
        return editor.versions()
                .version(id, version)
                .map(v -> Response.ok(new VersionDetailJson(
                                VersionJson.of(v), v.version() == editor.publishedVersion(id), v.stylesheet()))
                        .build())
                .orElseGet(() -> AdminErrors.notFound("crosswalk " + id + " has no version " + version));
    }

    @POST
    @Path("{id}/versions")
    public Response save(@PathParam("id") String id, StylesheetRequest body, @Context SecurityContext security) {
        if (!CrosswalkUsage.exists(id)) {
            return UnknownCrosswalk.answer(id);
        }
        if (body == null || body.stylesheet() == null || body.stylesheet().isBlank()) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, "send {\"stylesheet\": ..., \"comment\": ...}");
        }
        try {
            CrosswalkVersions.Version saved = editor.save(
                    id, body.stylesheet(), security.getUserPrincipal().getName(), body.comment());
            return Response.status(Response.Status.CREATED)
                    .entity(VersionJson.of(saved))
                    .build();
        } catch (CrosswalkCompileException e) {
            return AdminErrors.unprocessable(new CompileRefusalJson(
                    "the stylesheet does not compile; nothing was saved", ProblemJson.compile(e.problems())));
        } catch (IllegalArgumentException e) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    @GET
    @Path("{id}/diff")
    public Response diff(@PathParam("id") String id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        if (!CrosswalkUsage.exists(id)) {
            return UnknownCrosswalk.answer(id);
        }
        if (from == null || to == null) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, "give the two versions: ?from=N&to=M");
        }
        Optional<CrosswalkVersions.Version> a = editor.versions().version(id, from);
        Optional<CrosswalkVersions.Version> b = editor.versions().version(id, to);
        if (a.isEmpty() || b.isEmpty()) {
            return AdminErrors.notFound("crosswalk " + id + " has no version " + (a.isEmpty() ? from : to));
        }
        String diff = UnifiedDiff.of(
                id + " version " + from,
                a.get().stylesheet(),
                id + " version " + to,
                b.get().stylesheet());
        return Response.ok(new DiffJson(from, to, diff)).build();
    }
}

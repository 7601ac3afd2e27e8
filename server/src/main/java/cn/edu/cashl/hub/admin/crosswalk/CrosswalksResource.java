package cn.edu.cashl.hub.admin.crosswalk;

import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.source.Sources;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /admin/api/crosswalks}: the crosswalks, with the versions published and saved and the sources
 * that use them (open to admins and editors).
 *
 * <p>The crosswalk resources share this root path, which Jersey merges into one, so each class answers
 * its own part of {@code /admin/api/crosswalks/{id}/...}: the checks of an edited stylesheet
 * ({@link CrosswalkCheckResource}), its versions ({@link CrosswalkVersionsResource}) and making one
 * live ({@link CrosswalkPublishingResource}).
 */
@Path("/admin/api/crosswalks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "editor"})
public final class CrosswalksResource {

    private final CrosswalkEditor editor;
    private final Sources sources;

    @Inject
    public CrosswalksResource(CrosswalkEditor editor, Sources sources) {
        this.editor = editor;
        this.sources = sources;
    }

    @GET
    public List<CrosswalkJson> list() {
        return Crosswalks.allIds().stream().map(this::summary).toList();
    }

    @GET
    @Path("{id}")
    public Response crosswalk(@PathParam("id") String id) {
        if (!CrosswalkUsage.exists(id)) {
            return UnknownCrosswalk.answer(id);
        }
        String stylesheet = editor.versions()
                .version(id, editor.publishedVersion(id))
                .map(CrosswalkVersions.Version::stylesheet)
                .orElse(null);
        return Response.ok(new CrosswalkDetailJson(summary(id), stylesheet)).build();
    }

    private CrosswalkJson summary(String id) {
        CrosswalkVersions.Version newest = editor.versions().versions(id).get(0);
        return new CrosswalkJson(
                id,
                CrosswalkUsage.isInbound(id) ? "inbound" : "outbound",
                CrosswalkUsage.from(id),
                CrosswalkUsage.to(id),
                editor.publishedVersion(id),
                editor.crosswalks().get(id).ref(),
                editor.versions().latest(id),
                CrosswalkUsage.sources(sources, id),
                newest.createdAt() == null ? null : newest.createdAt().toString(),
                newest.author());
    }
}

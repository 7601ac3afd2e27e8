package cn.edu.cashl.hub.admin.source;

import cn.edu.cashl.hub.admin.common.AdminErrors;
import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.source.Sources;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /admin/api/sources/{id}/runs} and {@code /admin/api/runs/{run}}: a source's last runs, and
 * one run with its log (admin role). Rooted at {@code /admin/api} with the other sources resources
 * (see {@link SourcesResource}).
 */
@Path("/admin/api")
@Produces(MediaType.APPLICATION_JSON)
public final class RunsResource {

    private final Sources sources;
    private final HarvestStore harvests;

    @Inject
    public RunsResource(Sources sources, HarvestStore harvests) {
        this.sources = sources;
        this.harvests = harvests;
    }

    @GET
    @Path("sources/{id}/runs")
    public Response runs(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("20") int limit) {
        if (sources.get(id).isEmpty()) {
            return UnknownSource.answer(id);
        }
        return Response.ok(RunJson.of(harvests.lastRuns(id, PageSize.of(limit)), harvests.heldDeletions(id)))
                .build();
    }

    @GET
    @Path("runs/{run}")
    public Response run(@PathParam("run") long id) {
        return harvests.run(id)
                .map(run -> Response.ok(new RunDetailJson(
                                RunJson.of(run, harvests.heldDeletions(run.source())),
                                harvests.events(id).stream()
                                        .map(RunDetailJson.LogLine::of)
                                        .toList()))
                        .build())
                .orElseGet(() -> AdminErrors.notFound("no run " + id));
    }
}

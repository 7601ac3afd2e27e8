package cn.edu.cashl.hub.admin.source;

import cn.edu.cashl.hub.admin.common.AdminErrors;
import cn.edu.cashl.hub.admin.common.HarvestControl;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.harvest.schedule.HarvestScheduler;
import cn.edu.cashl.hub.source.Sources;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.quartz.SchedulerException;

/**
 * {@code /admin/api/sources/{id}/harvest}, {@code pause} and {@code resume}: a harvest now (of what
 * changed, or in full, and with a full dump's deletions confirmed), and holding a source's schedule
 * (admin role). Rooted at {@code /admin/api}
 * with the other sources resources (see {@link SourcesResource}).
 */
@Path("/admin/api")
@Produces(MediaType.APPLICATION_JSON)
public final class SourceScheduleResource {

    private final Sources sources;
    private final HarvestControl control;
    private final SourceDashboard dashboard;

    @Inject
    public SourceScheduleResource(Sources sources, HarvestStore harvests, HarvestControl control, CatalogStore store) {
        this.sources = sources;
        this.control = control;
        this.dashboard = new SourceDashboard(harvests, control, store);
    }

    /**
     * @param confirmDeletions a full dump in the run may delete more of the source's records than the
     *                         guard allows: the admin's answer to a run the guard stopped
     */
    @POST
    @Path("sources/{id}/harvest")
    public Response harvest(
            @PathParam("id") String id,
            @QueryParam("full") @DefaultValue("false") boolean full,
            @QueryParam("confirmDeletions") @DefaultValue("false") boolean confirmDeletions) {
        return withScheduler(id, scheduler -> {
            scheduler.runNow(id, full, confirmDeletions);
            return Response.accepted(new HarvestQueuedJson(id, full, true, confirmDeletions))
                    .build();
        });
    }

    @POST
    @Path("sources/{id}/pause")
    public Response pause(@PathParam("id") String id) {
        return withScheduler(id, scheduler -> {
            scheduler.pause(id);
            return Response.ok(dashboard.describe(sources.get(id).orElseThrow()))
                    .build();
        });
    }

    @POST
    @Path("sources/{id}/resume")
    public Response resume(@PathParam("id") String id) {
        return withScheduler(id, scheduler -> {
            scheduler.resume(id);
            return Response.ok(dashboard.describe(sources.get(id).orElseThrow()))
                    .build();
        });
    }

    private interface SchedulerAction {
        Response apply(HarvestScheduler scheduler) throws SchedulerException;
    }

    private Response withScheduler(String id, SchedulerAction action) {
        if (sources.get(id).isEmpty()) {
            return UnknownSource.answer(id);
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
}

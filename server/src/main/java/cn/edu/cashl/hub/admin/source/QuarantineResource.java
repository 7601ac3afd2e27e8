package cn.edu.cashl.hub.admin.source;

import cn.edu.cashl.hub.admin.common.AdminErrors;
import cn.edu.cashl.hub.admin.job.Job;
import cn.edu.cashl.hub.admin.job.JobJson;
import cn.edu.cashl.hub.admin.job.JobLauncher;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.RecordPage;
import cn.edu.cashl.hub.catalog.SourceRecordStatus;
import cn.edu.cashl.hub.catalog.SourceRecords;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.source.Sources;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
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
import org.quartz.SchedulerException;

/**
 * {@code /admin/api/sources/{id}/quarantine}: the records a source sent that the pipeline refused,
 * page by page, each with its reason and raw XML, and a retry of them all after a fix (admin role).
 * Rooted at {@code /admin/api} with the other sources resources (see {@link SourcesResource}).
 */
@Path("/admin/api")
@Produces(MediaType.APPLICATION_JSON)
public final class QuarantineResource {

    private final Sources sources;
    private final CatalogStore store;
    private final JobLauncher launcher;

    @Inject
    public QuarantineResource(Sources sources, CatalogStore store, JobLauncher launcher) {
        this.sources = sources;
        this.store = store;
        this.launcher = launcher;
    }

    @GET
    @Path("sources/{id}/quarantine")
    public Response quarantine(
            @PathParam("id") String id,
            @QueryParam("cursor") @DefaultValue(CatalogStore.FIRST_PAGE) String cursor,
            @QueryParam("rows") @DefaultValue("50") int rows) {
        if (sources.get(id).isEmpty()) {
            return UnknownSource.answer(id);
        }
        RecordPage page;
        try {
            page = store.list(StoreCollection.SOURCE, quarantined(id), cursor, PageSize.of(rows));
        } catch (RuntimeException e) {
            // Solr refuses a cursor it did not make; say so without its message
            return AdminErrors.error(
                    Response.Status.BAD_REQUEST, "bad cursor: use the nextCursor of the previous page");
        }
        return Response.ok(new QuarantinePageJson(
                        page.total() >= 0 ? page.total() : store.count(StoreCollection.SOURCE, quarantined(id)),
                        page.records().stream().map(QuarantinedRecordJson::of).toList(),
                        page.nextCursor() == null || page.nextCursor().equals(cursor) ? null : page.nextCursor()))
                .build();
    }

    @GET
    @Path("sources/{id}/quarantine/{record}")
    public Response quarantined(@PathParam("id") String id, @PathParam("record") String record) {
        return store.get(StoreCollection.SOURCE, record)
                .filter(r -> id.equals(r.source()) && SourceRecordStatus.QUARANTINED.of(r))
                .map(r -> Response.ok(new QuarantinedRecordDetailJson(QuarantinedRecordJson.of(r), r.raw()))
                        .build())
                .orElseGet(() -> AdminErrors.notFound("source " + id + " has no quarantined record " + record));
    }

    @POST
    @Path("sources/{id}/quarantine/retry")
    public Response retry(@PathParam("id") String id, @Context SecurityContext security) {
        if (sources.get(id).isEmpty()) {
            return UnknownSource.answer(id);
        }
        try {
            Job job = launcher.retryQuarantined(id, security.getUserPrincipal().getName());
            return Response.accepted(
                            new RetryStartedJson(JobJson.of(launcher.jobs().progress(job))))
                    .build();
        } catch (JobLauncher.NotHarvesting e) {
            return AdminErrors.error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        } catch (SchedulerException e) {
            return AdminErrors.error(Response.Status.CONFLICT, e.getMessage());
        }
    }

    private static RecordFilter quarantined(String source) {
        return SourceRecords.of(source, SourceRecordStatus.QUARANTINED);
    }
}

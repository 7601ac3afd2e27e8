package cn.edu.cashl.hub.admin.source;

import cn.edu.cashl.hub.admin.common.AdminErrors;
import cn.edu.cashl.hub.admin.common.HarvestControl;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.harvest.onboarding.OnboardingCheck;
import cn.edu.cashl.hub.harvest.onboarding.OnboardingReport;
import cn.edu.cashl.hub.harvest.schedule.HarvestScheduler;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.SourceStore;
import cn.edu.cashl.hub.source.Sources;
import cn.edu.cashl.hub.source.SourcesException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;
import org.quartz.SchedulerException;

/**
 * {@code /admin/api/sources}: the sources dashboard (state, last runs, next run, record counts), and
 * adding and editing a source after an onboarding check (admin role).
 *
 * <p>The sources resources all take their paths from {@code /admin/api}: Jersey matches a request to
 * the resource classes of the longest matching root path, and merges those whose root paths are the
 * same, so one root lets each class answer its own part of {@code /admin/api/sources/...} and
 * {@code /admin/api/runs/...}.
 */
@Path("/admin/api")
@Produces(MediaType.APPLICATION_JSON)
public final class SourcesResource {

    private static final int SAMPLE = 5;

    private final Sources sources;
    private final HarvestControl control;
    private final SourceStore saved;
    private final OnboardingCheck onboarding;
    private final SourceDashboard dashboard;

    @Inject
    public SourcesResource(
            Sources sources,
            HarvestStore harvests,
            HarvestControl control,
            CatalogStore store,
            SourceStore saved,
            OnboardingCheck onboarding) {
        this.sources = sources;
        this.control = control;
        this.saved = saved;
        this.onboarding = onboarding;
        this.dashboard = new SourceDashboard(harvests, control, store);
    }

    @GET
    @Path("sources")
    public List<SourceJson> sources() {
        return sources.all().stream().map(dashboard::describe).toList();
    }

    @GET
    @Path("sources/{id}")
    public Response source(@PathParam("id") String id) {
        return sources.get(id)
                .map(s -> Response.ok(dashboard.describe(s)).build())
                .orElseGet(() -> UnknownSource.answer(id));
    }

    /** Runs the onboarding check of a source, saving nothing. */
    @POST
    @Path("sources/check")
    public Response check(Source source) {
        Optional<Response> invalid = invalid(source);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        return Response.ok(onboarding.check(source, SAMPLE)).build();
    }

    @POST
    @Path("sources")
    public Response add(Source source, @Context SecurityContext security) {
        if (source != null && source.id() != null && sources.get(source.id()).isPresent()) {
            return AdminErrors.error(
                    Response.Status.CONFLICT, "a source " + source.id() + " exists already: edit it instead");
        }
        return save(source, security, Response.Status.CREATED);
    }

    @PUT
    @Path("sources/{id}")
    public Response edit(@PathParam("id") String id, Source source, @Context SecurityContext security) {
        if (sources.get(id).isEmpty()) {
            return UnknownSource.answer(id);
        }
        if (source != null && source.id() != null && !source.id().equals(id)) {
            return AdminErrors.error(
                    Response.Status.BAD_REQUEST, "a source's id is its holding library's code and cannot change");
        }
        return save(source, security, Response.Status.OK);
    }

    /** Saves a source if its onboarding check passes, and makes the schedule follow it. */
    private Response save(Source source, SecurityContext security, Response.Status status) {
        Optional<Response> invalid = invalid(source);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        OnboardingReport report = onboarding.check(source, SAMPLE);
        if (!report.ok()) {
            return AdminErrors.unprocessable(
                    new OnboardingRefusalJson("the onboarding check failed; nothing was saved", report));
        }
        try {
            sources.put(source);
        } catch (SourcesException e) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        saved.save(source, security.getUserPrincipal().getName());
        control.get().ifPresent(scheduler -> {
            try {
                scheduler.update(source);
            } catch (SchedulerException e) {
                throw new IllegalStateException(
                        "the source was saved but its schedule could not be updated: " + e.getMessage(), e);
            }
        });
        return Response.status(status)
                .entity(new SavedSourceJson(dashboard.describe(source), report))
                .build();
    }

    private static Optional<Response> invalid(Source source) {
        if (source == null) {
            return Optional.of(AdminErrors.error(Response.Status.BAD_REQUEST, "send the source's fields as JSON"));
        }
        try {
            Sources.validate(source);
            if (source.schedule() != null && !source.schedule().isBlank()) {
                Optional<String> cron = HarvestScheduler.checkCron(source.schedule());
                if (cron.isPresent()) {
                    return Optional.of(AdminErrors.error(Response.Status.BAD_REQUEST, "schedule: " + cron.get()));
                }
            }
            return Optional.empty();
        } catch (SourcesException e) {
            return Optional.of(AdminErrors.error(Response.Status.BAD_REQUEST, e.getMessage()));
        }
    }
}

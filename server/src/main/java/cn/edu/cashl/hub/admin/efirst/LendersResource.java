package cn.edu.cashl.hub.admin.efirst;

import cn.edu.cashl.hub.admin.common.AdminErrors;
import cn.edu.cashl.hub.resolver.Member;
import cn.edu.cashl.hub.resolver.Resolver;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.Sources;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/api/lenders}: the member libraries as lenders of print copies, in the order the
 * resolver ranks them (centre libraries before service libraries, then by weight, then by code),
 * and an admin's change of a library's weight (admin role).
 */
@Path("/admin/api/lenders")
@Produces(MediaType.APPLICATION_JSON)
public final class LendersResource {

    private final Sources sources;
    private final LenderWeightStore weights;
    private final Resolver resolver;

    @Inject
    public LendersResource(Sources sources, LenderWeightStore weights, Resolver resolver) {
        this.sources = sources;
        this.weights = weights;
        this.resolver = resolver;
    }

    /** The lenders in the order the resolver itself gives them ({@link Resolver#lenders()}). */
    @GET
    public LendersJson list() {
        Map<String, LenderWeightStore.Weight> saved = weights.all();
        List<LenderJson> ranked = new ArrayList<>();
        for (Member member : resolver.lenders()) {
            sources.get(member.code())
                    .ifPresent(source -> ranked.add(lender(source, saved.get(source.id()), ranked.size() + 1)));
        }
        return new LendersJson(LenderWeightStore.DEFAULT, LenderWeightStore.MAX, ranked);
    }

    @PUT
    @Path("{library}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response set(@PathParam("library") String library, WeightChange change, @Context SecurityContext security) {
        Source source = sources.get(library).orElse(null);
        if (source == null || source.lending().tier() == null) {
            return AdminErrors.notFound("no member library '" + library + "' (a lender has a tier in sources.yaml)");
        }
        if (change == null || change.weight() == null) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, "the body needs a weight, e.g. {\"weight\": 1.5}");
        }
        try {
            LenderWeightStore.Weight saved = weights.set(
                    library,
                    change.weight(),
                    change.note(),
                    security.getUserPrincipal().getName());
            return Response.ok(lender(source, saved, 0)).build();
        } catch (IllegalArgumentException e) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    private static LenderJson lender(Source source, LenderWeightStore.Weight saved, int rank) {
        return new LenderJson(
                source.id(),
                source.name(),
                source.nameZh(),
                source.lending().tier(),
                saved == null ? LenderWeightStore.DEFAULT : saved.weight(),
                saved == null ? null : saved.note(),
                saved == null ? null : Instant.ofEpochMilli(saved.updatedAt()).toString(),
                saved == null ? null : saved.updatedBy(),
                source.lending().illBaseUrl(),
                rank);
    }
}

package cn.edu.cashl.hub.admin.stats;

import cn.edu.cashl.hub.catalog.CatalogSearch;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.catalog.SourceRecordStatus;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.harvest.RunMode;
import cn.edu.cashl.hub.harvest.RunRecord;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.Sources;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /admin/api/stats}: the catalogue in numbers (admin role). Master records and holdings are
 * counted over live master records by the same search SRU uses; source records by status; harvest
 * volumes from the recorded runs, per day and source.
 */
@Path("/admin/api/stats")
@Produces(MediaType.APPLICATION_JSON)
public final class StatsResource {

    private static final int TOP_VALUES = 50;

    private final CatalogStore store;
    private final CatalogSearch search;
    private final HarvestStore harvests;
    private final Sources sources;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public StatsResource(CatalogStore store, CatalogSearch search, HarvestStore harvests, Sources sources) {
        this.store = store;
        this.search = search;
        this.harvests = harvests;
        this.sources = sources;
    }

    @GET
    public StatsJson stats(@QueryParam("days") @DefaultValue("30") int days) {
        long masters = store.count(StoreCollection.CATALOG, RecordFilter.ALL.withDeleted(false));
        long accepted = sourceCount(SourceRecordStatus.ACCEPTED);
        // How many accepted source records one master record stands for: the merging's effect.
        Double dedupRatio = masters == 0 ? null : Math.round(accepted * 1000.0 / masters) / 1000.0;
        List<CatalogSearch.FacetRequest> facets = List.of(
                new CatalogSearch.FacetRequest(SearchFields.LIBRARY, 0, TOP_VALUES, true),
                new CatalogSearch.FacetRequest(SearchFields.TYPE, 0, TOP_VALUES, true),
                new CatalogSearch.FacetRequest(SearchFields.LANGUAGE, 0, TOP_VALUES, true),
                new CatalogSearch.FacetRequest(SearchFields.YEAR, 0, 1000, false));
        CatalogSearch.SearchResult counted =
                search.search(new CatalogSearch.SearchRequest("*:*", Map.of(), List.of(), 0, null, 0, false, facets));
        List<StatsJson.Library> libraries = new ArrayList<>();
        for (var term : counted.facets().getOrDefault(SearchFields.LIBRARY, List.of())) {
            Source source = sources.get(term.term()).orElse(null);
            libraries.add(new StatsJson.Library(
                    term.term(),
                    source == null ? null : source.name(),
                    source == null ? null : source.nameZh(),
                    term.count()));
        }
        return new StatsJson(
                masters,
                store.count(StoreCollection.CATALOG, RecordFilter.ALL.withDeleted(true)),
                store.count(StoreCollection.SOURCE, RecordFilter.ALL),
                accepted,
                sourceCount(SourceRecordStatus.FILTERED),
                sourceCount(SourceRecordStatus.QUARANTINED),
                dedupRatio,
                libraries,
                values(counted, SearchFields.TYPE),
                values(counted, SearchFields.LANGUAGE),
                values(counted, SearchFields.YEAR),
                volumes(Math.min(Math.max(days, 1), 366)));
    }

    private long sourceCount(SourceRecordStatus status) {
        return store.count(StoreCollection.SOURCE, RecordFilter.ALL.withStatus(status));
    }

    private static List<StatsJson.Count> values(CatalogSearch.SearchResult result, String field) {
        return result.facets().getOrDefault(field, List.of()).stream()
                .map(t -> new StatsJson.Count(t.term(), t.count()))
                .toList();
    }

    /** Records harvested or imported per day (UTC) and source over the last days, from the runs that started then. */
    private List<StatsJson.Volume> volumes(int days) {
        Map<String, Map<String, long[]>> byDay = new TreeMap<>();
        for (RunRecord run : harvests.runsSince(clock.instant().minus(Duration.ofDays(days)))) {
            if (RunMode.of(run).rereads()) {
                continue; // re-crosswalks and retries read stored records again: no new volume
            }
            String day = LocalDate.ofInstant(run.startedAt(), ZoneOffset.UTC).toString();
            long[] sums =
                    byDay.computeIfAbsent(day, d -> new TreeMap<>()).computeIfAbsent(run.source(), s -> new long[4]);
            sums[0] += run.counts().records();
            sums[1] += run.counts().accepted;
            sums[2] += run.counts().filtered;
            sums[3] += run.counts().quarantined;
        }
        List<StatsJson.Volume> list = new ArrayList<>();
        byDay.forEach((day, perSource) -> perSource.forEach(
                (source, sums) -> list.add(new StatsJson.Volume(day, source, sums[0], sums[1], sums[2], sums[3]))));
        return list;
    }
}

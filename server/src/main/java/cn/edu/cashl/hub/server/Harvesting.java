package cn.edu.cashl.hub.server;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.harvest.HarvestSettings;
import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.harvest.Harvester;
import cn.edu.cashl.hub.ingest.IngestPipeline;
import cn.edu.cashl.hub.source.Sources;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.BiFunction;

/**
 * What the hub needs to harvest: the sources, where relative paths in them start, the crosswalks in
 * use (which the hub's OAI-PMH provider publishes with too), and how to build an ingest pipeline over
 * the hub's store with them (one per run).
 */
public record Harvesting(
        Sources sources,
        Path configDir,
        Crosswalks crosswalks,
        BiFunction<CatalogStore, DatestampClock, IngestPipeline> pipelines) {

    /**
     * The harvester over the hub's catalogue and harvest database.
     *
     * @param datestamps the clock every writer and reader of {@code catalog} in this process shares
     */
    public Harvester harvester(
            CatalogStore catalog, DatestampClock datestamps, HarvestStore store, HarvestSettings settings) {
        return new Harvester(
                sources, store, () -> pipelines.apply(catalog, datestamps), settings, configDir, Clock.systemUTC());
    }
}

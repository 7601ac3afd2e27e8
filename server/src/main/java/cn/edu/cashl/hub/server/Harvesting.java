package cn.edu.cashl.hub.server;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.harvest.HarvestSettings;
import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.harvest.Harvester;
import cn.edu.cashl.hub.ingest.IngestPipeline;
import cn.edu.cashl.hub.source.JournalListFiles;
import cn.edu.cashl.hub.source.JournalLists;
import cn.edu.cashl.hub.source.Sources;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.BiFunction;

/**
 * What the hub needs to harvest: the sources, where relative paths in them start, the crosswalks in
 * use (which the hub's OAI-PMH provider publishes with too), how to build an ingest pipeline over
 * the hub's store with them (one per run), and the journal lists Crossref sources ask for the works
 * of (which the onboarding check reads too).
 */
public record Harvesting(
        Sources sources,
        Path configDir,
        Crosswalks crosswalks,
        BiFunction<CatalogStore, DatestampClock, IngestPipeline> pipelines,
        JournalLists journalLists) {

    /** The journal lists are the files of {@code journals/} in the configuration directory. */
    public Harvesting(
            Sources sources,
            Path configDir,
            Crosswalks crosswalks,
            BiFunction<CatalogStore, DatestampClock, IngestPipeline> pipelines) {
        this(sources, configDir, crosswalks, pipelines, JournalListFiles.inConfig(configDir));
    }

    /**
     * The harvester over the hub's catalogue and harvest database.
     *
     * @param datestamps the clock every writer and reader of {@code catalog} in this process shares
     */
    public Harvester harvester(
            CatalogStore catalog, DatestampClock datestamps, HarvestStore store, HarvestSettings settings) {
        return new Harvester(
                sources,
                store,
                () -> pipelines.apply(catalog, datestamps),
                settings,
                configDir,
                journalLists,
                Clock.systemUTC());
    }
}

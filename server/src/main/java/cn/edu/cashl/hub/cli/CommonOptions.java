package cn.edu.cashl.hub.cli;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.config.ConfigException;
import cn.edu.cashl.hub.config.ConfigLoader;
import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.crosswalk.CrosswalkEngine;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.ingest.IngestPipeline;
import cn.edu.cashl.hub.ingest.hss.HssFilter;
import cn.edu.cashl.hub.ingest.hss.HssRules;
import cn.edu.cashl.hub.server.Harvesting;
import cn.edu.cashl.hub.source.JournalListFiles;
import cn.edu.cashl.hub.source.JournalLists;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.Sources;
import cn.edu.cashl.hub.source.SourcesException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.BiFunction;
import picocli.CommandLine.Option;

/** Options every command takes, and how they combine with the configuration file. */
final class CommonOptions {

    static final String DEFAULT_CONFIG = "config/cashl-hub.yaml";

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration file (default: " + DEFAULT_CONFIG + ").")
    Path config;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data directory: embedded Solr, database, logs (default: hub.dataDir, ./data).")
    Path data;

    @Option(
            names = "--sources",
            paramLabel = "FILE",
            description = "Sources file (default: sources.yaml beside the configuration file).")
    Path sources;

    /** The configuration: defaults, file, environment; then the command-line options on top. */
    HubConfig load() throws ConfigException {
        HubConfig config = new ConfigLoader().load(configFile(), System.getenv());
        return data == null ? config : config.withDataDir(data.toString());
    }

    /**
     * The file given with --config; else config/cashl-hub.yaml in the working directory; else the one
     * beside the launcher (started from elsewhere); else none, and the defaults apply.
     */
    Path configFile() {
        if (config != null) {
            return config;
        }
        Path local = Path.of(DEFAULT_CONFIG);
        if (Files.isRegularFile(local)) {
            return local;
        }
        String home = System.getProperty("cashl.home");
        if (home != null && Files.isRegularFile(Path.of(home, DEFAULT_CONFIG))) {
            return Path.of(home, DEFAULT_CONFIG);
        }
        return null;
    }

    /** The directory of the configuration file, where sources.yaml and hss-rules.yaml live beside it. */
    Path configDir() {
        Path file = configFile();
        if (file != null) {
            return file.toAbsolutePath().getParent();
        }
        String home = System.getProperty("cashl.home");
        return home != null ? Path.of(home, "config") : Path.of("config");
    }

    /** The sources file's sources, with those saved in the web admin over them (see {@link AdminState}). */
    Sources sources() throws ConfigException {
        Sources loaded = fileSources();
        AdminState.apply(load(), loaded, null);
        return loaded;
    }

    private Sources fileSources() throws ConfigException {
        try {
            return Sources.load(sources != null ? sources : configDir().resolve("sources.yaml"));
        } catch (SourcesException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** The crosswalks in use: the packaged ones, with the versions published in the web admin installed. */
    Crosswalks crosswalks() throws ConfigException {
        Crosswalks crosswalks = Crosswalks.packaged(new CrosswalkEngine());
        AdminState.apply(load(), null, crosswalks);
        return crosswalks;
    }

    /** A configured source; an unknown id is a configuration error that lists the known ones. */
    Source source(String id) throws ConfigException {
        try {
            return sources().require(id);
        } catch (SourcesException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** The ingest pipeline over a store: the crosswalks in use, HSS rules from hss-rules.yaml. */
    IngestPipeline pipeline(CatalogStore store) throws ConfigException {
        return pipelines(crosswalks()).apply(store, unread());
    }

    /**
     * Builds ingest pipelines over a store, the configuration read once (harvests take one per run).
     *
     * @param crosswalks the crosswalks in use, which the hub's OAI-PMH provider shares
     */
    BiFunction<CatalogStore, DatestampClock, IngestPipeline> pipelines(Crosswalks crosswalks) throws ConfigException {
        Path rules = configDir().resolve("hss-rules.yaml");
        HssRules hssRules;
        try {
            hssRules = HssRules.load(rules);
        } catch (IOException e) {
            throw new ConfigException("HSS rules " + rules + ": " + e.getMessage());
        }
        HssFilter filter = new HssFilter(hssRules);
        JournalLists journals = journalLists();
        return (store, datestamps) -> new IngestPipeline(store, crosswalks, filter, journals, datestamps);
    }

    /** The journal lists that scope sources' articles: the files of {@code journals/} beside the configuration. */
    JournalLists journalLists() {
        return new JournalListFiles(configDir().resolve("journals"));
    }

    /**
     * Datestamps for a command that writes the catalogue while no hub serves it (the data
     * directory's lock sees to that): nobody waits for the writes to become visible.
     */
    static DatestampClock unread() {
        return DatestampClock.unread(Clock.systemUTC());
    }

    /**
     * Everything the hub needs to harvest the configured sources. The packaged crosswalks and the
     * sources file: the hub itself installs what the admins published and saved when it starts.
     */
    Harvesting harvesting() throws ConfigException {
        Crosswalks crosswalks = Crosswalks.packaged(new CrosswalkEngine());
        return new Harvesting(fileSources(), configDir(), crosswalks, pipelines(crosswalks));
    }

    /** What {@code harvest} needs: as {@link #harvesting()}, with the admins' crosswalks and sources applied. */
    Harvesting harvestingWithAdminState() throws ConfigException {
        Harvesting harvesting = harvesting();
        AdminState.apply(load(), harvesting.sources(), harvesting.crosswalks());
        return harvesting;
    }

    static Path dataDir(HubConfig config) {
        return Path.of(config.hub().dataDir()).toAbsolutePath().normalize();
    }
}

package cn.edu.cashl.hub.cli;

import cn.edu.cashl.hub.config.ConfigException;
import cn.edu.cashl.hub.config.ConfigLoader;
import cn.edu.cashl.hub.config.HubConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes, and how they combine with the configuration file. */
final class CommonOptions {

    static final String DEFAULT_CONFIG = "config/cashl-hub.yaml";

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: " + DEFAULT_CONFIG + ").")
    Path config;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory: embedded Solr, database, logs (default: hub.dataDir, ./data).")
    Path data;

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

    static Path dataDir(HubConfig config) {
        return Path.of(config.hub().dataDir()).toAbsolutePath().normalize();
    }
}

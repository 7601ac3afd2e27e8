package cn.edu.cashl.hub.cli;

import cn.edu.cashl.hub.server.Harvesting;
import java.nio.file.Path;

/** What {@code serve} gives the hub, for tests that start one with harvesting (and so the scheduler). */
public final class TestHubs {

    private TestHubs() {}

    /** The sources of {@code sourcesFile} with the crosswalks and pipelines of {@code config}'s directory. */
    public static Harvesting harvesting(Path config, Path sourcesFile) throws Exception {
        CommonOptions options = new CommonOptions();
        options.config = config;
        options.sources = sourcesFile;
        return options.harvesting();
    }
}

package cn.edu.cashl.hub.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.edu.cashl.hub.cli.Main;
import cn.edu.cashl.hub.config.ConfigLoader;
import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.testkit.ProjectRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hub for protocol tests: the bundled demo feed imported into a fresh data directory with the
 * import command, then the hub started on a free loopback port with the packaged configuration.
 */
public final class DemoHub {

    private DemoHub() {}

    /** Imports the demo feed into {@code data}; returns the packaged configuration file. */
    public static Path importDemo(Path data) {
        Path root = ProjectRoot.find();
        Path config = root.resolve("config/cashl-hub.yaml");
        importFile(config, data, "demo", root.resolve("config/demo/cashl-demo-full-20261101.mrc"));
        return config;
    }

    /** Imports one more file as a source's records, with the import command. */
    public static void importFile(Path config, Path data, String source, Path file) {
        importFile(config, data, source, file, 0);
    }

    /** As {@link #importFile(Path, Path, String, Path)}, expecting this exit code (1: nothing accepted). */
    public static void importFile(Path config, Path data, String source, Path file, int exitCode) {
        importFile(config, data, source, "auto", file, exitCode);
    }

    /** As {@link #importFile(Path, Path, String, Path, int)}, the file in this {@code --format}. */
    public static void importFile(Path config, Path data, String source, String format, Path file, int exitCode) {
        assertEquals(exitCode, Main.run(importArguments(config, data, null, source, format, file)));
    }

    /** Imports a file for a source of this sources file, in this {@code --format}; the import must succeed. */
    public static void importFile(Path config, Path data, Path sources, String source, String format, Path file) {
        assertEquals(
                0, Main.run(importArguments(config, data, sources, source, format, file)), () -> "importing " + file);
    }

    /** {@code import}'s arguments; {@code sources} null for the configuration's own sources file. */
    private static String[] importArguments(
            Path config, Path data, Path sources, String source, String format, Path file) {
        List<String> arguments =
                new ArrayList<>(List.of("import", "--config", config.toString(), "--data", data.toString()));
        if (sources != null) {
            arguments.addAll(List.of("--sources", sources.toString()));
        }
        arguments.addAll(List.of("--source", source, "--format", format, file.toString()));
        return arguments.toArray(String[]::new);
    }

    /** The packaged configuration on loopback, port 0, with this data directory. */
    public static HubConfig loopback(Path config, Path data) throws Exception {
        HubConfig loaded = new ConfigLoader().load(config, Map.of());
        return loaded.withHub(new HubConfig.HubSettings("127.0.0.1", 0, data.toString(), ""));
    }
}

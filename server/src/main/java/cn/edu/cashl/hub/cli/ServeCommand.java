package cn.edu.cashl.hub.cli;

import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.server.Hub;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cashl-hub serve}: runs the hub until SIGTERM or Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description =
                "Run the hub: harvests on schedule, the catalogue in Solr, HTTP on --port with /health and /admin/api.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default: hub.port, 8080).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        HubConfig config = common.load();
        if (port != null) {
            config = config.withPort(port);
        }
        Hub hub = Hub.start(config, CommonOptions.dataDir(config), common.harvesting());
        // SIGTERM and Ctrl-C run this hook: Jetty stops, Solr's cores close, the lock is released.
        Runtime.getRuntime().addShutdownHook(new Thread(hub::close, "cashl-shutdown"));
        hub.awaitStop();
        return 0;
    }
}

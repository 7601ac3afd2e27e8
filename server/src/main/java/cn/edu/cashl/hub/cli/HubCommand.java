package cn.edu.cashl.hub.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cashl-hub}: the commands an operator runs, named after what they do. */
@Command(
        name = "cashl-hub",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "CASHL Hub: harvests the member libraries, builds the union catalogue and serves it over OAI-PMH and SRU.",
        subcommands = {
            ServeCommand.class,
            HarvestCommand.class,
            SourcesCommand.class,
            ImportCommand.class,
            CrosswalkCommand.class,
            RecrosswalkCommand.class,
            UserCommand.class
        },
        commandListHeading = "%nCommands:%n",
        footer = {
            "",
            "Every command takes --config FILE and --data DIR. Settings can also come from CASHL_* environment variables (docs/configuration.md)."
        })
final class HubCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

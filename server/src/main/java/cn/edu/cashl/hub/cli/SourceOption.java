package cn.edu.cashl.hub.cli;

import picocli.CommandLine.Option;

/** {@code --source ID}: whose records these are, for the commands that read files. */
final class SourceOption {

    @Option(
            names = "--source",
            paramLabel = "ID",
            defaultValue = "local",
            description =
                    "Source the records come from: its holding library, crosswalk and holdings field apply (default: ${DEFAULT-VALUE}).")
    String id;
}

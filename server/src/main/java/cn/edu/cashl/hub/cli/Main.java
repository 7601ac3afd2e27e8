package cn.edu.cashl.hub.cli;

import cn.edu.cashl.hub.config.ConfigException;
import cn.edu.cashl.hub.db.DatabaseException;
import cn.edu.cashl.hub.server.HubStartupException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of {@code ./cashl-hub}. Errors an operator can fix (configuration, a data directory in
 * use, a port taken) are printed as one line without a stack trace, with exit code 2 for
 * configuration and usage errors and 1 for everything else.
 */
public final class Main {

    static final int CONFIG_ERROR = 2;
    static final int FAILURE = 1;

    static {
        // Jersey and HK2 log through java.util.logging: send it to the hub's log4j configuration.
        System.setProperty("java.util.logging.manager", "org.apache.logging.log4j.jul.LogManager");
    }

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new HubCommand());
        commandLine.setExecutionExceptionHandler(Main::report);
        return commandLine.execute(args);
    }

    private static int report(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (e instanceof ConfigException) {
            err.println("cashl-hub: configuration error: " + e.getMessage());
            return CONFIG_ERROR;
        }
        if (e instanceof HubStartupException || e instanceof DatabaseException) {
            err.println("cashl-hub: cannot start: " + e.getMessage());
            return FAILURE;
        }
        err.println("cashl-hub: " + e);
        e.printStackTrace(err);
        return FAILURE;
    }
}

package cn.edu.cashl.hub.cli;

import cn.edu.cashl.hub.admin.auth.Account;
import cn.edu.cashl.hub.admin.auth.Accounts;
import cn.edu.cashl.hub.admin.auth.Passwords;
import cn.edu.cashl.hub.admin.auth.Role;
import cn.edu.cashl.hub.admin.auth.Sessions;
import cn.edu.cashl.hub.config.ConfigException;
import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.db.Database;
import cn.edu.cashl.hub.db.DatabaseException;
import cn.edu.cashl.hub.db.Jdbc;
import cn.edu.cashl.hub.server.HubStartupException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cashl-hub user}: the web admin's accounts, for the first one above all (after that, admins
 * manage accounts in the admin). The password is asked for on the terminal, or read as one line from
 * standard input when there is none, never taken from the command line (it would stay in the shell's
 * history and the process list). With the embedded H2 database, stop the hub first.
 */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description =
                "Manage the web admin's accounts (add, passwd, remove, list) or print a password hash for admin.users.",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.Passwd.class,
            UserCommand.Remove.class,
            UserCommand.ListAccounts.class,
            UserCommand.Hash.class
        })
final class UserCommand implements Runnable {

    @Override
    public void run() {
        System.err.println("cashl-hub user: choose add, passwd, remove, list or hash (--help says more)");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account; asks for its password.")
    static final class Add implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "NAME", description = "The account name.")
        String name;

        @Option(
                names = "--role",
                defaultValue = "admin",
                description = "admin (everything) or editor (crosswalks only); default ${DEFAULT-VALUE}.")
        String role;

        @Override
        public Integer call() throws Exception {
            Role parsed = parseRole(role);
            String password = readPassword("password for " + name);
            return withAccounts(common, (accounts, sessions) -> {
                Account account = accounts.create(name, parsed, password);
                System.out.println("created " + account.role().value() + " account " + account.name());
            });
        }
    }

    @Command(
            name = "passwd",
            mixinStandardHelpOptions = true,
            description = "Set an account's password; logs its sessions out.")
    static final class Passwd implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            String password = readPassword("new password for " + name);
            return withAccounts(common, (accounts, sessions) -> {
                if (!accounts.setPassword(name, password)) {
                    throw new ConfigException(
                            "no account " + name + " in the database (accounts of admin.users change in the file)");
                }
                sessions.closeAll(name);
                System.out.println("password of " + name + " changed");
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete an account and log it out.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            return withAccounts(common, (accounts, sessions) -> {
                if (!accounts.delete(name)) {
                    throw new ConfigException("no account " + name);
                }
                sessions.closeAll(name);
                System.out.println("removed " + name);
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    static final class ListAccounts implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws Exception {
            return withAccounts(common, (accounts, sessions) -> {
                for (Account account : accounts.all()) {
                    System.out.printf(
                            "%-24s %-7s %s%n",
                            account.name(),
                            account.role().value(),
                            account.configured() ? "(configuration file)" : "created " + account.createdAt());
                }
            });
        }
    }

    @Command(
            name = "hash",
            mixinStandardHelpOptions = true,
            description =
                    "Print the Argon2id hash of a password, for an account in admin.users of the configuration file.")
    static final class Hash implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            System.out.println(Passwords.hash(readPassword("password")));
            return 0;
        }
    }

    private interface AccountWork {
        void run(Accounts accounts, Sessions sessions) throws Exception;
    }

    private static int withAccounts(CommonOptions common, AccountWork work) throws Exception {
        HubConfig config = common.load();
        try (Database database = Database.open(config.db(), CommonOptions.dataDir(config))) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            List<Accounts.ConfiguredAccount> configured = config.admin().users().stream()
                    .map(u -> new Accounts.ConfiguredAccount(u.name(), u.role(), u.passwordHash()))
                    .toList();
            Accounts accounts = new Accounts(jdbc, configured, Clock.systemUTC());
            Sessions sessions = new Sessions(
                    jdbc,
                    Duration.ofMinutes(config.admin().sessionMinutes()),
                    Duration.ofHours(config.admin().sessionMaxHours()),
                    Clock.systemUTC());
            work.run(accounts, sessions);
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConfigException(e.getMessage());
        } catch (DatabaseException e) {
            throw new HubStartupException(e.getMessage() + " (with the embedded database, stop the hub first)", e);
        }
    }

    private static Role parseRole(String role) throws ConfigException {
        try {
            return Role.of(role);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** The password from the terminal (asked twice), or one line of standard input. */
    static String readPassword(String prompt) throws IOException, ConfigException {
        Console console = System.console();
        String password;
        if (console != null) {
            char[] first = console.readPassword("%s: ", prompt);
            char[] again = console.readPassword("again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new ConfigException("the two passwords differ");
            }
            password = new String(first);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.codePointCount(0, password.length()) < Accounts.MIN_PASSWORD) {
            throw new ConfigException("a password needs at least " + Accounts.MIN_PASSWORD + " characters");
        }
        return password;
    }
}

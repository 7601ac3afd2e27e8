package cn.edu.cashl.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.edu.cashl.hub.testkit.ProjectRoot;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub as an operator runs it: {@code ./cashl-hub} in its own process, stopped with SIGTERM,
 * talked to over loopback HTTP. Runs after packaging, against the jar the launcher would run.
 */
class LauncherIT {

    private static final Path LAUNCHER = ProjectRoot.find().resolve("cashl-hub");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process process : started) {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private Process launch(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectOutput(work.resolve("out-" + started.size() + ".log").toFile())
                .redirectError(work.resolve("err-" + started.size() + ".log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CASHL_"));
        builder.environment().put("CASHL_HUB_HOST", "127.0.0.1");
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private String stderr(Process process) throws IOException {
        return Files.readString(work.resolve("err-" + started.indexOf(process) + ".log"));
    }

    private String stdout(Process process) throws IOException {
        return Files.readString(work.resolve("out-" + started.indexOf(process) + ".log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int healthStatus(int port) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void awaitHealthy(Process process, int port) throws Exception {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (healthStatus(port) == 200) {
                return;
            }
            if (!process.isAlive()) {
                fail("hub exited with " + process.exitValue() + ":\n" + stderr(process) + stdout(process));
            }
            Thread.sleep(200);
        }
        fail("no healthy /health within " + START_LIMIT + ":\n" + stdout(process) + stderr(process));
    }

    private static void assertNoStackTrace(String output) {
        assertFalse(output.contains("\tat "), "a stack trace was printed:\n" + output);
    }

    @Test
    void helpListsTheCommands() throws Exception {
        Process process = launch(Map.of(), "--help");
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertTrue(stdout(process).contains("serve"), stdout(process));
    }

    /** Starts {@code serve} and waits until /health answers 200. */
    private Process serve(int port, Path data) throws Exception {
        Process process = launch(Map.of(), "serve", "--port", String.valueOf(port), "--data", data.toString());
        awaitHealthy(process, port);
        return process;
    }

    /** SIGTERM, and the hub must be gone within 30 s. */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "hub did not stop on SIGTERM");
    }

    @Test
    void servesHealthStopsCleanlyOnSigtermAndStartsAgain() throws Exception {
        int port = freePort();
        Path data = work.resolve("data");

        Process first = serve(port, data);
        stop(first);
        assertTrue(stdout(first).contains("CASHL Hub stopped"), stdout(first));
        assertNoStackTrace(stdout(first) + stderr(first));

        stop(serve(port, data));
    }

    @Test
    void hubKilledWithSigkillLeavesNoStaleLock() throws Exception {
        int port = freePort();
        Path data = work.resolve("data");
        Process first = serve(port, data);
        first.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));

        stop(serve(port, data));
    }

    @Test
    void secondHubOnTheSameDataDirectoryFailsAtOnce() throws Exception {
        int port = freePort();
        Path data = work.resolve("data");
        Process first = serve(port, data);

        Process second = launch(Map.of(), "serve", "--port", String.valueOf(freePort()), "--data", data.toString());
        assertTrue(second.waitFor(30, TimeUnit.SECONDS), "second hub did not give up");
        assertEquals(1, second.exitValue());
        String err = stderr(second);
        assertTrue(err.contains("data directory " + data) && err.contains("in use by another CASHL Hub"), err);
        assertNoStackTrace(err);
        assertEquals(200, healthStatus(port), "the first hub must be unaffected");
        stop(first);
    }

    @Test
    void unknownConfigurationKeyIsAClearStartupError() throws Exception {
        Path config = work.resolve("hub.yaml");
        Files.writeString(config, "hub:\n  prot: 8080\n");
        Process process = launch(
                Map.of(),
                "serve",
                "--config",
                config.toString(),
                "--data",
                work.resolve("d").toString());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(Main.CONFIG_ERROR, process.exitValue());
        String err = stderr(process);
        assertTrue(err.contains("unknown key 'hub.prot'"), err);
        assertNoStackTrace(err);
    }

    @Test
    void environmentVariablesConfigureTheHub() throws Exception {
        int port = freePort();
        Process process = launch(
                Map.of(
                        "CASHL_HUB_PORT",
                        String.valueOf(port),
                        "CASHL_HUB_DATA_DIR",
                        work.resolve("env-data").toString()),
                "serve");
        awaitHealthy(process, port);
        assertTrue(Files.isDirectory(work.resolve("env-data/solr")));
        stop(process);
    }

    @Test
    void misspeltEnvironmentVariableIsAClearStartupError() throws Exception {
        Process process = launch(
                Map.of("CASHL_SOLR_ULR", "http://127.0.0.1:1/solr"),
                "serve",
                "--data",
                work.resolve("d").toString());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(Main.CONFIG_ERROR, process.exitValue());
        assertTrue(stderr(process).contains("CASHL_SOLR_ULR"), stderr(process));
    }
}

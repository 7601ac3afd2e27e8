package cn.edu.cashl.hub.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one way tests reach the real third-party corpus (MARC files, captured OAI-PMH and SRU
 * responses, the CQL suite, official XSDs). The corpus is read in place, never copied into the
 * repository.
 *
 * <p>Where it is: the environment variable {@code CASHL_TESTDATA} (or the system property
 * {@code cashl.testdata}); a relative value, and the default {@code ../shared/data}, are resolved
 * against the project root, not the module a test runs in. When the corpus is absent, as on a
 * user's fresh clone, tests that need it are skipped with a message that says how to supply it.
 */
public final class TestData {

    /** Environment variable naming the corpus directory. */
    public static final String VARIABLE = "CASHL_TESTDATA";
    /** Default location, relative to the project root. */
    public static final String DEFAULT = "../shared/data";

    private TestData() {}

    /** The corpus directory, whether or not it exists. */
    public static Path root() {
        return root(System.getenv(), System.getProperty("cashl.testdata"), ProjectRoot.find());
    }

    static Path root(Map<String, String> env, String property, Path projectRoot) {
        String configured = property != null && !property.isBlank() ? property : env.get(VARIABLE);
        String location = configured != null && !configured.isBlank() ? configured : DEFAULT;
        return projectRoot.resolve(location).normalize();
    }

    /** Whether the corpus is there. */
    public static boolean available() {
        return Files.isDirectory(root());
    }

    /**
     * A file or directory of the corpus, e.g. {@code file("marc/marc4j/summerland.mrc")}. The calling
     * test is skipped (not failed) when the corpus or the file is absent.
     */
    public static Path file(String relative) {
        Path root = root();
        assumeTrue(
                Files.isDirectory(root),
                () -> "skipped: test corpus not found at " + root + "; set " + VARIABLE
                        + " to the shared test data directory to run this test");
        Path path = root.resolve(relative);
        assumeTrue(Files.exists(path), () -> "skipped: " + relative + " is not in the test corpus at " + root);
        return path;
    }
}

package cn.edu.cashl.hub.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class TestDataTest {

    private final Path project = Path.of("/srv/cashl-hub");

    @Test
    void defaultsToSharedDataBesideTheProject() {
        assertEquals(Path.of("/srv/shared/data"), TestData.root(Map.of(), null, project));
    }

    @Test
    void relativeVariableIsResolvedAgainstTheProjectRoot() {
        assertEquals(
                Path.of("/srv/cashl-hub/corpus"), TestData.root(Map.of(TestData.VARIABLE, "corpus"), null, project));
    }

    @Test
    void absoluteVariableIsTakenAsIs(@TempDir Path corpus) {
        assertEquals(corpus, TestData.root(Map.of(TestData.VARIABLE, corpus.toString()), null, project));
    }

    @Test
    void systemPropertyWinsOverTheVariable() {
        assertEquals(Path.of("/a"), TestData.root(Map.of(TestData.VARIABLE, "/b"), "/a", project));
    }

    @Test
    void projectRootHoldsTheLauncher() {
        assertTrue(Files.isRegularFile(ProjectRoot.find().resolve("cashl-hub")));
    }

    @Test
    void missingCorpusSkipsInsteadOfFailing(@TempDir Path empty) {
        String previous = System.getProperty("cashl.testdata");
        System.setProperty("cashl.testdata", empty.resolve("absent").toString());
        try {
            TestAbortedException skipped =
                    assertThrows(TestAbortedException.class, () -> TestData.file("marc/marc4j/summerland.mrc"));
            assertTrue(skipped.getMessage().contains(TestData.VARIABLE), skipped.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty("cashl.testdata");
            } else {
                System.setProperty("cashl.testdata", previous);
            }
        }
    }
}

package cn.edu.cashl.hub.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the packaged jar: the properties the server relies on when it puts Solr beside Jetty 12. */
class ShadedJarIT {

    private static Path jar;

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("shaded.jar", "target/shaded-jar-not-set.jar"));
        assertTrue(Files.isRegularFile(jar), "the shaded jar was not built: " + jar);
    }

    @Test
    void jettyTenIsRelocatedSoJettyTwelveCanShareTheClassPath() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> unrelocated = file.stream()
                    .map(e -> e.getName())
                    .filter(n -> n.startsWith("org/eclipse/jetty/"))
                    .limit(5)
                    .toList();
            assertEquals(List.of(), unrelocated);
            assertNotNull(file.getEntry("cn/edu/cashl/hub/shaded/jetty/client/HttpClient.class"));
        }
    }

    @Test
    void jarStaysMultiReleaseForLuceneOnNewerJdks() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals("true", file.getManifest().getMainAttributes().getValue("Multi-Release"));
            assertTrue(file.stream().anyMatch(e -> e.getName().startsWith("META-INF/versions/21/org/apache/lucene/")));
        }
    }

    @Test
    void luceneServiceFilesAreMergedNotOverwritten() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String codecs =
                    new String(file.getInputStream(file.getEntry("META-INF/services/org.apache.lucene.codecs.Codec"))
                            .readAllBytes());
            assertTrue(codecs.contains("Lucene912Codec"), codecs);
            assertTrue(
                    codecs.contains("Lucene99Codec") || codecs.contains("backward_codecs"),
                    "backward codecs merged: " + codecs);
        }
    }

    @Test
    void sharedLibrariesAreNotInsideTheJar() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String shared : List.of(
                    "org/slf4j/",
                    "com/fasterxml/jackson/",
                    "org/glassfish/jersey/",
                    "org/apache/logging/log4j/",
                    "jakarta/ws/rs/",
                    "io/netty/internal/tcnative/")) {
                assertTrue(file.stream().noneMatch(e -> e.getName().startsWith(shared)), shared + " was shaded in");
            }
        }
    }
}

package cn.edu.cashl.hub.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory that holds the {@code cashl-hub} launcher and the parent POM. Maven passes it as
 * the system property {@code cashl.root}; an IDE run falls back to searching upwards from the
 * working directory.
 */
public final class ProjectRoot {

    private ProjectRoot() {}

    public static Path find() {
        String property = System.getProperty("cashl.root");
        if (property != null && !property.isBlank() && isRoot(Path.of(property))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project root (a directory with cashl-hub and pom.xml)"
                + " above " + Path.of("").toAbsolutePath());
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("cashl-hub")) && Files.isRegularFile(dir.resolve("pom.xml"));
    }
}

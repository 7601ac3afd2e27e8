package cn.edu.cashl.hub.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {

    @Test
    @SuppressWarnings("try") // holding the lock is the point
    void secondLockFailsNamingTheHolder(@TempDir Path dataDir) throws Exception {
        try (DataDirectoryLock first = DataDirectoryLock.acquire(dataDir)) {
            HubStartupException e = assertThrows(HubStartupException.class, () -> DataDirectoryLock.acquire(dataDir));
            assertTrue(
                    e.getMessage().contains("in use by another CASHL Hub")
                            && e.getMessage()
                                    .contains("pid " + ProcessHandle.current().pid()),
                    e.getMessage());
        }
    }

    @Test
    void lockCanBeTakenAgainAfterRelease(@TempDir Path dataDir) throws Exception {
        DataDirectoryLock.acquire(dataDir).close();
        DataDirectoryLock.acquire(dataDir).close();
    }

    @Test
    void createsTheDataDirectory(@TempDir Path parent) throws Exception {
        Path dataDir = parent.resolve("a/b/data");
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir)) {
            assertTrue(lock != null);
            assertTrue(Files.isRegularFile(dataDir.resolve(DataDirectoryLock.FILE)));
        }
    }
}

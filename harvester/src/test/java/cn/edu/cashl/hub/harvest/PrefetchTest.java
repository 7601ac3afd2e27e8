package cn.edu.cashl.hub.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.memory.InMemoryCatalogStore;
import cn.edu.cashl.hub.testkit.oai.GeneratedFeed;
import cn.edu.cashl.hub.testkit.oai.OaiTestServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The next page is fetched while the current one is ingested, one page ahead at most: with the
 * catalogue's writes held, the repository still receives the request for page 2, and never the one
 * for page 3; once the writes go on, the harvest ends with every record and its checkpoints.
 */
class PrefetchTest {

    @Test
    void thePageAfterIsRequestedWhileThisOneIsWrittenAndNoFurther(@TempDir Path dir) throws Exception {
        CountDownLatch writes = new CountDownLatch(1);
        CatalogStore held = heldWrites(new InMemoryCatalogStore(), writes);
        GeneratedFeed feed = new GeneratedFeed(100, 25, false, HarvestFixture.yesterday());
        try (HarvestFixture fixture = new HarvestFixture(dir, held);
                OaiTestServer server = OaiTestServer.start(feed)) {
            Harvester harvester =
                    fixture.harvester(HarvestFixture.FAST, HarvestFixture.oai("ahead", server.baseUrl(), "marc21"));
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread thread = new Thread(() -> {
                try {
                    outcome.set(harvester.harvest("ahead", false, "test"));
                } catch (Throwable e) {
                    outcome.set(e);
                }
            });
            thread.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (server.listRequests() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(2, server.listRequests(), "page 2 asked for while page 1 cannot be written");
            Thread.sleep(300);
            assertEquals(2, server.listRequests(), "and nothing further ahead");
            assertTrue(fixture.sourceRecords("ahead").isEmpty(), "nothing written yet");

            writes.countDown();
            thread.join(30_000);
            RunRecord run = (RunRecord) outcome.get();
            assertEquals(RunOutcome.COMPLETE, run.outcome(), run.reason());
            assertEquals(100, fixture.sourceRecords("ahead").size());
            assertEquals(4, run.counts().pages);
            assertEquals(server.listRequests(), run.counts().requests - 1, "every request counted (Identify too)");
        }
    }

    /** The store, with every write waiting for {@code open}. */
    private static CatalogStore heldWrites(CatalogStore store, CountDownLatch open) {
        return (CatalogStore) Proxy.newProxyInstance(
                CatalogStore.class.getClassLoader(), new Class<?>[] {CatalogStore.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("put")) {
                        open.await();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.cli.Main;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times {@code cashl-hub import} end to end, in this JVM so that the heap can be watched: the real
 * command, embedded Solr under a fresh data directory. Prints records per second and the peak heap
 * (sampled used heap, and the heap pools' own peak), for docs/benchmarks.md. Run it with the heap
 * limit under test, e.g. {@code -Xmx512m}. Usage: {@code ImportBenchmark CORPUS DATA_DIR}.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path data = Path.of(args[1]);
        if (Files.exists(data)) {
            throw new IllegalArgumentException(data + " exists: the benchmark needs a fresh data directory");
        }
        AtomicLong peakUsed = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        long start = System.nanoTime();
        int exit = Main.run("import", "--data", data.toString(), corpus.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();

        long poolPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                poolPeak += pool.getPeakUsage().getUsed();
            }
        }
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf("benchmark: import exit %d, %.1f s, max heap %d MB, peak heap used %d MB (sampled), heap pools peak %d MB%n",
                exit, seconds, max >> 20, peakUsed.get() >> 20, poolPeak >> 20);
        System.out.printf("benchmark: %s, %d cores, %s%n", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), corpus.getFileName());
    }
}

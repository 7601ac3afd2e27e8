package cn.edu.cashl.hub.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;

/** Watches the heap while a benchmark runs: the used heap sampled every 50 ms, and the heap pools' own peaks. */
final class HeapWatch implements AutoCloseable {

    private final AtomicLong peakUsed = new AtomicLong();
    private final Thread sampler;

    HeapWatch() {
        sampler = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peakUsed.accumulateAndGet(
                                Runtime.getRuntime().totalMemory()
                                        - Runtime.getRuntime().freeMemory(),
                                Math::max);
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling; returns "max heap X MB, peak heap used Y MB (sampled), heap pools peak Z MB". */
    String report() {
        sampler.interrupt();
        long poolPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                poolPeak += pool.getPeakUsage().getUsed();
            }
        }
        return String.format(
                "max heap %d MB, peak heap used %d MB (sampled), heap pools peak %d MB",
                Runtime.getRuntime().maxMemory() >> 20, peakUsed.get() >> 20, poolPeak >> 20);
    }

    /** Forgets the heap pools' peaks so far (of a setup phase that is not being measured). */
    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The machine and JVM, for the record. */
    static String machine() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores";
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}

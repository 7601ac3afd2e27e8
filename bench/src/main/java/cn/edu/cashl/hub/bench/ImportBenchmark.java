package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times {@code cashl-hub import} end to end, in this JVM so that the heap can be watched: the real
 * command, embedded Solr under a fresh data directory. Prints records per second and the peak heap
 * (sampled used heap, and the heap pools' own peak), for docs/benchmarks.md. Run it with the heap
 * limit under test, e.g. {@code -Xmx512m}. Usage: {@code ImportBenchmark CORPUS DATA_DIR}, CORPUS a file or a directory of files.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path data = Path.of(args[1]);
        if (Files.exists(data)) {
            throw new IllegalArgumentException(data + " exists: the benchmark needs a fresh data directory");
        }
        HeapWatch heap = new HeapWatch();
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("import", "--data", data.toString()));
        try (Stream<Path> files = Files.isDirectory(corpus) ? Files.list(corpus) : Stream.of(corpus)) {
            files.sorted().forEach(file -> command.add(file.toString()));
        }
        int exit = Main.run(command.toArray(String[]::new));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("benchmark: import exit %d, %.1f s, %s%n", exit, seconds, heap.report());
        System.out.printf("benchmark: %s, %s%n", HeapWatch.machine(), corpus.getFileName());
    }
}

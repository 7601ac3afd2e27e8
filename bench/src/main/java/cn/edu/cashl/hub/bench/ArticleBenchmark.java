package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times the article feeds through {@code cashl-hub import} end to end (docs/benchmarks.md,
 * "Articles"): a Crossref snapshot of works, then a publisher's JATS dump of which three quarters
 * are the same articles (with or without their DOI), each through its own source, embedded Solr
 * under a fresh data directory, with deduplication. Prints records per second per feed, the master
 * records made, and the peak heap. Usage: {@code ArticleBenchmark WORK_DIR COUNT}.
 */
public final class ArticleBenchmark {

    private ArticleBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        ArticleCorpus.Written corpus = ArticleCorpus.write(work.resolve("corpus"), count, 2026);
        System.out.printf(
                "benchmark: %,d Crossref works (%.1f MB), %,d JATS articles (%.1f MB); %,d distinct articles%n",
                corpus.works(),
                Files.size(corpus.crossref()) / 1048576.0,
                corpus.jatsArticles(),
                Files.size(corpus.jats()) / 1048576.0,
                corpus.expectedMasters());
        // Two feeds, two sources: the same article from both is two source records of one master record.
        Path sources = work.resolve("sources.yaml");
        Files.writeString(sources, """
                sources:
                  - id: crossref-dump
                    type: file
                    name: Crossref snapshot
                  - id: publisher
                    type: file
                    name: A publisher's JATS dump
                """, StandardCharsets.UTF_8);
        Path data = work.resolve("data");
        HeapWatch heap = new HeapWatch();
        long start = System.nanoTime();
        int first = importFeed(data, sources, "crossref-dump", corpus.crossref());
        double crossrefSeconds = (System.nanoTime() - start) / 1e9;
        long second = System.nanoTime();
        int exit = importFeed(data, sources, "publisher", corpus.jats());
        double jatsSeconds = (System.nanoTime() - second) / 1e9;
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "benchmark: Crossref %,d works in %.1f s (%,.0f records/s, exit %d); JATS %,d articles in %.1f s"
                        + " (%,.0f records/s, exit %d); together %,.0f records/s; %s%n",
                corpus.works(),
                crossrefSeconds,
                corpus.works() / crossrefSeconds,
                first,
                corpus.jatsArticles(),
                jatsSeconds,
                corpus.jatsArticles() / jatsSeconds,
                exit,
                count / total,
                heap.report());
        System.out.printf("benchmark: %s%n", HeapWatch.machine());
    }

    /** {@code cashl-hub import} of one feed's file through its source; the command's exit code. */
    private static int importFeed(Path data, Path sources, String source, Path file) {
        return Main.run(
                "import",
                "--data",
                data.toString(),
                "--sources",
                sources.toString(),
                "--source",
                source,
                file.toString());
    }
}

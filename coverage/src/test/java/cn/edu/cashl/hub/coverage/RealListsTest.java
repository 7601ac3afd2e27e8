package cn.edu.cashl.hub.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.testkit.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every embargo, coverage depth and coverage date of the real KBART lists in the shared test data
 * read by the engine: what it cannot read is listed, with file and line.
 */
class RealListsTest {

    @Test
    void everyEmbargoDepthAndDateOfTheRealListsIsRead() throws IOException {
        Assumptions.assumeTrue(TestData.available(), "the shared test data is absent");
        Map<String, Integer> embargoes = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        int rows = 0;
        try (Stream<Path> files = Files.walk(TestData.file("kbart"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                try (BufferedReader reader = open(file)) {
                    String header = reader.readLine();
                    if (header == null) {
                        continue;
                    }
                    List<String> columns = List.of(header.replace("\uFEFF", "").split("\t", -1));
                    int embargo = columns.indexOf("embargo_info");
                    int depth = columns.indexOf("coverage_depth");
                    int first = columns.indexOf("date_first_issue_online");
                    int last = columns.indexOf("date_last_issue_online");
                    String line;
                    int number = 1;
                    while ((line = reader.readLine()) != null) {
                        number++;
                        String[] cells = line.split("\t", -1);
                        rows++;
                        String where = file.getFileName() + ":" + number + ": ";
                        String value = cell(cells, embargo);
                        try {
                            Embargo.parse(value).ifPresent(e -> embargoes.merge(e.toString(), 1, Integer::sum));
                        } catch (IllegalArgumentException e) {
                            unreadable.add(where + e.getMessage());
                        }
                        try {
                            if (depth >= 0) {
                                Depth.parse(cell(cells, depth));
                            }
                        } catch (IllegalArgumentException e) {
                            unreadable.add(where + e.getMessage());
                        }
                        for (int column : new int[] {first, last}) {
                            String date = cell(cells, column);
                            if (!date.isBlank() && Period.parse(date) == null) {
                                unreadable.add(where + "date '" + date + "'");
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("real KBART lists: %d rows, embargoes %s%n", rows, embargoes);
        assertTrue(rows > 70_000, "the shared lists: " + rows + " rows");
        assertTrue(embargoes.containsKey("R1Y") && embargoes.containsKey("P12M"), embargoes.toString());
        assertEquals(List.of(), unreadable);
        // Every real embargo is one wall, and none leaves nothing on a fixed day.
        embargoes
                .keySet()
                .forEach(e -> assertTrue(!Embargo.parse(e).orElseThrow().allowsNothing(LocalDate.of(2026, 6, 15)), e));
    }

    private static String cell(String[] cells, int column) {
        return column >= 0 && column < cells.length ? cells[column].strip() : "";
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}

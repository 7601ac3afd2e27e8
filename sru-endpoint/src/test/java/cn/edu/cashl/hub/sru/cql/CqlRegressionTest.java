package cn.edu.cashl.hub.sru.cql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.edu.cashl.hub.testkit.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * cql-java's regression suite, read in place from the shared corpus: for every {@code GROUP/NN.cql}
 * (the {@code .cql.disabled} ones are cases cql-java itself does not pass), the first line parsed
 * and written as XCQL must be {@code NN.xcql}; for a query that does not parse, {@code NN.xcql}
 * holds the error message.
 */
class CqlRegressionTest {

    private static final String SUITE = "sru/cql/cql-java-regression";

    @TestFactory
    List<DynamicTest> regressionSuite() throws IOException {
        Path suite = TestData.file(SUITE);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path group : sorted(suite, Files::isDirectory)) {
            for (Path file : sorted(group, path -> path.getFileName().toString().endsWith(".cql"))) {
                String query = firstLine(file);
                String name = group.getFileName() + "/" + file.getFileName() + ": " + query;
                tests.add(DynamicTest.dynamicTest(name, () -> assertEquals(expected(file), actual(query))));
            }
        }
        return tests;
    }

    /** What cql-java's harness compares: the XCQL, or the error message and a newline. */
    private static String actual(String query) {
        try {
            return Xcql.write(CqlParser.parse(query));
        } catch (CqlSyntaxException e) {
            return e.getMessage() + "\n";
        }
    }

    private static String expected(Path cqlFile) throws IOException {
        String name = cqlFile.getFileName().toString().replaceFirst("\\.cql$", ".xcql");
        return Files.readAllLines(cqlFile.resolveSibling(name), StandardCharsets.UTF_8).stream()
                .map(line -> line + "\n")
                .collect(Collectors.joining());
    }

    private static String firstLine(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            return line == null ? "" : line;
        }
    }

    private static List<Path> sorted(Path directory, Predicate<Path> filter) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(filter).sorted().toList();
        }
    }
}

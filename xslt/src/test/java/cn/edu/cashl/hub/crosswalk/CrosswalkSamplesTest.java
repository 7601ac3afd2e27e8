package cn.edu.cashl.hub.crosswalk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.testkit.PublishedSchemas;
import cn.edu.cashl.hub.testkit.TestData;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

/**
 * Every sample in {@code xslt/samples/<crosswalk>/}: {@code NAME.xml} through the crosswalk must give
 * {@code NAME.expected.xml}. Inbound output must be a valid CASHL record; outbound output must be
 * valid against the published schema of its format (from the shared corpus, when present).
 */
class CrosswalkSamplesTest {

    private static final Path SAMPLES = Path.of("samples");
    private static final Crosswalks CROSSWALKS = Crosswalks.packaged(new CrosswalkEngine());
    private static final Map<String, String> PUBLISHED_SCHEMAS = Map.of(
            "cashl-to-oai_dc", "oai/oai_dc.xsd",
            "cashl-to-mods", "mods/mods-3-6.xsd",
            "cashl-to-marcxml", "marc/MARC21slim.xsd");

    /** The parameters a harvest would pass, fixed so that expected outputs are stable. */
    static Map<String, String> params(Path sample) throws IOException {
        String name = sample.getFileName().toString().replaceFirst("\\.xml$", "");
        String crosswalk = sample.getParent().getFileName().toString();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("source", "sample");
        params.put("record-id", "sample:" + name);
        params.put("harvested-at", "2025-01-01T00:00:00Z");
        params.put("crosswalk", crosswalk + "@1");
        params.put("source-identifier", "");
        params.put("source-datestamp", "");
        params.put("holdings-field", "");
        Path overrides = sample.resolveSibling(name + ".params");
        if (Files.exists(overrides)) {
            Properties properties = new Properties();
            try (var reader = Files.newBufferedReader(overrides, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.forEach((k, v) -> params.put((String) k, (String) v));
        }
        return params;
    }

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            List<Path> inputs = files.filter(
                            f -> f.toString().endsWith(".xml") && !f.toString().endsWith(".expected.xml"))
                    .sorted()
                    .toList();
            return inputs.stream();
        }
    }

    @Test
    void everyCrosswalkHasSamples() throws IOException {
        for (String id : Crosswalks.allIds()) {
            try (Stream<Path> files = Files.list(SAMPLES.resolve(id))) {
                assertTrue(files.anyMatch(f -> f.toString().endsWith(".expected.xml")), id + " has no sample");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleGivesTheExpectedOutput(Path sample) throws Exception {
        String crosswalk = sample.getParent().getFileName().toString();
        String output = CROSSWALKS.get(crosswalk).transform(Files.readString(sample), params(sample));

        Path expected = sample.resolveSibling(sample.getFileName().toString().replaceFirst("\\.xml$", ".expected.xml"));
        assertTrue(Files.exists(expected), "missing " + expected);
        Diff diff = DiffBuilder.compare(Input.fromFile(expected.toFile()))
                .withTest(Input.fromString(output))
                .ignoreComments()
                .ignoreWhitespace()
                .checkForSimilar()
                .build();
        assertFalse(
                diff.hasDifferences(),
                () -> sample + " differs from " + expected + ":\n" + diff + "\n--- output:\n" + output);

        if (crosswalk.endsWith("-to-cashl")) {
            CashlRecords.get().validate(output);
        } else if (TestData.available()) {
            PublishedSchemas.load(TestData.file("schemas"), PUBLISHED_SCHEMAS.get(crosswalk))
                    .newValidator()
                    .validate(new StreamSource(new StringReader(output)));
        }
    }
}

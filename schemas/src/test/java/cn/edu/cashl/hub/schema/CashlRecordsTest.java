package cn.edu.cashl.hub.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Holding;
import cn.edu.cashl.hub.schema.v1.HoldingForm;
import cn.edu.cashl.hub.schema.v1.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

class CashlRecordsTest {

    private static final Path VALID = Path.of("examples/valid");
    private static final Path INVALID = Path.of("examples/invalid");
    private final CashlRecords records = CashlRecords.get();

    static Stream<Path> validExamples() throws IOException {
        try (Stream<Path> files = Files.list(VALID)) {
            List<Path> list =
                    files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
            assertTrue(list.size() >= 4, "the valid examples are missing from " + VALID.toAbsolutePath());
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void validExampleIsAccepted(Path example) throws Exception {
        try (InputStream in = Files.newInputStream(example)) {
            records.validate(in);
        }
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void validExampleRoundTripsThroughObjectsUnchanged(Path example) throws Exception {
        CashlRecord record;
        try (InputStream in = Files.newInputStream(example)) {
            record = records.read(in);
        }
        String written = records.write(record);

        Diff diff = DiffBuilder.compare(Input.fromFile(example.toFile()))
                .withTest(Input.fromString(written))
                .ignoreComments()
                .ignoreWhitespace()
                .checkForIdentical()
                .build();
        assertFalse(
                diff.hasDifferences(), () -> example + " changed on the way through JAXB:\n" + diff + "\n" + written);
    }

    static Stream<Arguments> invalidExamples() {
        // Each invalid example, and what the message must name so that the author can find the fault.
        return Stream.of(
                Arguments.of("missing-title.xml", "/record/variantTitle", "title"),
                Arguments.of("unknown-record-type.xml", "at /record:", "magazine"),
                Arguments.of("bad-holding-form.xml", "/record/holding", "microfilm"),
                Arguments.of("bad-embargo.xml", "/record/holding/range", "1 year"),
                Arguments.of("bad-language-code.xml", "/record/language", "English"),
                Arguments.of("bad-discipline.xml", "/record/discipline", "medicine"),
                Arguments.of("element-out-of-place.xml", "/record/publisher", "publisher"),
                Arguments.of("bad-harvest-timestamp.xml", "/record/provenance", "harvestedAt"),
                Arguments.of("wrong-namespace.xml", "/record", "record"),
                Arguments.of("doctype-external-entity.xml", "line 2", "DOCTYPE"));
    }

    @ParameterizedTest
    @MethodSource("invalidExamples")
    void invalidExampleIsRejectedNamingTheElement(String file, String where, String what) throws IOException {
        try (InputStream in = Files.newInputStream(INVALID.resolve(file))) {
            InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> records.read(in));
            assertTrue(
                    e.getMessage().contains(where) && e.getMessage().contains(what),
                    () -> file + ": message should name " + where + " and " + what + " but was: " + e.getMessage());
            assertTrue(e.problems().stream().allMatch(p -> p.line() > 0), "every problem has a position");
        }
    }

    @Test
    void everyInvalidExampleIsCovered() throws IOException {
        try (Stream<Path> files = Files.list(INVALID)) {
            List<String> names =
                    files.map(f -> f.getFileName().toString()).sorted().toList();
            List<String> tested =
                    invalidExamples().map(a -> (String) a.get()[0]).sorted().toList();
            assertEquals(tested, names);
        }
    }

    @Test
    void recordBuiltInMemoryThatBreaksTheSchemaIsNotWritten() throws Exception {
        CashlRecord record;
        try (InputStream in = Files.newInputStream(VALID.resolve("minimal.xml"))) {
            record = records.read(in);
        }
        Holding holding = new Holding();
        holding.setLibrary("PKU LIBRARY"); // not a code: upper case and a space
        holding.setLocalId("1");
        holding.setForm(HoldingForm.PRINT);
        record.getHolding().add(holding);

        InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> records.write(record));
        assertTrue(e.getMessage().contains("/record/holding") && e.getMessage().contains("library"), e.getMessage());
    }

    @Test
    void timestampsAreWrittenInUtcAtSecondPrecision() throws Exception {
        CashlRecord record;
        try (InputStream in = Files.newInputStream(VALID.resolve("minimal.xml"))) {
            record = records.read(in);
        }
        Provenance provenance = new Provenance();
        provenance.setSource("pku");
        provenance.setSourceIdentifier("oai:x:1");
        provenance.setHarvestedAt(Instant.parse("2024-05-06T07:08:09.123456Z"));
        provenance.setCrosswalk("marc21-to-cashl@1");
        record.getProvenance().add(provenance);

        String xml = records.write(record);
        assertTrue(xml.contains("harvestedAt=\"2024-05-06T07:08:09Z\""), xml);
        assertEquals(
                Instant.parse("2024-05-06T07:08:09Z"),
                records.read(xml).getProvenance().get(0).getHarvestedAt());
    }

    @Test
    void malformedXmlIsRejectedWithItsPosition() {
        InvalidRecordException e = assertThrows(
                InvalidRecordException.class,
                () -> records.read("<record xmlns=\"" + CashlRecords.NAMESPACE + "\" id=\"x:1\" type=\"book\">\n"
                        + "  <identifiers/><title>\n</record>"));
        ValidationProblem last = e.problems().get(e.problems().size() - 1);
        assertEquals(3, last.line(), e.getMessage());
        assertTrue(last.message().contains("title"), e.getMessage());
    }
}

package cn.edu.cashl.hub.harvest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/** Files of a CALIS export directory for tests: records written with marc4j, ISO 2709 (plain or gzipped) or MARCXML. */
final class CalisExportFiles {

    private static final MarcFactory MARC = MarcFactory.newInstance();

    private CalisExportFiles() {}

    /**
     * A book the HSS filter accepts (an LCC class in DS), with its 001 and title.
     *
     * @param status leader/05: {@code n} new, {@code d} deleted
     */
    static Record record(String id, char status, String title) {
        Record record = MARC.newRecord("00000" + status + "am a2200000 a 4500");
        record.addVariableField(MARC.newControlField("001", id));
        record.addVariableField(MARC.newControlField("008", "200101s2020    xx            000 0 eng d"));
        var field050 = MARC.newDataField("050", ' ', ' ');
        field050.addSubfield(MARC.newSubfield('a', "DS" + Math.abs(id.hashCode() % 900)));
        record.addVariableField(field050);
        var field245 = MARC.newDataField("245", '0', '0');
        field245.addSubfield(MARC.newSubfield('a', title));
        record.addVariableField(field245);
        return record;
    }

    /** The records as a MARCXML collection. */
    static byte[] marcXml(List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcXmlWriter writer = new MarcXmlWriter(out, "UTF-8", true);
        records.forEach(writer::write);
        writer.close();
        return out.toByteArray();
    }

    static void write(Path file, boolean gzip, Record... records) {
        write(file, gzip, List.of(records));
    }

    static void write(Path file, boolean gzip, List<Record> records) {
        try (OutputStream out =
                gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            MarcStreamWriter writer = new MarcStreamWriter(out, "UTF-8");
            for (Record record : records) {
                writer.write(record);
            }
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

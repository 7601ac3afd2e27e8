package cn.edu.cashl.hub.ingest.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marc4j.MarcError;
import org.marc4j.MarcPermissiveStreamReader;

/**
 * Reads binary MARC (ISO 2709), MARC 21 or UNIMARC, one record at a time.
 *
 * <p>Records are cut at the record terminator (0x1D), not by the leader's length: real exports carry
 * wrong lengths (the Boston University sample has eleven), and a cut at the terminator keeps one bad
 * record from swallowing the next. Each record is then read by marc4j in permissive mode.
 *
 * <p>The character set is decided per record from the bytes, with leader/09 as a hint only: UTF-8 is
 * recognised by its multi-byte sequences and MARC-8 by escape sequences and bytes that are not valid
 * UTF-8. A record whose leader says otherwise is read as what it is, and the correction is reported.
 */
public final class Iso2709Reader extends LookAheadReader {

    private static final int RECORD_TERMINATOR = 0x1D;
    private static final int FIELD_TERMINATOR = 0x1E;
    private static final int MAX_RECORD_BYTES = 1 << 20;

    private final ScanningInputStream in;
    private final String name;
    private final RecordFormat forced;
    /** The record being read, reused from record to record. */
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    /** marc4j's readers by character set, each kept for every record it reads. */
    private final Map<String, RecordDecoder> decoders = new HashMap<>(4);

    private int count;

    /**
     * @param forced MARC21 or UNIMARC to impose a flavour, or null to tell from each record's content
     */
    public Iso2709Reader(InputStream in, String name, RecordFormat forced) {
        this.in = in instanceof ScanningInputStream scanning ? scanning : new ScanningInputStream(in, 64 * 1024);
        this.name = name;
        this.forced = forced;
    }

    @Override
    protected RawRecord readNext() {
        try {
            bytes.reset();
            long read = 0;
            if (in.skipWhile(Iso2709Reader::isPadding)) { // padding between records, common in exports
                read = in.readThrough(RECORD_TERMINATOR, bytes, MAX_RECORD_BYTES);
            }
            if (read == 0) {
                return null;
            }
            count++;
            String position = name + ", record " + count;
            if (read > MAX_RECORD_BYTES) {
                return RawRecord.unreadable(position, "record longer than " + MAX_RECORD_BYTES + " bytes", null);
            }
            byte[] record = bytes.toByteArray();
            if (record[record.length - 1] != RECORD_TERMINATOR) {
                end();
                if (isBlank(record)) {
                    return null;
                }
                return parse(
                        terminate(record), position, List.of("record at end of file had no record terminator: added"));
            }
            return parse(record, position, List.of());
        } catch (IOException e) {
            end();
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static boolean isPadding(int b) {
        return b == '\n' || b == '\r' || b == ' ' || b == 0;
    }

    private RawRecord parse(byte[] record, String position, List<String> initialRepairs) {
        if (record.length < 25) {
            return RawRecord.unreadable(
                    position, "fragment of " + record.length + " bytes is not a MARC record", latin1(record));
        }
        List<String> repairs = new ArrayList<>(initialRepairs);
        correctLeader(record, repairs);
        RecordFormat flavour = forced != null ? forced : flavourFromDirectory(record);
        String encoding = encoding(record, flavour, repairs);
        try {
            org.marc4j.marc.Record marc =
                    decoders.computeIfAbsent(encoding, RecordDecoder::new).decode(record);
            if (marc == null) {
                return RawRecord.unreadable(position, "marc4j found no record in the bytes", latin1(record));
            }
            if (marc.hasErrors()) {
                for (MarcError error : marc.getErrors()) {
                    repairs.add(describe(error));
                }
            }
            if (marc.getVariableFields().isEmpty()) {
                return RawRecord.unreadable(position, "record has no readable fields", latin1(record));
            }
            RecordFormat format = forced != null ? forced : MarcFlavour.of(marc);
            String xml = MarcXml.write(marc, repairs);
            String localId = marc.getControlNumber() == null
                    ? null
                    : marc.getControlNumber().strip();
            return new RawRecord(
                    format,
                    xml,
                    localId == null || localId.isEmpty() ? null : localId,
                    null,
                    null,
                    false,
                    position,
                    repairs,
                    null);
        } catch (RuntimeException e) {
            String context = repairs.isEmpty() ? "" : " after: " + String.join("; ", repairs);
            return RawRecord.unreadable(
                    position, "unreadable MARC record: " + e.getMessage() + context, latin1(record));
        }
    }

    /**
     * Sets the leader's record length (00-04) and base address of data (12-16) from the bytes, when
     * they disagree: marc4j trusts them, and exports get them wrong.
     */
    static void correctLeader(byte[] record, List<String> repairs) {
        String length = fiveDigits(Math.min(record.length, 99999));
        String declared = new String(record, 0, 5, StandardCharsets.ISO_8859_1);
        if (!declared.equals(length)) {
            System.arraycopy(length.getBytes(StandardCharsets.ISO_8859_1), 0, record, 0, 5);
            repairs.add("leader record length " + declared + " corrected to " + length);
        }
        for (int i = 24; i < record.length; i++) {
            if (record[i] == FIELD_TERMINATOR) {
                String base = fiveDigits(i + 1);
                String declaredBase = new String(record, 12, 5, StandardCharsets.ISO_8859_1);
                if (!declaredBase.equals(base)) {
                    System.arraycopy(base.getBytes(StandardCharsets.ISO_8859_1), 0, record, 12, 5);
                    repairs.add("leader base address " + declaredBase + " corrected to " + base);
                }
                rebuildDirectory(record, i, repairs);
                return;
            }
        }
    }

    /**
     * When directory entries do not point at field terminators but the data holds exactly as many
     * fields as the directory lists, recomputes every entry's length and start from the terminators.
     * Seen in exports that counted lengths in characters instead of bytes.
     */
    static void rebuildDirectory(byte[] record, int directoryEnd, List<String> repairs) {
        int entries = (directoryEnd - 24) / 12;
        if (entries == 0 || (directoryEnd - 24) % 12 != 0) {
            return;
        }
        int base = directoryEnd + 1;
        boolean consistent = true;
        for (int e = 0; e < entries && consistent; e++) {
            int at = 24 + e * 12;
            int length = digits(record, at + 3, 4);
            int start = digits(record, at + 7, 5);
            int last = base + start + length - 1;
            consistent = length > 0 && start >= 0 && last < record.length && record[last] == FIELD_TERMINATOR;
        }
        if (consistent) {
            return;
        }
        List<int[]> fields = new ArrayList<>();
        int start = base;
        for (int i = base; i < record.length - 1; i++) {
            if (record[i] == FIELD_TERMINATOR) {
                fields.add(new int[] {start - base, i - start + 1});
                start = i + 1;
            }
        }
        if (fields.size() != entries || fields.stream().anyMatch(f -> f[1] > 9999 || f[0] > 99999)) {
            // Cannot tell which field is which: leave it to marc4j's permissive reading, and say why
            // if that fails too.
            repairs.add("directory does not match the data (" + entries + " entries, " + fields.size() + " fields)");
            return;
        }
        for (int e = 0; e < entries; e++) {
            int at = 24 + e * 12;
            byte[] entry = String.format("%04d%05d", fields.get(e)[1], fields.get(e)[0])
                    .getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(entry, 0, record, at + 3, 9);
        }
        repairs.add("directory lengths did not match the fields: rebuilt from the field terminators");
    }

    /** {@code String.format("%05d", value)} for a value of zero or more, without a formatter per record. */
    static String fiveDigits(int value) {
        String digits = Integer.toString(value);
        return digits.length() >= 5 ? digits : "00000".substring(digits.length()) + digits;
    }

    private static int digits(byte[] bytes, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return -1;
            }
            value = value * 10 + (bytes[i] - '0');
        }
        return value;
    }

    /**
     * UTF8 or MARC8 (Unimarc for UNIMARC: ISO 5426) for marc4j, from the bytes. Only bytes after the
     * leader and directory matter, but the whole record is a fine sample.
     */
    static String encoding(byte[] record, RecordFormat flavour, List<String> repairs) {
        boolean declaredUtf8 = record[9] == 'a';
        Utf8Check check = Utf8Check.of(record);
        boolean escapes = contains(record, (byte) 0x1B);
        String eight = flavour == RecordFormat.UNIMARC ? "Unimarc" : "MARC8";
        if (check == Utf8Check.VALID_MULTIBYTE) {
            if (!declaredUtf8) {
                repairs.add("leader/09 declares MARC-8 but the record is valid UTF-8: read as UTF-8");
            }
            return "UTF8";
        }
        if (check == Utf8Check.INVALID) {
            if (declaredUtf8) {
                repairs.add("leader/09 declares UTF-8 but the record is not valid UTF-8: read as "
                        + (flavour == RecordFormat.UNIMARC ? "ISO 5426" : "MARC-8"));
            }
            return eight;
        }
        // ASCII only: the two readings agree unless MARC-8 escape sequences switch character sets.
        if (escapes) {
            if (declaredUtf8) {
                repairs.add("leader/09 declares UTF-8 but the record has MARC-8 escape sequences: read as MARC-8");
            }
            return eight;
        }
        return "UTF8";
    }

    private enum Utf8Check {
        ASCII,
        VALID_MULTIBYTE,
        INVALID;

        static Utf8Check of(byte[] bytes) {
            boolean multibyte = false;
            int i = 0;
            while (i < bytes.length) {
                int b = bytes[i] & 0xFF;
                if (b < 0x80) {
                    i++;
                    continue;
                }
                int extra;
                if (b >= 0xC2 && b <= 0xDF) {
                    extra = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    extra = 2;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    extra = 3;
                } else {
                    return INVALID;
                }
                for (int k = 1; k <= extra; k++) {
                    if (i + k >= bytes.length || (bytes[i + k] & 0xC0) != 0x80) {
                        return INVALID;
                    }
                }
                multibyte = true;
                i += extra + 1;
            }
            return multibyte ? VALID_MULTIBYTE : ASCII;
        }
    }

    /** MARC 21 or UNIMARC from the directory's tags, before the record is decoded. */
    static RecordFormat flavourFromDirectory(byte[] record) {
        boolean has245 = false;
        boolean has200 = false;
        for (int i = 24; i + 12 <= record.length && record[i] != FIELD_TERMINATOR; i += 12) {
            String tag = new String(record, i, 3, StandardCharsets.ISO_8859_1);
            has245 |= tag.equals("245");
            has200 |= tag.equals("200");
        }
        return !has245 && has200 ? RecordFormat.UNIMARC : RecordFormat.MARC21;
    }

    private static String describe(MarcError error) {
        String where = error.curField == null
                ? ""
                : " in " + error.curField
                        + (error.curSubfield == null || error.curSubfield.isBlank() ? "" : "$" + error.curSubfield);
        return "marc4j repaired" + where + ": " + error.message;
    }

    private static boolean contains(byte[] bytes, byte value) {
        for (byte b : bytes) {
            if (b == value) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != 0 && b != 0x1A) {
                return false;
            }
        }
        return true;
    }

    private static byte[] terminate(byte[] bytes) {
        byte[] result = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, result, 0, bytes.length);
        result[bytes.length] = RECORD_TERMINATOR;
        return result;
    }

    /** The bytes as ISO-8859-1 text: lossless, so an unreadable record can still be kept and inspected. */
    private static String latin1(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xFF;
            // Keep what XML can hold; show the rest as escapes, so the quarantine can store it.
            if (c == 0x1D) {
                text.append("\\x1D");
            } else if (c == 0x1E) {
                text.append("\\x1E");
            } else if (c == 0x1F) {
                text.append("\\x1F");
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                text.append(String.format("\\x%02X", c));
            } else {
                text.append((char) c);
            }
        }
        return text.toString();
    }

    /**
     * One marc4j permissive reader, given one record at a time: a reader built per record looked up
     * its factory on the class path each time, a fifth of the cost of reading a record. Between
     * records it keeps nothing but its MARC-8 converter (the code tables, loaded once).
     */
    private static final class RecordDecoder {
        private final RecordInput input = new RecordInput();
        private final MarcPermissiveStreamReader reader;

        RecordDecoder(String encoding) {
            this.reader = new MarcPermissiveStreamReader(input, true, true, encoding);
        }

        /** The record in these bytes, or null when marc4j finds none. */
        org.marc4j.marc.Record decode(byte[] record) {
            input.load(record);
            return reader.hasNext() ? reader.next() : null;
        }
    }

    /** The bytes of the record being decoded, replaced for each record. */
    private static final class RecordInput extends ByteArrayInputStream {
        RecordInput() {
            super(new byte[0]);
        }

        synchronized void load(byte[] record) {
            buf = record;
            pos = 0;
            count = record.length;
            mark = 0;
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing more to read anyway
        }
    }
}

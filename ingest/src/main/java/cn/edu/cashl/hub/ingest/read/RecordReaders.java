package cn.edu.cashl.hub.ingest.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Opens the right reader for an input. The format comes from the content, never from the file name:
 * gzip is unwrapped, a KBART title list by its header row, Crossref JSON by its first character, XML by its first markup
 * (the XML reader then tells MARCXML, MODS, Dublin Core, JATS, DOAJ and arXiv records and OAI-PMH apart by their
 * elements), and anything else is read as ISO 2709.
 */
public final class RecordReaders {

    private static final int PEEK = 4096;

    private RecordReaders() {}

    public static RecordReader open(Path file, InputFormat format) throws IOException {
        return open(Files.newInputStream(file), file.getFileName().toString(), format);
    }

    /** The input, buffered, and gunzipped when its first bytes say gzip (whatever its name). */
    public static BufferedInputStream decompressed(InputStream raw) throws IOException {
        ScanningInputStream in = new ScanningInputStream(raw, 64 * 1024);
        return isGzip(in) ? new ScanningInputStream(new GZIPInputStream(in, 64 * 1024), 64 * 1024) : in;
    }

    public static RecordReader open(InputStream raw, String name, InputFormat format) throws IOException {
        BufferedInputStream in = decompressed(raw);
        RecordFormat marc = format == InputFormat.MARC21
                ? RecordFormat.MARC21
                : format == InputFormat.UNIMARC ? RecordFormat.UNIMARC : null;
        if (format == InputFormat.KBART || format == InputFormat.AUTO && looksLikeKbart(in)) {
            return new KbartReader(in, name);
        }
        if (format == InputFormat.CROSSREF || format == InputFormat.AUTO && looksLikeJson(in)) {
            return new CrossrefReader(in, name);
        }
        boolean xml = looksLikeXml(in);
        if (xml) {
            RecordReader reader = new XmlRecordReader(in, name, marc);
            return format == InputFormat.AUTO || format == InputFormat.MARC21 || format == InputFormat.UNIMARC
                    ? reader
                    : new ExpectedFormat(reader, format);
        }
        if (format == InputFormat.MARCXML
                || format == InputFormat.OAI_DC
                || format == InputFormat.MODS
                || format == InputFormat.JATS
                || format == InputFormat.OAI_DOAJ
                || format == InputFormat.ARXIV) {
            in.close();
            return new SingleRecordReader(RawRecord.unreadable(
                    name,
                    "expected " + format.name().toLowerCase(Locale.ROOT) + " XML, but the input is not XML",
                    null));
        }
        return new Iso2709Reader(in, name, marc);
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1F && b2 == 0x8B;
    }

    /**
     * Does the input start with a KBART header: a first line with tabs that names the
     * {@code publication_title} column (in any case, maybe quoted)? No MARC record or XML does.
     */
    static boolean looksLikeKbart(BufferedInputStream in) throws IOException {
        in.mark(PEEK);
        try {
            String head = new String(in.readNBytes(PEEK), StandardCharsets.UTF_8);
            int end = head.indexOf('\n');
            String first = (end < 0 ? head : head.substring(0, end)).toLowerCase(Locale.ROOT);
            return first.indexOf('\t') >= 0 && first.contains("publication_title");
        } finally {
            in.reset();
        }
    }

    /** After an optional byte-order mark and white space, does the input start a JSON object or array? */
    static boolean looksLikeJson(BufferedInputStream in) throws IOException {
        int first = firstSignificantByte(in);
        return first == '{' || first == '[';
    }

    /** After an optional byte-order mark and white space, does the input start with markup? */
    static boolean looksLikeXml(BufferedInputStream in) throws IOException {
        return firstSignificantByte(in) == '<';
    }

    /** The first byte after a byte-order mark and white space, or -1; the input is left where it was. */
    private static int firstSignificantByte(BufferedInputStream in) throws IOException {
        in.mark(PEEK);
        try {
            byte[] head = in.readNBytes(PEEK);
            int i = 0;
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                i = 3;
            }
            while (i < head.length && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
                i++;
            }
            return i < head.length ? head[i] & 0xFF : -1;
        } finally {
            in.reset();
        }
    }

    /** Passes records through, quarantining those that are not of the format the operator named. */
    private static final class ExpectedFormat implements RecordReader {
        private final RecordReader reader;
        private final InputFormat expected;

        ExpectedFormat(RecordReader reader, InputFormat expected) {
            this.reader = reader;
            this.expected = expected;
        }

        @Override
        public boolean hasNext() {
            return reader.hasNext();
        }

        @Override
        public boolean gaveUp() {
            return reader.gaveUp();
        }

        @Override
        public RawRecord next() {
            RawRecord record = reader.next();
            if (!record.readable() || record.deleted() || matches(record.format())) {
                return record;
            }
            return new RawRecord(
                    null,
                    record.xml(),
                    record.localId(),
                    record.sourceIdentifier(),
                    record.sourceDatestamp(),
                    false,
                    record.position(),
                    List.of(),
                    "expected " + expected.name().toLowerCase(Locale.ROOT) + " but found a "
                            + record.format().name().toLowerCase(Locale.ROOT) + " record");
        }

        private boolean matches(RecordFormat format) {
            return switch (expected) {
                case MARCXML -> format == RecordFormat.MARC21 || format == RecordFormat.UNIMARC;
                case OAI_DC -> format == RecordFormat.OAI_DC;
                case MODS -> format == RecordFormat.MODS;
                case JATS -> format == RecordFormat.JATS;
                case OAI_DOAJ -> format == RecordFormat.OAI_DOAJ;
                case ARXIV -> format == RecordFormat.ARXIV;
                default -> true;
            };
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    /** One record, for inputs that are a single fault: nothing of them could be read. */
    private static final class SingleRecordReader extends LookAheadReader {
        private RawRecord record;

        SingleRecordReader(RawRecord record) {
            this.record = record;
        }

        @Override
        protected RawRecord readNext() {
            giveUp();
            RawRecord result = record;
            record = null;
            return result;
        }

        @Override
        public void close() {
            record = null;
        }
    }
}

package cn.edu.cashl.hub.ingest.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs up to a terminator read across buffer refills, as byte-by-byte reading would read them. */
class ScanningInputStreamTest {

    private static ScanningInputStream input(String text) {
        // A buffer of three bytes: every run below crosses refills.
        return new ScanningInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), 3);
    }

    @Test
    void readsThroughTheTerminatorAcrossRefills() throws IOException {
        ScanningInputStream in = input("  abcdefg|hi|");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(in.skipWhile(b -> b == ' '));
        assertEquals(8, in.readThrough('|', out, 100));
        assertEquals("abcdefg|", out.toString(StandardCharsets.ISO_8859_1));
        out.reset();
        assertEquals(3, in.readThrough('|', out, 100));
        assertEquals("hi|", out.toString(StandardCharsets.ISO_8859_1));
        assertFalse(in.skipWhile(b -> b == ' '));
        assertEquals(0, in.readThrough('|', out, 100));
    }

    @Test
    void keepsOnlyTheFirstBytesOfALongRunButReadsItAll() throws IOException {
        ScanningInputStream in = input("abcdefgh|z");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(9, in.readThrough('|', out, 4));
        assertArrayEquals("abcd".getBytes(StandardCharsets.ISO_8859_1), out.toByteArray());
        assertEquals('z', in.read());
    }

    @Test
    void anUnterminatedRunEndsWithTheInput() throws IOException {
        ScanningInputStream in = input("abcde");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(5, in.readThrough('|', out, 100));
        assertEquals("abcde", out.toString(StandardCharsets.ISO_8859_1));
        assertEquals(-1, in.read());
    }

    @Test
    void leaderNumbersHaveFiveDigitsOrMore() {
        assertEquals("00000", Iso2709Reader.fiveDigits(0));
        assertEquals("01234", Iso2709Reader.fiveDigits(1234));
        assertEquals("99999", Iso2709Reader.fiveDigits(99999));
        assertEquals("123456", Iso2709Reader.fiveDigits(123456));
    }
}

package cn.edu.cashl.hub.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamReader;
import org.marc4j.marc.DataField;

class CorpusGeneratorTest {

    private static byte[] generate(long seed, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CorpusGenerator(seed).write(out, count);
        return out.toByteArray();
    }

    @Test
    void sameSeedSameCorpus() {
        assertArrayEquals(generate(7, 200), generate(7, 200));
    }

    @Test
    void corpusHasTheAdvertisedShape() {
        MarcStreamReader reader = new MarcStreamReader(new ByteArrayInputStream(generate(1, 3000)), "UTF-8");
        int records = 0;
        int stem = 0;
        Map<String, Integer> isbns = new HashMap<>();
        while (reader.hasNext()) {
            org.marc4j.marc.Record record = reader.next();
            records++;
            String lcc = ((DataField) record.getVariableField("050"))
                    .getSubfield('a')
                    .getData();
            if (lcc.matches("^(Q|R|T|S)[A-Z]?\\d.*")) {
                stem++;
            }
            String isbn = ((DataField) record.getVariableField("020"))
                    .getSubfield('a')
                    .getData()
                    .replaceAll("[^0-9X]", "");
            isbns.merge(isbn, 1, Integer::sum);
            assertTrue(record.getVariableFields("852").size() >= 1);
        }
        assertEquals(3000, records);
        double duplicateShare = 1.0 - isbns.size() / 3000.0;
        assertTrue(duplicateShare > 0.25 && duplicateShare < 0.40, "about a third duplicates: " + duplicateShare);
        assertTrue(stem > 200 && stem < 500, "about 12 % STEM: " + stem);
    }
}

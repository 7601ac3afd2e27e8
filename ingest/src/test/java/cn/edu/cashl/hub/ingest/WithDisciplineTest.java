package cn.edu.cashl.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.ingest.hss.HssFilter;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import org.junit.jupiter.api.Test;

class WithDisciplineTest {

    private static final String RECORD = "<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"x:1\" type=\"book\">"
            + "<identifiers/><title><main>T</main></title>%s</record>";

    @Test
    void placeholderIsReplacedAndTheResultStaysValid() throws Exception {
        String xml = String.format(RECORD, "<discipline>unknown</discipline>");
        CashlRecord record = CashlRecords.get().read(xml);
        String out = IngestPipeline.withDiscipline(xml, record, new HssFilter.Decision("stem", "lcc:Q&\"<"));
        CashlRecords.get().validate(out);
        assertTrue(out.contains("<discipline rule=\"lcc:Q&amp;&quot;&lt;\">stem</discipline>"), out);
        assertEquals("lcc:Q&\"<", CashlRecords.get().read(out).getDiscipline().getRule());
    }

    @Test
    void otherwiseWrittenPlaceholderTakesTheFullRoundTrip() throws Exception {
        String xml = String.format(RECORD, "<discipline >unknown</discipline>");
        CashlRecord record = CashlRecords.get().read(xml);
        String out = IngestPipeline.withDiscipline(xml, record, new HssFilter.Decision("hss", "default"));
        assertEquals("default", CashlRecords.get().read(out).getDiscipline().getRule());
    }
}

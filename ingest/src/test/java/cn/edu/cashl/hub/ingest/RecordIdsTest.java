package cn.edu.cashl.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecordIdsTest {

    @Test
    void plainIdsStayReadable() {
        assertEquals("pku:000123456", RecordIds.sourceRecordId("pku", "000123456"));
        assertEquals("pku:oai:lib.pku.edu.cn:1.2-3", RecordIds.sourceRecordId("pku", "oai:lib.pku.edu.cn:1.2-3"));
    }

    @Test
    void otherCharactersAreEscapedSoThatDistinctIdsStayDistinct() {
        String slash = RecordIds.sourceRecordId("x", "oai:repo:123/45");
        String underscore = RecordIds.sourceRecordId("x", "oai:repo:123_2F45");
        assertEquals("x:oai:repo:123_2F45", slash);
        assertNotEquals(slash, underscore);
        assertEquals("x:ocm_2012345", RecordIds.sourceRecordId("x", "ocm 12345"));
        assertTrue(RecordIds.sourceRecordId("x", "中文").matches("[A-Za-z0-9][A-Za-z0-9._:\\-]*"));
    }

    @Test
    void longIdsAreCutWithADigest() {
        String id = RecordIds.sourceRecordId("x", "a".repeat(500));
        assertTrue(id.length() <= 200, id);
        assertNotEquals(id, RecordIds.sourceRecordId("x", "a".repeat(499) + "b"));
    }
}

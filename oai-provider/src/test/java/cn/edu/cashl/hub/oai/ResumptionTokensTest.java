package cn.edu.cashl.hub.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.RecordKey;
import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ResumptionTokensTest {

    private static final byte[] KEY = "sixteen bytes at least, this one".getBytes(StandardCharsets.UTF_8);
    private static final Instant ISSUED = Instant.parse("2026-11-24T10:00:00Z");
    private static final ListState STATE = new ListState(
            Verb.Type.ListRecords,
            "marc21",
            "library:pku",
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-11-24T09:59:59Z"),
            new RecordKey(Instant.parse("2026-03-01T12:00:00Z"), "pku:b12345/6 7"),
            400,
            12_345);

    private static ResumptionTokens at(Instant now) {
        return new ResumptionTokens(KEY, Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenCarriesTheWholeStateAndIsUrlSafe() throws Exception {
        ResumptionTokens.Issued issued = at(ISSUED).issue(STATE);
        assertTrue(issued.value().matches("[A-Za-z0-9_-]+"), issued.value());
        assertEquals(ISSUED.plus(Duration.ofHours(24)), issued.expires());
        assertEquals(STATE, at(ISSUED.plusSeconds(3600)).read(issued.value()));
        ListState noSetNoFrom =
                new ListState(Verb.Type.ListIdentifiers, "oai_dc", null, null, STATE.until(), STATE.after(), 0, 1);
        assertEquals(noSetNoFrom, at(ISSUED).read(at(ISSUED).issue(noSetNoFrom).value()));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = at(ISSUED).issue(STATE).value();
        ResumptionTokens.InvalidTokenException e = assertThrows(
                ResumptionTokens.InvalidTokenException.class,
                () -> at(ISSUED.plus(Duration.ofHours(24)).plusSeconds(1)).read(token));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void everyAlteredByteIsNoticed() {
        byte[] bytes = Base64.getUrlDecoder().decode(at(ISSUED).issue(STATE).value());
        for (int i = 0; i < bytes.length; i++) {
            byte[] altered = bytes.clone();
            altered[i] ^= 0x01;
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            assertThrows(
                    ResumptionTokens.InvalidTokenException.class,
                    () -> at(ISSUED).read(token),
                    "byte " + i);
        }
    }

    @Test
    void anotherKeysTokensAndJunkAreRefused() {
        String foreign = new ResumptionTokens(
                        "another key, also sixteen bytes".getBytes(StandardCharsets.UTF_8),
                        Duration.ofHours(24),
                        Clock.fixed(ISSUED, ZoneOffset.UTC))
                .issue(STATE)
                .value();
        assertThrows(
                ResumptionTokens.InvalidTokenException.class, () -> at(ISSUED).read(foreign));
        for (String junk : new String[] {"junk", "", "!!!", "AAAA", "a".repeat(5000)}) {
            assertThrows(
                    ResumptionTokens.InvalidTokenException.class,
                    () -> at(ISSUED).read(junk),
                    junk);
        }
    }
}

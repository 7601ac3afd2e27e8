package cn.edu.cashl.hub.schema.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every value reads as the ISO formatter reads it, whether or not it is in the form the hub writes. */
class UtcInstantAdapterTest {

    private final UtcInstantAdapter adapter = new UtcInstantAdapter();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-05-06T07:08:09Z",
                " 2024-05-06T07:08:09Z ",
                "0001-01-01T00:00:00Z",
                "2024-02-29T23:59:59Z",
                "2024-05-06T07:08:09+08:00",
                "2024-05-06T07:08:09.5Z",
                "2024-05-06T07:08Z"
            })
    void readsAsTheIsoFormatterDoes(String value) {
        assertEquals(OffsetDateTime.parse(value.strip()).toInstant(), adapter.unmarshal(value));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2023-02-29T00:00:00Z",
                "2024-13-01T00:00:00Z",
                "2024-05-06T24:00:00Z",
                "2024-05-06T23:59:60Z",
                "2024-05-06T07:08:0xZ",
                "2024-05-06 07:08:09Z"
            })
    void refusesWhatTheIsoFormatterRefuses(String value) {
        assertThrows(DateTimeException.class, () -> OffsetDateTime.parse(value));
        assertThrows(DateTimeException.class, () -> adapter.unmarshal(value));
    }
}

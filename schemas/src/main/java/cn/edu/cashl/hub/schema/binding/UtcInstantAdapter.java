package cn.edu.cashl.hub.schema.binding;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Maps {@code xs:dateTime} to {@link Instant}. Written values are UTC at second precision
 * ({@code YYYY-MM-DDThh:mm:ssZ}), the form OAI-PMH uses and the schema's UtcTimestamp requires;
 * read values may carry any offset and are converted to UTC.
 */
public final class UtcInstantAdapter extends XmlAdapter<String, Instant> {

    @Override
    public Instant unmarshal(String value) {
        return value == null ? null : OffsetDateTime.parse(value.strip()).toInstant();
    }

    @Override
    public String marshal(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

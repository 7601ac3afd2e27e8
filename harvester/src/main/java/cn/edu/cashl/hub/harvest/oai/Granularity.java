package cn.edu.cashl.hub.harvest.oai;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The datestamp granularity a repository declares in Identify: OAI-PMH 2.0 allows exactly two. */
public enum Granularity {
    DAY("YYYY-MM-DD"),
    SECOND("YYYY-MM-DDThh:mm:ssZ");

    private final String declaration;

    Granularity(String declaration) {
        this.declaration = declaration;
    }

    /** The granularity an Identify response declares; anything else is the protocol's minimum, days. */
    public static Granularity of(String declared) {
        return declared != null && SECOND.declaration.equals(declared.strip()) ? SECOND : DAY;
    }

    public String declaration() {
        return declaration;
    }

    /** An instant as this granularity writes it: a UTC day, or a UTC second. */
    public String format(Instant instant) {
        return this == DAY
                ? instant.atOffset(ZoneOffset.UTC).toLocalDate().toString()
                : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A datestamp or responseDate in either granularity; null when it is neither. */
    public static Instant parse(String datestamp) {
        if (datestamp == null) {
            return null;
        }
        String text = datestamp.strip();
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                // Some providers send an offset instead of Z (seen in the wild: +05:45).
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}

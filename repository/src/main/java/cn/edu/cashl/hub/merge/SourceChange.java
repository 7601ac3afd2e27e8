package cn.edu.cashl.hub.merge;

import cn.edu.cashl.hub.catalog.SourceField;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What happened to one source record, as the union catalogue needs to know it.
 *
 * @param kind         accepted (in the catalogue), withdrawn (kept as a source record but filtered out
 *                     or quarantined) or deleted (gone from the source)
 * @param id           the source record id
 * @param sourceRecord the source record to store; null when deleted
 * @param record       the canonical record; only when accepted
 * @param keys         its match keys; only when accepted
 * @param contentHash  hash of what the record says, without harvest times: of the canonical XML and
 *                     its match keys when accepted; of status, reason, raw and canonical XML when withdrawn; null when deleted
 */
public record SourceChange(
        Kind kind, String id, StoredRecord sourceRecord, CashlRecord record, MatchKeys keys, String contentHash) {

    public enum Kind {
        ACCEPTED,
        WITHDRAWN,
        DELETED
    }

    /** The harvest time changes at every harvest; the content does not. */
    private static final Pattern HARVESTED_AT = Pattern.compile(" harvestedAt=\"[^\"]*\"");

    public SourceChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /** An accepted record; {@code sourceRecord.xml()} is its canonical XML, which {@code record} binds. */
    public static SourceChange accepted(StoredRecord sourceRecord, CashlRecord record) {
        MatchKeys keys = MatchKeys.of(record);
        // The keys are hashed too: when the rules that derive them change (a new kind of key), a
        // record that arrives again is clustered again instead of being skipped as unchanged.
        return new SourceChange(
                Kind.ACCEPTED,
                sourceRecord.id(),
                sourceRecord,
                record,
                keys,
                contentHash(sourceRecord.xml() + "\n" + keys.encode()));
    }

    public static SourceChange withdrawn(StoredRecord sourceRecord) {
        String content = sourceRecord.status() + "\n" + SourceField.REASON.of(sourceRecord) + "\n"
                + SourceField.RULE.of(sourceRecord) + "\n" + sourceRecord.raw() + "\n" + sourceRecord.xml();
        return new SourceChange(Kind.WITHDRAWN, sourceRecord.id(), sourceRecord, null, null, contentHash(content));
    }

    public static SourceChange deleted(String id) {
        return new SourceChange(Kind.DELETED, id, null, null, null, null);
    }

    public boolean isAccepted() {
        return kind == Kind.ACCEPTED;
    }

    static String contentHash(String canonicalXml) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(
                    HARVESTED_AT.matcher(canonicalXml).replaceAll("").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package cn.edu.cashl.hub.oai;

import cn.edu.cashl.hub.catalog.RecordKey;
import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless, signed resumption tokens. A token is the {@link ListState} and its expiry, serialised,
 * with an HMAC-SHA256 over them, in URL-safe Base64: nothing is kept on the server, any node with
 * the same key continues any list, and a token that was altered, has expired or was signed with
 * another key is refused. XOAI's own token format cannot carry a keyset position (stack.md).
 */
final class ResumptionTokens {

    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;
    private static final long NO_DATE = Long.MIN_VALUE;

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    ResumptionTokens(byte[] key, Duration lifetime, Clock clock) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A token and the moment it expires. */
    record Issued(String value, Instant expires) {}

    Issued issue(ListState state) {
        Instant expires = clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(state.verb() == Verb.Type.ListRecords ? 'R' : 'I');
            out.writeUTF(state.prefix());
            out.writeBoolean(state.set() != null);
            out.writeUTF(state.set() == null ? "" : state.set());
            out.writeLong(state.from() == null ? NO_DATE : state.from().getEpochSecond());
            out.writeLong(state.until().getEpochSecond());
            out.writeLong(state.after().datestamp().getEpochSecond());
            out.writeUTF(state.after().id());
            out.writeLong(state.cursor());
            out.writeLong(state.completeListSize());
            out.writeLong(expires.getEpochSecond());
            out.write(mac(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return new Issued(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray()), expires);
    }

    /**
     * The state a token carries, if it is one of ours, unaltered and unexpired.
     *
     * @throws InvalidTokenException saying which of these it is not
     */
    ListState read(String token) throws InvalidTokenException {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("it is not a resumption token this repository issued");
        }
        if (bytes.length <= MAC_BYTES + 2 || bytes[0] != VERSION) {
            throw new InvalidTokenException("it is not a resumption token this repository issued");
        }
        byte[] payload = Arrays.copyOf(bytes, bytes.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(bytes, bytes.length - MAC_BYTES, bytes.length);
        if (!MessageDigest.isEqual(mac, mac(payload))) {
            throw new InvalidTokenException("it was altered, or issued by another repository");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            in.readByte();
            Verb.Type verb = in.readByte() == 'R' ? Verb.Type.ListRecords : Verb.Type.ListIdentifiers;
            String prefix = in.readUTF();
            boolean hasSet = in.readBoolean();
            String set = in.readUTF();
            long from = in.readLong();
            Instant until = Instant.ofEpochSecond(in.readLong());
            Instant afterDatestamp = Instant.ofEpochSecond(in.readLong());
            String afterId = in.readUTF();
            long cursor = in.readLong();
            long size = in.readLong();
            Instant expires = Instant.ofEpochSecond(in.readLong());
            if (clock.instant().isAfter(expires)) {
                throw new InvalidTokenException("it expired at " + expires);
            }
            return new ListState(
                    verb,
                    prefix,
                    hasSet ? set : null,
                    from == NO_DATE ? null : Instant.ofEpochSecond(from),
                    until,
                    new RecordKey(afterDatestamp, afterId),
                    cursor,
                    size);
        } catch (IOException e) {
            // Signed by us but unreadable: only a token of another format version can be.
            throw new InvalidTokenException("it is not a resumption token this repository issued");
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Why a token was refused. */
    static final class InvalidTokenException extends Exception {
        InvalidTokenException(String message) {
            super(message);
        }
    }
}

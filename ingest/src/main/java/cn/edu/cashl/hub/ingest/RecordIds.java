package cn.edu.cashl.hub.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hub ids of source records: {@code <source>:<local id>}. Local ids come as sources write them
 * (OAI identifiers with slashes, 001s with spaces); the hub id may hold only letters, digits and
 * {@code . : -} besides {@code _}, so that it can stand in an OAI identifier. Any other character,
 * and {@code _} itself, is written as {@code _XX} per UTF-8 byte, which keeps distinct local ids
 * distinct. A record without a local id is known by a digest of its content.
 */
public final class RecordIds {

    private static final int MAX = 200;

    private RecordIds() {}

    public static String sourceRecordId(String source, String localId) {
        StringBuilder id = new StringBuilder(source).append(':');
        for (byte b : localId.strip().getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == ':'
                    || c == '-') {
                id.append(c);
            } else {
                id.append('_').append(String.format("%02X", b & 0xFF));
            }
        }
        if (id.length() > MAX) {
            return id.substring(0, MAX - 17) + "_" + digest(localId).substring(0, 16);
        }
        return id.toString();
    }

    /** A local id for a record that has none: stable for the same content. */
    public static String contentId(String content) {
        return "h" + digest(content).substring(0, 20);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

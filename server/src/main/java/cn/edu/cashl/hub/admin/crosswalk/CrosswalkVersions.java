package cn.edu.cashl.hub.admin.crosswalk;

import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.db.Jdbc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every version of every crosswalk, and which one is published, in the operational database (so that
 * each node of a cluster and every restart publish the same). Version 1 of a crosswalk is the
 * stylesheet packaged with the hub; admins' versions are 2, 3... A publication is a row of its own,
 * so the history says who made which version live and when, rollbacks included.
 */
public final class CrosswalkVersions {

    /** The author recorded for the packaged version 1. */
    public static final String PACKAGED_AUTHOR = "cashl-hub";

    public static final int PACKAGED = 1;
    private static final int SAVE_ATTEMPTS = 5;

    private final Jdbc jdbc;
    private final Clock clock;

    public CrosswalkVersions(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One version; {@code stylesheet} is null in listings. */
    public record Version(
            String crosswalk, int version, String author, Instant createdAt, String comment, String stylesheet) {}

    /** A publication: who made which version live, when. */
    public record Publication(String crosswalk, int version, String publishedBy, Instant publishedAt) {}

    /** The crosswalk's versions, newest first, the packaged one last. */
    public List<Version> versions(String crosswalk) {
        List<Version> versions = new ArrayList<>(jdbc.query(
                "SELECT crosswalk_id, version, author, created_at, comment FROM crosswalk_version WHERE crosswalk_id = ? ORDER BY version DESC",
                rs -> new Version(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getString(5),
                        null),
                crosswalk));
        versions.add(new Version(crosswalk, PACKAGED, PACKAGED_AUTHOR, null, "packaged with the hub", null));
        return versions;
    }

    /** One version with its stylesheet. */
    public Optional<Version> version(String crosswalk, int version) {
        if (version == PACKAGED) {
            return Optional.of(new Version(
                    crosswalk, PACKAGED, PACKAGED_AUTHOR, null, "packaged with the hub", packagedText(crosswalk)));
        }
        return jdbc.first(
                "SELECT crosswalk_id, version, author, created_at, comment, stylesheet FROM crosswalk_version "
                        + "WHERE crosswalk_id = ? AND version = ?",
                rs -> new Version(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getString(5),
                        rs.getString(6)),
                crosswalk,
                version);
    }

    /**
     * Saves a new version (the next number) and returns it. Two nodes of a cluster saving at the same
     * instant may both take the same number; the primary key refuses the second, which takes the
     * number after.
     */
    public synchronized Version save(String crosswalk, String stylesheet, String author, String comment) {
        for (int attempt = 1; ; attempt++) {
            int next = latest(crosswalk) + 1;
            Instant now = clock.instant();
            try {
                jdbc.update(
                        "INSERT INTO crosswalk_version (crosswalk_id, version, stylesheet, author, created_at, comment) "
                                + "VALUES (?, ?, ?, ?, ?, ?)",
                        crosswalk,
                        next,
                        stylesheet,
                        author,
                        now.toEpochMilli(),
                        comment);
                return new Version(crosswalk, next, author, now, comment, null);
            } catch (Jdbc.DatabaseException e) {
                if (attempt >= SAVE_ATTEMPTS || latest(crosswalk) < next) {
                    throw e; // not a number taken meanwhile
                }
            }
        }
    }

    /** The newest version's number (1 when only the packaged one exists). */
    public int latest(String crosswalk) {
        return jdbc.first(
                        "SELECT MAX(version) FROM crosswalk_version WHERE crosswalk_id = ?",
                        rs -> rs.getInt(1),
                        crosswalk)
                .filter(v -> v > 0)
                .orElse(PACKAGED);
    }

    /** Records that a version is now live. */
    public Publication publish(String crosswalk, int version, String user) {
        Instant now = clock.instant();
        jdbc.insert(
                "INSERT INTO crosswalk_publication (crosswalk_id, version, published_by, published_at) VALUES (?, ?, ?, ?)",
                crosswalk,
                version,
                user,
                now.toEpochMilli());
        return new Publication(crosswalk, version, user, now);
    }

    /** The live publication of a crosswalk; empty while the packaged version was never replaced. */
    public Optional<Publication> published(String crosswalk) {
        return jdbc.first(
                "SELECT crosswalk_id, version, published_by, published_at FROM crosswalk_publication WHERE crosswalk_id = ? "
                        + "ORDER BY publication_id DESC FETCH FIRST 1 ROWS ONLY",
                CrosswalkVersions::toPublication,
                crosswalk);
    }

    /** The live version of each crosswalk that has a publication. */
    public Map<String, Publication> publishedAll() {
        Map<String, Publication> live = new HashMap<>();
        for (Publication p : jdbc.query(
                "SELECT crosswalk_id, version, published_by, published_at FROM crosswalk_publication ORDER BY publication_id",
                CrosswalkVersions::toPublication)) {
            live.put(p.crosswalk(), p); // later rows replace earlier ones
        }
        return live;
    }

    /** Every publication of a crosswalk, newest first. */
    public List<Publication> publications(String crosswalk) {
        return jdbc.query(
                "SELECT crosswalk_id, version, published_by, published_at FROM crosswalk_publication WHERE crosswalk_id = ? "
                        + "ORDER BY publication_id DESC",
                CrosswalkVersions::toPublication,
                crosswalk);
    }

    private static Publication toPublication(ResultSet rs) throws SQLException {
        return new Publication(rs.getString(1), rs.getInt(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
    }

    /** The packaged stylesheet's text. */
    public static String packagedText(String crosswalk) {
        String resource = "/xslt/" + crosswalk + ".xsl";
        try (InputStream in = Crosswalks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no packaged crosswalk " + crosswalk);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

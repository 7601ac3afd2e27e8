package cn.edu.cashl.hub.source;

import cn.edu.cashl.hub.db.Jdbc;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source definitions admins saved at run time, in the operational database (plain SQL that H2
 * and PostgreSQL both accept), so that every hub node and every restart sees them: each one is the
 * whole {@link Source} as JSON, with who saved it and when. They lie over {@code sources.yaml}
 * ({@link #applyTo}): a saved definition replaces the file's one with the same id.
 */
public final class SourceStore {

    private static final Logger LOG = LoggerFactory.getLogger(SourceStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longest definition kept; a source's JSON is a few hundred bytes. */
    private static final int MAX_DEFINITION = 100_000;

    private final Jdbc jdbc;
    private final Clock clock;

    public SourceStore(DataSource data) {
        this(data, Clock.systemUTC());
    }

    public SourceStore(DataSource data, Clock clock) {
        this.jdbc = new Jdbc(data);
        this.clock = clock;
    }

    /**
     * Saves a source's definition (a new one, or the new version of one), as the given user. The
     * caller has checked it ({@link Sources#validate}, the onboarding check).
     */
    public void save(Source source, String user) {
        String definition = toJson(source);
        if (definition.length() > MAX_DEFINITION) {
            throw new IllegalArgumentException(
                    "the definition of source " + source.id() + " is longer than " + MAX_DEFINITION + " characters");
        }
        long now = clock.millis();
        String by = truncate(user, 64);
        if (jdbc.update(
                        "UPDATE admin_source SET definition = ?, updated_by = ?, updated_at = ? WHERE source_id = ?",
                        definition,
                        by,
                        now,
                        source.id())
                == 0) {
            jdbc.update(
                    "INSERT INTO admin_source (source_id, definition, updated_by, updated_at) VALUES (?, ?, ?, ?)",
                    source.id(),
                    definition,
                    by,
                    now);
        }
    }

    /** Every saved definition, by id. One that cannot be read any more is logged and left out. */
    public List<Source> all() {
        List<Source> sources = new ArrayList<>();
        for (Saved saved : saved()) {
            sources.add(saved.source());
        }
        return sources;
    }

    /** A saved definition with who saved it last and when. */
    public record Saved(Source source, String updatedBy, Instant updatedAt) {}

    /** Every saved definition with who saved it and when, by id. */
    public List<Saved> saved() {
        List<Saved> result = new ArrayList<>();
        for (String[] row : jdbc.query(
                "SELECT source_id, definition, updated_by, updated_at FROM admin_source ORDER BY source_id",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), Long.toString(rs.getLong(4))})) {
            try {
                result.add(new Saved(fromJson(row[1]), row[2], Instant.ofEpochMilli(Long.parseLong(row[3]))));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                LOG.error(
                        "the saved definition of source {} cannot be read and is left out: {}", row[0], e.getMessage());
            }
        }
        return result;
    }

    /** The saved definition of one source, if an admin saved one. */
    public Optional<Saved> get(String id) {
        return saved().stream().filter(s -> s.source().id().equals(id)).findFirst();
    }

    /**
     * Lays the saved definitions over sources in use (those of the file, at start-up; the same, later,
     * to take up what admins saved on other nodes): a saved definition replaces one with the same id,
     * a new id is added. Only what differs is put. A saved definition that is not valid any more is
     * logged and left out (the file's one stays).
     */
    public void applyTo(Sources sources) {
        for (Source saved : all()) {
            if (sources.get(saved.id()).map(saved::equals).orElse(false)) {
                continue;
            }
            try {
                sources.put(saved);
            } catch (SourcesException e) {
                LOG.error(
                        "source {} saved in the admin is not valid any more and is left out: {}",
                        saved.id(),
                        e.getMessage());
            }
        }
    }

    /** The definition as stored: every field of {@link Source}, nulls left out. */
    static String toJson(Source source) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", source.id());
        node.put("type", source.type().value());
        putIfPresent(node, "url", source.url());
        putIfPresent(node, "metadataPrefix", source.metadataPrefix());
        putIfPresent(node, "format", source.format());
        putIfPresent(node, "name", source.name());
        putIfPresent(node, "nameZh", source.nameZh());
        if (!source.sets().isEmpty()) {
            ArrayNode sets = node.putArray("sets");
            source.sets().forEach(sets::add);
        }
        putIfPresent(node, "crosswalk", source.crosswalk());
        putIfPresent(node, "holdingsField", source.holdingsField());
        putIfPresent(node, "schedule", source.schedule());
        node.put("enabled", source.isEnabled());
        Licence licence = source.licence();
        if (licence != null) {
            putIfPresent(node, "package", licence.packageName());
            ArrayNode libraries = node.putArray("libraries");
            licence.libraries().forEach(libraries::add);
            node.put("openAccess", licence.openAccess());
            if (licence.illElectronic() != null) {
                node.put("illElectronic", licence.illElectronic());
            }
            if (!licence.proxy().isEmpty()) {
                ObjectNode proxy = node.putObject("proxy");
                licence.proxy().forEach(proxy::put);
            }
        }
        if (source.lending().tier() != null) {
            node.put("tier", source.lending().tier().value());
        }
        putIfPresent(node, "illBaseUrl", source.lending().illBaseUrl());
        putIfPresent(node, "journals", source.journals());
        putIfPresent(node, "mailto", source.mailto());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored definition; unknown fields (from a later version) are ignored. */
    static Source fromJson(String json) throws JsonProcessingException {
        JsonNode node = JSON.readTree(json);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        List<String> sets = new ArrayList<>();
        JsonNode setNodes = node.get("sets");
        if (setNodes != null && setNodes.isArray()) {
            setNodes.forEach(s -> sets.add(s.asText()));
        }
        JsonNode enabled = node.get("enabled");
        String type = text(node, "type");
        List<String> libraries = null;
        if (node.get("libraries") != null && node.get("libraries").isArray()) {
            libraries = new ArrayList<>();
            for (JsonNode library : node.get("libraries")) {
                libraries.add(library.asText());
            }
        }
        Map<String, String> proxy = null;
        if (node.get("proxy") != null && node.get("proxy").isObject()) {
            Map<String, String> prefixes = new TreeMap<>();
            node.get("proxy")
                    .fields()
                    .forEachRemaining(e -> prefixes.put(e.getKey(), e.getValue().asText()));
            proxy = prefixes;
        }
        String tier = text(node, "tier");
        return Source.of(
                text(node, "id"),
                type == null ? null : SourceType.of(type),
                text(node, "url"),
                text(node, "metadataPrefix"),
                text(node, "format"),
                text(node, "name"),
                text(node, "nameZh"),
                sets,
                text(node, "crosswalk"),
                text(node, "holdingsField"),
                text(node, "schedule"),
                enabled == null || enabled.isNull() ? null : enabled.asBoolean(),
                text(node, "package"),
                libraries,
                bool(node, "openAccess"),
                bool(node, "illElectronic"),
                proxy,
                tier == null ? null : LibraryTier.of(tier),
                text(node, "illBaseUrl"),
                text(node, "journals"),
                text(node, "mailto"));
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

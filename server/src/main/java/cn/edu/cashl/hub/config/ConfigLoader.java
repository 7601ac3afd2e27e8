package cn.edu.cashl.hub.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads {@link HubConfig}: built-in defaults, then the YAML file, then environment variables, each
 * overriding the one before (command-line options override all three, in the command).
 *
 * <p>Every key {@code section.someKey} has the variable {@code CASHL_SECTION_SOME_KEY}, e.g.
 * {@code solr.url} is {@code CASHL_SOLR_URL} and {@code hub.dataDir} is {@code CASHL_HUB_DATA_DIR}.
 * A key the hub does not know, in the file or as a {@code CASHL_} variable, is an error that names
 * it: a misspelt setting silently ignored is worse than a hub that does not start.
 */
public final class ConfigLoader {

    /** {@code CASHL_} variables that are not configuration keys (launcher and tests use them). */
    static final Set<String> OTHER_VARIABLES = Set.of("CASHL_JAVA_OPTS", "CASHL_TESTDATA", "CASHL_HOME", "CASHL_E2E");

    private static final String PREFIX = "CASHL_";
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /**
     * @param file the YAML file, or null for defaults and environment only
     * @param env  the environment ({@code System.getenv()} outside tests)
     */
    public HubConfig load(Path file, Map<String, String> env) throws ConfigException {
        ObjectNode tree = json.valueToTree(HubConfig.DEFAULTS);
        String origin = file == null ? "the defaults" : file.toString();
        if (file != null) {
            mergeFile(tree, file);
        }
        Map<String, String> fromEnv = applyEnvironment(tree, env);
        HubConfig config;
        try {
            config = json.treeToValue(tree, HubConfig.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(explain(e, origin, fromEnv));
        }
        validate(config);
        return config;
    }

    /** Every key of the configuration, dotted ({@code hub.port}), in declaration order. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        collectKeys(HubConfig.class, "", keys);
        return keys;
    }

    /** The environment variable that overrides a key. */
    public static String variableFor(String key) {
        StringBuilder name = new StringBuilder(PREFIX);
        for (char c : key.toCharArray()) {
            if (c == '.') {
                name.append('_');
            } else if (Character.isUpperCase(c)) {
                name.append('_').append(c);
            } else {
                name.append(Character.toUpperCase(c));
            }
        }
        return name.toString();
    }

    private static void collectKeys(Class<?> type, String prefix, List<String> keys) {
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + component.getName();
            if (component.getType().isRecord()) {
                collectKeys(component.getType(), key + ".", keys);
            } else if (List.class.isAssignableFrom(component.getType())) {
                continue; // lists (admin.users) live in the file only: no environment variable holds one
            } else {
                keys.add(key);
            }
        }
    }

    private void mergeFile(ObjectNode tree, Path file) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("configuration file " + file + " does not exist");
        }
        JsonNode fileTree;
        try {
            fileTree = yaml.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ConfigException(
                    file + " is not valid YAML at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        if (fileTree == null || fileTree.isMissingNode() || fileTree.isNull()) {
            return; // an empty file: defaults
        }
        if (!fileTree.isObject()) {
            throw new ConfigException(file + " must hold a mapping of sections (hub, solr, db)");
        }
        merge(tree, (ObjectNode) fileTree, "", file);
    }

    /** Deep merge; an unknown section or key is reported here, with its full dotted name. */
    private static void merge(ObjectNode target, ObjectNode source, String prefix, Path file) throws ConfigException {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            JsonNode existing = target.get(field.getKey());
            if (existing == null) {
                throw new ConfigException(file + ": unknown key '" + key + "'" + known(target, prefix));
            }
            if (existing.isObject()) {
                if (!field.getValue().isObject()) {
                    throw new ConfigException(file + ": '" + key + "' must be a section with keys"
                            + known((ObjectNode) existing, key + "."));
                }
                merge((ObjectNode) existing, (ObjectNode) field.getValue(), key + ".", file);
            } else if (existing.isArray()) {
                if (!field.getValue().isArray() && !field.getValue().isNull()) {
                    throw new ConfigException(file + ": '" + key + "' must be a list");
                }
                target.set(field.getKey(), field.getValue().isNull() ? target.arrayNode() : field.getValue());
            } else if (field.getValue().isContainerNode()) {
                throw new ConfigException(file + ": '" + key + "' must be a single value, not a list or section");
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static String known(ObjectNode section, String prefix) {
        List<String> names = new ArrayList<>();
        section.fieldNames().forEachRemaining(name -> names.add(prefix + name));
        return " (known keys: " + String.join(", ", names) + ")";
    }

    private static Map<String, String> applyEnvironment(ObjectNode tree, Map<String, String> env)
            throws ConfigException {
        Map<String, String> byVariable = new LinkedHashMap<>();
        for (String key : keys()) {
            byVariable.put(variableFor(key), key);
        }
        Set<String> unknown = new TreeSet<>();
        Map<String, String> applied = new LinkedHashMap<>();
        for (Map.Entry<String, String> variable : env.entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(PREFIX) || OTHER_VARIABLES.contains(name)) {
                continue;
            }
            String key = byVariable.get(name);
            if (key == null) {
                unknown.add(name);
                continue;
            }
            String[] path = key.split("\\.");
            ObjectNode section = tree;
            for (int i = 0; i < path.length - 1; i++) {
                section = (ObjectNode) section.get(path[i]);
            }
            section.set(path[path.length - 1], TextNode.valueOf(variable.getValue()));
            applied.put(key, name);
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown environment variable" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (the hub reads " + String.join(", ", byVariable.keySet()) + ")");
        }
        return applied;
    }

    private static String explain(JsonProcessingException e, String origin, Map<String, String> fromEnv) {
        String key = e instanceof JsonMappingException mapping
                ? mapping.getPath().stream()
                        .map(JsonMappingException.Reference::getFieldName)
                        .collect(Collectors.joining("."))
                : "";
        String where = fromEnv.containsKey(key) ? "environment variable " + fromEnv.get(key) : origin;
        if (e instanceof InvalidFormatException format) {
            return where + ": '" + key + "' must be " + describe(format.getTargetType()) + ", not '" + format.getValue()
                    + "'";
        }
        return where + ": '" + key + "' " + e.getOriginalMessage();
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static void validate(HubConfig config) throws ConfigException {
        int port = config.hub().port();
        if (port < 0 || port > 65535) {
            throw new ConfigException("hub.port must be between 0 and 65535, not " + port);
        }
        if (isBlank(config.hub().dataDir())) {
            throw new ConfigException("hub.dataDir must name a directory");
        }
        requireHttpUrl("hub.baseUrl", config.hub().baseUrl());
        requireHttpUrl("solr.url", config.solr().url());
        if (!isBlank(config.solr().url()) && !isBlank(config.solr().zk())) {
            throw new ConfigException("solr.url and solr.zk are both set: use solr.url for one Solr server"
                    + " or solr.zk for SolrCloud, not both");
        }
        if (config.solr().shards() < 1 || config.solr().replicationFactor() < 1) {
            throw new ConfigException("solr.shards and solr.replicationFactor must be at least 1");
        }
        if (isBlank(config.solr().configset())) {
            throw new ConfigException("solr.configset must name the configset");
        }
        if (!isBlank(config.db().url()) && !config.db().url().startsWith("jdbc:")) {
            throw new ConfigException("db.url must be a JDBC URL (jdbc:h2:... or jdbc:postgresql:...), not '"
                    + config.db().url() + "'");
        }
        if (config.db().maxPoolSize() < 1) {
            throw new ConfigException("db.maxPoolSize must be at least 1");
        }
        double share = config.harvest().maxDumpDeletionShare();
        if (!(share >= 0 && share <= 1)) {
            throw new ConfigException(
                    "harvest.maxDumpDeletionShare must be a share between 0 and 1 (0.10 is 10 %), not " + share);
        }
        int rows = config.harvest().crossrefRows();
        if (rows < 1 || rows > 1000) {
            throw new ConfigException(
                    "harvest.crossrefRows must be between 1 and 1000 (Crossref's largest page), not " + rows);
        }
        validate(config.oai());
        validate(config.admin());
    }

    private static void validate(HubConfig.AdminSettings admin) throws ConfigException {
        if (admin.sessionMinutes() < 1
                || admin.sessionMaxHours() < 1
                || admin.maxFailedLogins() < 1
                || admin.lockoutMinutes() < 1) {
            throw new ConfigException(
                    "admin.sessionMinutes, admin.sessionMaxHours, admin.maxFailedLogins and admin.lockoutMinutes must be at least 1");
        }
        if (admin.recordTimeoutMillis() < 100) {
            throw new ConfigException("admin.recordTimeoutMillis must be at least 100");
        }
        for (HubConfig.AdminUser user : admin.users()) {
            if (user == null || isBlank(user.name())) {
                throw new ConfigException("admin.users: every account needs a name");
            }
            try {
                cn.edu.cashl.hub.admin.auth.Accounts.checkName(user.name());
                cn.edu.cashl.hub.admin.auth.Role.of(user.role());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("admin.users: " + user.name() + ": " + e.getMessage());
            }
            if (!cn.edu.cashl.hub.admin.auth.Passwords.isHash(user.passwordHash())) {
                throw new ConfigException("admin.users: the passwordHash of " + user.name()
                        + " must be an Argon2id hash made with ./cashl-hub user hash (never the password itself)");
            }
        }
    }

    private static void validate(HubConfig.OaiConfig oai) throws ConfigException {
        requireHttpUrl("oai.baseUrl", oai.baseUrl());
        if (isBlank(oai.repositoryName())) {
            throw new ConfigException("oai.repositoryName must not be empty");
        }
        if (oai.repositoryIdentifier() == null
                || !oai.repositoryIdentifier().matches("[a-zA-Z][a-zA-Z0-9-]*(\\.[a-zA-Z][a-zA-Z0-9-]*)+")) {
            throw new ConfigException("oai.repositoryIdentifier must be a domain name such as hub.cashl.edu.cn, not '"
                    + oai.repositoryIdentifier() + "'");
        }
        if (isBlank(oai.adminEmail()) || !oai.adminEmail().contains("@")) {
            throw new ConfigException(
                    "oai.adminEmail must hold at least one e-mail address, not '" + oai.adminEmail() + "'");
        }
        if (oai.recordsPerPage() < 1 || oai.headersPerPage() < 1) {
            throw new ConfigException("oai.recordsPerPage and oai.headersPerPage must be at least 1");
        }
        if (oai.tokenLifetimeHours() < 24) {
            throw new ConfigException("oai.tokenLifetimeHours must be at least 24 (harvesters pause overnight), not "
                    + oai.tokenLifetimeHours());
        }
        if (!isBlank(oai.tokenKey()) && oai.tokenKey().length() < 16) {
            throw new ConfigException("oai.tokenKey must have at least 16 characters, or be empty for a generated one");
        }
        if (oai.maxConcurrentRequests() < 1 || oai.visibilityWaitSeconds() < 0) {
            throw new ConfigException(
                    "oai.maxConcurrentRequests must be at least 1 and oai.visibilityWaitSeconds not negative");
        }
    }

    private static void requireHttpUrl(String key, String value) throws ConfigException {
        if (isBlank(value)) {
            return;
        }
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException(key + " must be an http(s) URL, not '" + value + "'");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(key + " must be an http(s) URL, not '" + value + "': " + e.getReason());
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

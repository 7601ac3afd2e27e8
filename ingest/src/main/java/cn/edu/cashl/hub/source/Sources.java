package cn.edu.cashl.hub.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.quartz.CronExpression;

/**
 * The sources of {@code config/sources.yaml}, checked: unknown keys, duplicate or malformed ids are
 * errors. Shared by reference (harvester, scheduler, protocols, admin): an admin's edit at run time
 * ({@link #put}) replaces the whole map at once, so that a reader always sees one consistent set.
 */
public final class Sources {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.\\-]{0,63}");

    /** Never changed once published: {@link #put} publishes a new copy. */
    private volatile Map<String, Source> byId;

    private Sources(Map<String, Source> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    public static Sources of(List<Source> sources) throws SourcesException {
        Map<String, Source> byId = new LinkedHashMap<>();
        for (Source source : sources) {
            validate(source);
            if (byId.put(source.id(), source) != null) {
                throw new SourcesException("source id '" + source.id() + "' appears twice");
            }
        }
        return new Sources(byId);
    }

    /** No sources at all: a hub that does not harvest. */
    public static Sources none() {
        return new Sources(new LinkedHashMap<>());
    }

    public static Sources load(Path file) throws SourcesException {
        if (!Files.isRegularFile(file)) {
            throw new SourcesException("sources file " + file + " does not exist");
        }
        ObjectMapper yaml =
                new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            File content = yaml.readValue(file.toFile(), File.class);
            return of(content.sources() == null ? List.of() : content.sources());
        } catch (ValueInstantiationException e) {
            // An unknown type: SourceType.of says which ones there are.
            throw new SourcesException(file + ": " + path(e).strip() + ": " + rootMessage(e)
                    + (e.getLocation() == null
                            ? ""
                            : " at line " + e.getLocation().getLineNr()));
        } catch (UnrecognizedPropertyException e) {
            throw new SourcesException(file + ": unknown key '" + e.getPropertyName() + "'" + path(e) + " (known: "
                    + e.getKnownPropertyIds() + ")");
        } catch (JsonProcessingException e) {
            throw new SourcesException(file + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null
                            ? ""
                            : " at line " + e.getLocation().getLineNr()));
        } catch (IOException e) {
            throw new SourcesException("cannot read " + file + ": " + e.getMessage());
        } catch (SourcesException e) {
            throw new SourcesException(file + ": " + e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .filter(r -> r.getIndex() >= 0)
                .findFirst()
                .map(r -> " in source " + (r.getIndex() + 1))
                .orElse("");
    }

    /**
     * Checks one source definition as {@link #of} does: the id, the type, the url a harvested
     * source needs, a KBART source's licence, a Crossref source's journal list and mailto, the id of
     * the journal list any source names, the holdings field, and the schedule (a Quartz cron
     * expression).
     */
    public static void validate(Source source) throws SourcesException {
        if (source == null) {
            throw new SourcesException("no source given");
        }
        if (source.id() == null || !ID.matcher(source.id()).matches()) {
            throw new SourcesException(
                    "source id '" + source.id() + "' must be a lower-case code (letters, digits, . _ -)");
        }
        if (source.type() == null) {
            throw new SourcesException(
                    "source " + source.id() + ": type must be one of " + SourceType.names() + ", not null");
        }
        if (source.type().harvested() && (source.url() == null || source.url().isBlank())) {
            throw new SourcesException("source " + source.id() + ": a " + source.type() + " source needs a url");
        }
        if (Licence.CONSORTIUM.equals(source.id())) {
            throw new SourcesException("source id '" + Licence.CONSORTIUM
                    + "' is the consortium's own holding-library code (packages licensed to all)");
        }
        validateLicence(source);
        validateCrossref(source);
        if (source.journals() != null && !JournalListFiles.isListId(source.journals())) {
            throw new SourcesException("source " + source.id() + ": journals '" + source.journals()
                    + "' is not a journal list id (a lower-case code: letters, digits, . _ -)");
        }
        String ill = source.lending().illBaseUrl();
        if (ill != null && !ill.matches("https?://\\S+")) {
            throw new SourcesException("source " + source.id() + ": illBaseUrl must be an http(s) URL, not " + ill);
        }
        if (source.holdingsField() != null && !source.holdingsField().matches("\\d{3}")) {
            throw new SourcesException("source " + source.id() + ": holdingsField must be a MARC tag such as 949");
        }
        if (source.schedule() != null && !source.schedule().isBlank()) {
            try {
                CronExpression.validateExpression(source.schedule());
            } catch (ParseException e) {
                throw new SourcesException("source " + source.id() + ": schedule '" + source.schedule()
                        + "' is not a Quartz cron expression: " + e.getMessage());
            }
        }
    }

    /**
     * A Crossref source asks an http(s) works route for the works of a journal list, so it names
     * both; its contact address, when given, looks like one. Whether the list exists is for the
     * harvest and the onboarding check to find out: lists change while the hub runs.
     */
    private static void validateCrossref(Source source) throws SourcesException {
        if (source.type() != SourceType.CROSSREF) {
            return;
        }
        if (!source.url().strip().matches("https?://\\S+")) {
            throw new SourcesException("source " + source.id()
                    + ": the url of a crossref source is the API's works route, e.g. https://api.crossref.org/works, not "
                    + source.url());
        }
        if (source.journals() == null || source.journals().isBlank()) {
            throw new SourcesException("source " + source.id()
                    + ": a crossref source needs journals: the id of the journal list whose works it asks for"
                    + " (config/journals/ID.tsv, .csv or .txt)");
        }
        if (source.mailto() != null
                && !source.mailto().isBlank()
                && !source.mailto().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new SourcesException(
                    "source " + source.id() + ": mailto must be an e-mail address, not " + source.mailto());
        }
    }

    /** A KBART source names its package and who licenses it; no other source has a licence. */
    private static void validateLicence(Source source) throws SourcesException {
        Licence licence = source.licence();
        if (source.type() != SourceType.KBART) {
            if (licence != null) {
                throw new SourcesException("source " + source.id()
                        + ": package, libraries, openAccess, illElectronic and proxy belong to kbart sources");
            }
            return;
        }
        if (licence.packageName() == null || licence.packageName().isBlank()) {
            throw new SourcesException("source " + source.id() + ": a kbart source needs a package name");
        }
        if (licence.libraries().isEmpty()) {
            throw new SourcesException("source " + source.id()
                    + ": a kbart source needs libraries: the member libraries that license it, or all");
        }
        if (licence.consortium() && licence.libraries().size() > 1) {
            throw new SourcesException("source " + source.id() + ": libraries is either all or a list of libraries");
        }
        for (String library : licence.libraries()) {
            if (!library.equals(Licence.ALL) && !ID.matcher(library).matches()) {
                throw new SourcesException(
                        "source " + source.id() + ": '" + library + "' in libraries is not a library code");
            }
        }
        for (var proxy : licence.proxy().entrySet()) {
            if (!licence.consortium() && !licence.libraries().contains(proxy.getKey())) {
                throw new SourcesException("source " + source.id() + ": a proxy for " + proxy.getKey()
                        + ", which is not among the libraries that license the package");
            }
            if (!proxy.getValue().matches("https?://\\S+")) {
                throw new SourcesException("source " + source.id() + ": the proxy of " + proxy.getKey()
                        + " must be an http(s) prefix, not " + proxy.getValue());
            }
        }
    }

    /**
     * Adds a source, or replaces the one with its id (which keeps its place in the list), after
     * checking it as {@link #of} does. Readers see the old set or the new one, never a mix.
     */
    public void put(Source source) throws SourcesException {
        validate(source);
        synchronized (this) {
            Map<String, Source> copy = new LinkedHashMap<>(byId);
            copy.put(source.id(), source);
            byId = Collections.unmodifiableMap(copy);
        }
    }

    public Optional<Source> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The source, or an error that lists the known ids. */
    public Source require(String id) throws SourcesException {
        Map<String, Source> current = byId;
        Source source = current.get(id);
        if (source == null) {
            throw new SourcesException("unknown source '" + id + "' (known: "
                    + current.keySet().stream().collect(Collectors.joining(", ")) + ")");
        }
        return source;
    }

    /** Every source, in the order of the file and then of their addition: a snapshot, unchanged by later edits. */
    public Collection<Source> all() {
        return byId.values();
    }

    private record File(List<Source> sources) {}
}

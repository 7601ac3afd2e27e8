package cn.edu.cashl.hub.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How the hub receives a source's records: the {@code type} of a source in {@code sources.yaml}. */
public enum SourceType {
    /** An OAI-PMH repository, harvested incrementally on a schedule. */
    OAI_PMH("oai-pmh"),
    /** The CALIS export interface: a full dump, then increments and delete lists, as files. */
    CALIS_EXPORT("calis-export"),
    /**
     * A KBART title list (docs/efirst.md): the electronic holdings of a package, fetched whole on its
     * schedule; a title the list no longer carries loses its holdings.
     */
    KBART("kbart"),
    /**
     * Crossref's REST API (docs/articles.md): the works of a journal list's ISSNs updated since the
     * last run, cursor by cursor.
     */
    CROSSREF("crossref"),
    /** Records imported by hand ({@code ./cashl-hub import}); never harvested or scheduled. */
    FILE("file");

    private final String value;

    SourceType(String value) {
        this.value = value;
    }

    /** The name in {@code sources.yaml}, the admin API and the command line. */
    @JsonValue
    public String value() {
        return value;
    }

    /** Whether the hub fetches this source's records itself, on its schedule. */
    public boolean harvested() {
        return this != FILE;
    }

    /** The type with this name; an error that lists the known names otherwise. */
    @JsonCreator
    public static SourceType of(String value) {
        for (SourceType type : values()) {
            if (type.value.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("type must be one of " + names() + ", not " + value);
    }

    static String names() {
        return Arrays.stream(values()).map(SourceType::value).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String toString() {
        return value;
    }
}

package cn.edu.cashl.hub.crosswalk;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;

/**
 * The crosswalks in use, by id. Starts from the stylesheets packaged with the hub; an admin's new
 * version replaces a crosswalk only if it compiles, so a broken edit never takes a working crosswalk
 * out of service.
 */
public final class Crosswalks {

    /** Source formats to the canonical record. */
    public static final List<String> INBOUND = List.of(
            "marc21-to-cashl",
            "unimarc-to-cashl",
            "oai_dc-to-cashl",
            "mods-to-cashl",
            "kbart-to-cashl",
            "jats-to-cashl",
            "crossref-to-cashl",
            "oai_doaj-to-cashl",
            "arxiv-to-cashl");
    /** The canonical record to published formats. */
    public static final List<String> OUTBOUND = List.of("cashl-to-oai_dc", "cashl-to-mods", "cashl-to-marcxml");

    private final CrosswalkEngine engine;
    private final Map<String, Crosswalk> current = new ConcurrentHashMap<>();

    private Crosswalks(CrosswalkEngine engine) {
        this.engine = engine;
    }

    /** Every packaged crosswalk, compiled, at version 1. Fails if one does not compile: that is a build defect. */
    public static Crosswalks packaged(CrosswalkEngine engine) {
        Crosswalks crosswalks = new Crosswalks(engine);
        for (String id : allIds()) {
            try {
                crosswalks.current.put(id, engine.compile(id, 1, packagedSource(id)));
            } catch (CrosswalkCompileException e) {
                throw new IllegalStateException("packaged " + e.getMessage(), e);
            }
        }
        return crosswalks;
    }

    /** The packaged stylesheet of a crosswalk, with its class-path URL as system id. */
    public static Source packagedSource(String id) {
        URL url = Crosswalks.class.getResource("/xslt/" + id + ".xsl");
        if (url == null) {
            throw new IllegalArgumentException("no packaged crosswalk " + id + " (known: " + allIds() + ")");
        }
        return new StreamSource(url.toExternalForm());
    }

    public static List<String> allIds() {
        return Stream.concat(INBOUND.stream(), OUTBOUND.stream()).toList();
    }

    /** The crosswalk in use for an id. */
    public Crosswalk get(String id) {
        Crosswalk crosswalk = current.get(id);
        if (crosswalk == null) {
            throw new IllegalArgumentException("unknown crosswalk " + id + " (known: " + current.keySet() + ")");
        }
        return crosswalk;
    }

    /**
     * Makes a new version of a crosswalk current, if it compiles; otherwise the version in use stays
     * and the exception says why the new one was refused.
     */
    public Crosswalk replace(String id, int version, Source stylesheet) throws CrosswalkCompileException {
        Crosswalk compiled = engine.compile(id, version, stylesheet);
        current.put(id, compiled);
        return compiled;
    }

    /**
     * Makes an already compiled crosswalk (typically from the {@link Sandbox}, when an admin publishes
     * a version) current for its id.
     *
     * @return the crosswalk it replaces, or null if there was none
     */
    public Crosswalk install(Crosswalk compiled) {
        return current.put(compiled.id(), compiled);
    }
}

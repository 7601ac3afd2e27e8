package cn.edu.cashl.hub.catalog.solr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The hub's Solr configset ({@code config/solr/cashl/conf}), packaged on the class path so that the
 * runnable jar carries the schema it was built with.
 */
public final class ConfigSet {

    /** Class-path folder of the configset's conf directory. */
    static final String RESOURCE = "/solr-configsets/cashl/conf/";
    /** Every file of the configset (a test keeps this list equal to the directory). */
    public static final List<String> FILES = List.of("schema.xml", "solrconfig.xml");

    private ConfigSet() {}

    /**
     * One of the configset's {@link #FILES}, as packaged: also what the in-memory test store reads
     * its field rules from, so that it follows the schema Solr loads.
     */
    public static InputStream open(String file) {
        InputStream in = ConfigSet.class.getResourceAsStream(RESOURCE + file);
        if (in == null) {
            throw new IllegalStateException("configset file " + file + " is missing from the class path");
        }
        return in;
    }

    /** Writes the configset's files into {@code confDir}, replacing older copies. */
    public static Path writeTo(Path confDir) {
        try {
            Files.createDirectories(confDir);
            for (String file : FILES) {
                try (InputStream in = open(file)) {
                    Files.copy(in, confDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return confDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Solr configset to " + confDir, e);
        }
    }
}

package cn.edu.cashl.hub.admin.crosswalk;

import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.ingest.read.RecordFormat;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.SourceType;
import cn.edu.cashl.hub.source.Sources;
import java.util.List;

/**
 * Which crosswalk does what: its direction, the formats on either side (from its id,
 * {@code <from>-to-<to>}), and the sources whose records go through it.
 */
public final class CrosswalkUsage {

    private CrosswalkUsage() {}

    public static boolean isInbound(String crosswalk) {
        return Crosswalks.INBOUND.contains(crosswalk);
    }

    public static boolean exists(String crosswalk) {
        return Crosswalks.allIds().contains(crosswalk);
    }

    public static String from(String crosswalk) {
        return crosswalk.substring(0, crosswalk.indexOf("-to-"));
    }

    public static String to(String crosswalk) {
        return crosswalk.substring(crosswalk.indexOf("-to-") + "-to-".length());
    }

    /**
     * The sources whose records may go through an inbound crosswalk: those that name it, and those
     * whose declared format defaults to it. A source that declares no format (records imported in
     * any format) may use every inbound crosswalk. Outbound crosswalks serve the protocols, no source.
     */
    public static List<String> sources(Sources sources, String crosswalk) {
        if (!isInbound(crosswalk)) {
            return List.of();
        }
        return sources.all().stream()
                .filter(s -> uses(s, crosswalk))
                .map(Source::id)
                .toList();
    }

    static boolean uses(Source source, String crosswalk) {
        if (source.crosswalk() != null && !source.crosswalk().isBlank()) {
            return source.crosswalk().equals(crosswalk);
        }
        String byFormat = defaultFor(source);
        return byFormat == null || byFormat.equals(crosswalk);
    }

    /** The inbound crosswalk a source's declared format defaults to; null when it declares none. */
    static String defaultFor(Source source) {
        if (source.type() == SourceType.KBART) {
            return "kbart-to-cashl"; // a title list is KBART whatever its format says
        }
        return RecordFormat.declared(source.recordFormat())
                .map(RecordFormat::defaultCrosswalk)
                .orElse(null);
    }
}

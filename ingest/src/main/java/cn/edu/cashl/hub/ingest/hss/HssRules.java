package cn.edu.cashl.hub.ingest.hss;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The HSS filter's rules as {@code config/hss-rules.yaml} states them.
 *
 * @param defaultDiscipline {@code hss} or {@code stem}: the decision without evidence
 * @param classification    per scheme (lcc, ddc, clc, udc...), the class prefixes or ddc ranges of each side
 * @param subjects          per side, terms that subject headings are matched against
 */
public record HssRules(String defaultDiscipline, Map<String, Sides> classification, Sides subjects) {

    /** The prefixes (or ranges) that mean hss, and those that mean stem. */
    public record Sides(List<String> hss, List<String> stem) {
        public Sides {
            hss = hss == null ? List.of() : List.copyOf(hss);
            stem = stem == null ? List.of() : List.copyOf(stem);
        }
    }

    public HssRules {
        if (!"hss".equals(defaultDiscipline) && !"stem".equals(defaultDiscipline)) {
            throw new IllegalArgumentException("default must be hss or stem, not " + defaultDiscipline);
        }
        classification = classification == null ? Map.of() : Map.copyOf(classification);
        subjects = subjects == null ? new Sides(List.of(), List.of()) : subjects;
    }

    /** Reads the rules file; a wrong or unknown key is an error that names it. */
    public static HssRules load(Path file) throws IOException {
        ObjectMapper yaml =
                new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Raw raw = yaml.readValue(file.toFile(), Raw.class);
        try {
            return new HssRules(raw.defaultValue(), raw.classification(), raw.subjects());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private record Raw(
            @com.fasterxml.jackson.annotation.JsonProperty("default")
            String defaultValue,

            Map<String, Sides> classification,
            Sides subjects) {}
}

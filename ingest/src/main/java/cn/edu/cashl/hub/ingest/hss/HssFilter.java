package cn.edu.cashl.hub.ingest.hss;

import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Classification;
import cn.edu.cashl.hub.schema.v1.Subject;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a record belongs to the humanities and social sciences. Classification first, in
 * the record's order; within a scheme the longest matching prefix wins (so LCC {@code GB}, physical
 * geography, beats {@code G}); DDC by ranges of the three-digit class. Then subject headings; then
 * the configured default. Thread-safe.
 */
public final class HssFilter {

    /** The outcome: {@code hss} or {@code stem}, and the id of the rule that decided. */
    public record Decision(String discipline, String rule) {
        public boolean keep() {
            return "hss".equals(discipline);
        }
    }

    private record PrefixRule(String prefix, String discipline) {}

    private record RangeRule(int from, int to, String label, String discipline) {}

    private static final Pattern DDC = Pattern.compile("^\\s*(\\d{3})");
    private static final Pattern WORD_SPLIT = Pattern.compile("[\\s\\-,;:./()]+");

    private final String defaultDiscipline;
    private final Map<String, List<PrefixRule>> prefixRules = new HashMap<>();
    private final List<RangeRule> ddcRules = new ArrayList<>();
    private final List<PrefixRule> subjectRules = new ArrayList<>();

    public HssFilter(HssRules rules) {
        this.defaultDiscipline = rules.defaultDiscipline();
        rules.classification().forEach((scheme, sides) -> {
            if ("ddc".equals(scheme)) {
                addRanges(sides.hss(), "hss");
                addRanges(sides.stem(), "stem");
            } else {
                List<PrefixRule> list = new ArrayList<>();
                sides.hss().forEach(p -> list.add(new PrefixRule(p.toUpperCase(Locale.ROOT), "hss")));
                sides.stem().forEach(p -> list.add(new PrefixRule(p.toUpperCase(Locale.ROOT), "stem")));
                list.sort(Comparator.comparingInt((PrefixRule r) -> r.prefix().length())
                        .reversed());
                prefixRules.put(scheme, list);
            }
        });
        rules.subjects().stem().forEach(t -> subjectRules.add(new PrefixRule(fold(t), "stem")));
        rules.subjects().hss().forEach(t -> subjectRules.add(new PrefixRule(fold(t), "hss")));
    }

    private void addRanges(List<String> ranges, String discipline) {
        for (String range : ranges) {
            String[] ends = range.split("-");
            int from = Integer.parseInt(ends[0].strip());
            int to = ends.length > 1 ? Integer.parseInt(ends[1].strip()) : from;
            ddcRules.add(new RangeRule(from, to, range, discipline));
        }
        // Narrow ranges first, so that 650-659 (management) wins over 600-699.
        ddcRules.sort(Comparator.comparingInt(r -> r.to() - r.from()));
    }

    public Decision decide(CashlRecord record) {
        for (Classification classification : record.getClassification()) {
            Decision decision = byClassification(classification.getScheme(), classification.getValue());
            if (decision != null) {
                return decision;
            }
        }
        for (Subject subject : record.getSubject()) {
            Decision decision = bySubject(subject.getValue());
            if (decision != null) {
                return decision;
            }
        }
        return new Decision(defaultDiscipline, "default");
    }

    private Decision byClassification(String scheme, String value) {
        if (scheme == null || value == null) {
            return null;
        }
        if ("ddc".equals(scheme)) {
            Matcher m = DDC.matcher(value);
            if (!m.find()) {
                return null;
            }
            int number = Integer.parseInt(m.group(1));
            for (RangeRule rule : ddcRules) {
                if (number >= rule.from() && number <= rule.to()) {
                    return new Decision(rule.discipline(), "ddc:" + rule.label());
                }
            }
            return null;
        }
        List<PrefixRule> rules = prefixRules.get(scheme);
        if (rules == null) {
            return null;
        }
        String normalised = value.strip().toUpperCase(Locale.ROOT);
        for (PrefixRule rule : rules) {
            if (matchesClass(normalised, rule.prefix())) {
                return new Decision(rule.discipline(), scheme + ":" + rule.prefix());
            }
        }
        return null;
    }

    /** Prefix match on the class number; longer prefixes are tried first, so a subclass rule beats its class. */
    private static boolean matchesClass(String number, String prefix) {
        return number.startsWith(prefix);
    }

    private Decision bySubject(String heading) {
        if (heading == null) {
            return null;
        }
        String folded = fold(heading);
        List<String> words = List.of(WORD_SPLIT.split(folded));
        for (PrefixRule rule : subjectRules) {
            String term = rule.prefix();
            boolean match = term.contains(" ")
                    ? folded.contains(term)
                    : words.stream().anyMatch(w -> w.startsWith(term))
                            || (!term.chars().allMatch(c -> c < 128) && folded.contains(term));
            if (match) {
                return new Decision(rule.discipline(), "subject:" + term);
            }
        }
        return null;
    }

    /** Lower case without accents, so that "Économie" and "economie" match alike. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).strip();
    }
}

package cn.edu.cashl.hub.merge;

import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Contributor;
import cn.edu.cashl.hub.schema.v1.Holding;
import cn.edu.cashl.hub.schema.v1.HoldingForm;
import cn.edu.cashl.hub.schema.v1.RecordType;
import cn.edu.cashl.hub.schema.v1.StandardNumber;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What identifies an edition, read from a canonical record: the keys deduplication matches on.
 *
 * @param isbns    valid ISBN-13s only: an ISBN the crosswalk flagged invalid never matches
 * @param issns    valid ISSNs
 * @param oclcs    OCLC numbers without leading zeros
 * @param lccn     the LCCN, or null
 * @param titleKey folded title, first contributor's surname, year and edition number; null when the
 *                 record has too little to tell editions apart (no year and no contributor)
 * @param volume   the volume designation (245 $n, or an ISBN qualifier such as "v. 2"), digits and
 *                 letters only, or null
 * @param electronic an electronic resource (ebook, ejournal, or only electronic holdings)
 * @param serial   a journal or ejournal
 */
public record MatchKeys(Set<String> isbns, Set<String> issns, Set<String> oclcs, String lccn, String titleKey,
                        String volume, boolean electronic, boolean serial) {

    private static final Pattern VOLUME = Pattern.compile("(?i)\\b(?:v|vol|volume|t|tome|bd|band|pt|part|no)\\.?\\s*(\\w+)");
    private static final Pattern EDITION = Pattern.compile("(\\d+)");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "le", "la", "les", "l", "der", "die", "das",
            "el", "los", "las", "il", "lo", "gli", "i", "de", "het", "een");

    public MatchKeys {
        isbns = Set.copyOf(isbns);
        issns = Set.copyOf(issns);
        oclcs = Set.copyOf(oclcs);
    }

    public static MatchKeys of(CashlRecord record) {
        Set<String> isbns = new LinkedHashSet<>();
        String volume = null;
        if (record.getIdentifiers() != null) {
            for (StandardNumber isbn : record.getIdentifiers().getIsbn()) {
                if (isbn.isValid() == null || isbn.isValid()) {
                    isbns.add(isbn.getValue().strip());
                }
                if (volume == null && isbn.getQualifier() != null) {
                    volume = volume(isbn.getQualifier());
                }
            }
        }
        Set<String> issns = new LinkedHashSet<>();
        Set<String> oclcs = new LinkedHashSet<>();
        String lccn = null;
        if (record.getIdentifiers() != null) {
            record.getIdentifiers().getIssn().stream().filter(i -> i.isValid() == null || i.isValid())
                    .forEach(i -> issns.add(i.getValue().strip().toUpperCase(Locale.ROOT)));
            record.getIdentifiers().getOclc().forEach(o -> oclcs.add(o.strip().replaceFirst("^0+", "")));
            lccn = record.getIdentifiers().getLccn() == null ? null : record.getIdentifiers().getLccn().replaceAll("\\s", "");
        }
        if (record.getTitle() != null && record.getTitle().getPartNumber() != null) {
            String fromTitle = volume(record.getTitle().getPartNumber());
            volume = fromTitle != null ? fromTitle : fold(record.getTitle().getPartNumber());
        }
        RecordType type = record.getType();
        boolean electronic = type == RecordType.EBOOK || type == RecordType.EJOURNAL
                || (!record.getHolding().isEmpty() && record.getHolding().stream().map(Holding::getForm).allMatch(HoldingForm.ELECTRONIC::equals));
        boolean serial = type == RecordType.JOURNAL || type == RecordType.EJOURNAL;
        return new MatchKeys(isbns, issns, oclcs, lccn, titleKey(record), volume, electronic, serial);
    }

    /** Folded title (articles dropped), surname, year, edition number; null without year or contributor. */
    static String titleKey(CashlRecord record) {
        if (record.getTitle() == null) {
            return null;
        }
        String year = record.getPublication() == null ? null : record.getPublication().getYear();
        List<Contributor> contributors = record.getContributor();
        String surname = contributors.isEmpty() ? null : fold(contributors.get(0).getName().split(",")[0]);
        if (year == null && (surname == null || surname.isEmpty())) {
            return null;
        }
        String title = fold(record.getTitle().getMain() + " " + (record.getTitle().getSub() == null ? "" : record.getTitle().getSub()));
        String[] words = title.split(" ");
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i == 0 && ARTICLES.contains(words[i]) && words.length > 1) {
                continue;
            }
            key.append(words[i]);
        }
        String edition = "1";
        if (record.getEdition() != null) {
            Matcher number = EDITION.matcher(record.getEdition());
            edition = number.find() ? number.group(1) : fold(record.getEdition()).replace(" ", "");
        }
        return key + "|" + (surname == null ? "" : surname.replace(" ", "")) + "|" + (year == null ? "" : year) + "|" + edition;
    }

    private static String volume(String text) {
        Matcher matcher = VOLUME.matcher(text);
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** Lower case, accents and punctuation removed, single spaces: "Économie politique," -> "economie politique". */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}

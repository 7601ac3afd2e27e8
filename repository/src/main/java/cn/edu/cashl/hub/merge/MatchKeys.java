package cn.edu.cashl.hub.merge;

import cn.edu.cashl.hub.catalog.Hosts;
import cn.edu.cashl.hub.catalog.StandardNumbers;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Contributor;
import cn.edu.cashl.hub.schema.v1.Holding;
import cn.edu.cashl.hub.schema.v1.HoldingForm;
import cn.edu.cashl.hub.schema.v1.Host;
import cn.edu.cashl.hub.schema.v1.Identifiers;
import cn.edu.cashl.hub.schema.v1.Publication;
import cn.edu.cashl.hub.schema.v1.RecordType;
import cn.edu.cashl.hub.schema.v1.StandardNumber;
import cn.edu.cashl.hub.schema.v1.Title;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * @param holdingsOnly a title-list entry ({@link #holdingsOnly(CashlRecord)}): it carries a package's
 *                 electronic holdings of a title rather than describing an edition, and attaches to
 *                 the master record of the title's print edition when there is one
 * @param serial   a journal or ejournal
 * @param kind     the record type without its format: book, journal, article or other (an ebook is a
 *                 book, an ejournal a journal)
 * @param year     the year of publication, or null
 * @param copyKey  a digest of the whole description of the edition (every identifier as written,
 *                 title and part, contributors, edition, publication, extent, series, host): equal
 *                 only for copies of one catalogue record, which are the same edition whatever
 *                 else they lack (no identifier, no year, no author) and whatever their cluster
 *                 holds; null for keys stored before it existed
 * @param doi      the DOI, normalised (no resolver prefix, lower case: DOIs are case-insensitive), or null
 * @param serialTitle a serial's folded main title, its leading article dropped: what a title-list
 *                 entry of a journal attaches by when one side has no ISSN; null for other records
 *                 and for keys stored before it existed
 * @param citations an article's place in its journal, once per ISSN of the journal (print, online,
 *                 ISSN-L): "issn|volume|issue|first page", folded; empty when the article lacks the
 *                 ISSN, the volume or the first page (or is no article)
 * @param articleTitle an article's folded title and subtitle, without spaces, to confirm a citation
 *                 match; null for other records
 */
public record MatchKeys(
        Set<String> isbns,
        Set<String> issns,
        Set<String> oclcs,
        String lccn,
        String titleKey,
        String volume,
        boolean electronic,
        boolean holdingsOnly,
        boolean serial,
        String kind,
        String year,
        String copyKey,
        String serialTitle,
        String doi,
        Set<String> citations,
        String articleTitle) {

    /** "v. 2", "Vol. 2", "t.3", "Bd. 4", "pt. 1": the longer words first, so that "Vol." is not "V" + "ol". */
    private static final Pattern VOLUME =
            Pattern.compile("(?i)\\b(?:volume|vol|v|tome|t|band|bd|part|pt|no)(?:\\.|\\b)\\s*(\\w+)");

    private static final Pattern EDITION = Pattern.compile("(\\d+)");
    private static final String SERIAL = "serial:";
    private static final String ARTICLE = "article";
    /** The first page of "141-178", "e12", "S1–S9", "23, 45". */
    private static final Pattern FIRST_PAGE = Pattern.compile("^\\s*([^-‐-―,;\\s]+)");
    /** Compiled once: {@link #fold} runs a score of times per record (title key, copy key). */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> ARTICLES = Set.of(
            "the", "a", "an", "le", "la", "les", "l", "der", "die", "das", "el", "los", "las", "il", "lo", "gli", "i",
            "de", "het", "een");

    public MatchKeys {
        isbns = sortedSet(isbns);
        issns = sortedSet(issns);
        oclcs = sortedSet(oclcs);
        citations = sortedSet(citations == null ? Set.of() : citations);
    }

    private static Set<String> sortedSet(Collection<String> values) {
        return Collections.unmodifiableSet(new TreeSet<>(values));
    }

    /**
     * The values under which the catalogue indexes this record, so that a newcomer finds its
     * candidates with one lookup: every strong identifier and the title key, each with its kind as a
     * prefix. Two records that {@link EditionMatcher#sameEdition match} always share one of these
     * (an ISSN is a key only for serials, as only serials match on it).
     */
    public Set<String> lookupKeys() {
        Set<String> keys = new TreeSet<>();
        isbns.forEach(isbn -> keys.add("isbn:" + isbn));
        if (serial) {
            issns.forEach(issn -> keys.add("issn:" + issn));
        }
        oclcs.forEach(oclc -> keys.add("oclc:" + oclc));
        if (lccn != null) {
            keys.add("lccn:" + lccn);
        }
        if (titleKey != null && !ARTICLE.equals(kind)) {
            // An article matches by its DOI or its citation, never by title, author and year alone.
            keys.add("title:" + titleKey);
        }
        citations.forEach(citation -> keys.add("cite:" + citation));
        if (copyKey != null) {
            keys.add("copy:" + copyKey);
        }
        if (serialTitle != null) {
            keys.add(SERIAL + serialTitle);
        }
        if (doi != null) {
            keys.add("doi:" + doi);
        }
        return keys;
    }

    /**
     * The lookup keys a newcomer searches the catalogue with: all of them, but a serial's title only
     * when the serial has no ISSN, the one case where its title decides whether a title-list entry
     * attaches ({@link EditionMatcher}). A journal with an ISSN never searches by its title, which
     * for a journal is often generic ("Bulletin").
     */
    public Set<String> searchKeys() {
        Set<String> keys = lookupKeys();
        if (serialTitle != null && !issns.isEmpty()) {
            keys.remove(SERIAL + serialTitle);
        }
        return keys;
    }

    /**
     * One line that {@link #decode} turns back into equal keys: how a master record keeps its
     * members' keys, so that the pairwise rules run without reading the members' records. No part
     * contains a tab or a comma: identifiers are normalised, the title key is folded and the copy
     * key is hexadecimal.
     */
    public String encode() {
        // The serial title only when there is one: the keys of every other record read as before,
        // so that their content hashes (SourceChange) do not change.
        String line = String.join(
                "\t",
                String.join(",", isbns),
                String.join(",", issns),
                String.join(",", oclcs),
                lccn == null ? "" : lccn,
                titleKey == null ? "" : titleKey,
                volume == null ? "" : volume,
                holdingsOnly ? "h" : electronic ? "e" : "p",
                serial ? "s" : "m",
                kind,
                year == null ? "" : year,
                copyKey == null ? "" : copyKey);
        // Each optional part only when it or a later one is there: older lines and other records read as before.
        if (!citations.isEmpty() || articleTitle != null) {
            return line + "\t" + (serialTitle == null ? "" : serialTitle) + "\t" + (doi == null ? "" : doi) + "\t"
                    + String.join(",", citations) + "\t" + (articleTitle == null ? "" : articleTitle);
        }
        if (doi != null) {
            return line + "\t" + (serialTitle == null ? "" : serialTitle) + "\t" + doi;
        }
        return serialTitle == null ? line : line + "\t" + serialTitle;
    }

    public static MatchKeys decode(String line) {
        String[] parts = line.split("\t", -1);
        // Ten parts: a line written before the copy key existed; eleven, before the serial title.
        if (parts.length < 10 || parts.length > 15) {
            throw new IllegalArgumentException("not encoded match keys: " + line);
        }
        return new MatchKeys(
                split(parts[0]),
                split(parts[1]),
                split(parts[2]),
                emptyToNull(parts[3]),
                emptyToNull(parts[4]),
                emptyToNull(parts[5]),
                !parts[6].equals("p"),
                parts[6].equals("h"),
                parts[7].equals("s"),
                parts[8],
                emptyToNull(parts[9]),
                parts.length >= 11 ? emptyToNull(parts[10]) : null,
                parts.length >= 12 ? emptyToNull(parts[11]) : null,
                parts.length >= 13 ? emptyToNull(parts[12]) : null,
                parts.length == 15 ? split(parts[13]) : Set.of(),
                parts.length == 15 ? emptyToNull(parts[14]) : null);
    }

    private static Set<String> split(String list) {
        return list.isEmpty() ? Set.of() : Set.of(list.split(","));
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    public static MatchKeys of(CashlRecord record) {
        Set<String> isbns = new LinkedHashSet<>();
        String volume = null;
        if (record.getIdentifiers() != null) {
            for (StandardNumber isbn : record.getIdentifiers().getIsbn()) {
                String isbn13 = isbn.isValid() == null || isbn.isValid() ? isbn13(isbn.getValue()) : null;
                if (isbn13 != null) {
                    isbns.add(isbn13);
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
            record.getIdentifiers().getIssn().stream()
                    .filter(i -> i.isValid() == null || i.isValid())
                    .map(i -> issn(i.getValue()))
                    .filter(Objects::nonNull)
                    .forEach(issns::add);
            record.getIdentifiers().getOclc().forEach(o -> {
                String digits = o.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
                if (!digits.isEmpty()) {
                    oclcs.add(digits);
                }
            });
            lccn = lccn(record.getIdentifiers().getLccn());
        }
        if (record.getTitle() != null && record.getTitle().getPartNumber() != null) {
            String fromTitle = volume(record.getTitle().getPartNumber());
            volume = fromTitle != null ? fromTitle : fold(record.getTitle().getPartNumber());
        }
        RecordType type = record.getType();
        boolean electronic = type == RecordType.EBOOK
                || type == RecordType.EJOURNAL
                || (!record.getHolding().isEmpty()
                        && record.getHolding().stream().map(Holding::getForm).allMatch(HoldingForm.ELECTRONIC::equals));
        boolean serial = type == RecordType.JOURNAL || type == RecordType.EJOURNAL;
        String kind = switch (type) {
            case EBOOK -> RecordType.BOOK.value();
            case EJOURNAL -> RecordType.JOURNAL.value();
            default -> type.value();
        };
        String year =
                record.getPublication() == null ? null : record.getPublication().getYear();
        return new MatchKeys(
                isbns,
                issns,
                oclcs,
                lccn,
                titleKey(record),
                volume,
                electronic,
                holdingsOnly(record),
                serial,
                kind,
                year,
                copyKey(record),
                serial ? serialTitle(record) : null,
                record.getIdentifiers() == null
                        ? null
                        : doi(record.getIdentifiers().getDoi()),
                type == RecordType.ARTICLE ? citations(record.getIsPartOf()) : Set.of(),
                type == RecordType.ARTICLE ? articleTitle(record) : null);
    }

    /**
     * Where an article stands in its journal, once per ISSN the record gives the journal, so that a
     * feed that knows only the online ISSN meets one that knows only the print ISSN. Volume, issue
     * and first page are folded as written: article feeds give the bare numbers, not "Vol. 27".
     */
    static Set<String> citations(Host host) {
        if (host == null || host.getVolume() == null || host.getPages() == null) {
            return Set.of();
        }
        Matcher first = FIRST_PAGE.matcher(host.getPages());
        if (!first.find()) {
            return Set.of();
        }
        String place = "|" + fold(host.getVolume()).replace(" ", "") + "|"
                + (host.getIssue() == null ? "" : fold(host.getIssue()).replace(" ", "")) + "|"
                + fold(first.group(1)).replace(" ", "");
        Set<String> keys = new TreeSet<>();
        for (String value : Hosts.issns(host)) {
            String issn = issn(value);
            if (issn != null) {
                keys.add(issn + place);
            }
        }
        return keys;
    }

    /** An article's title and subtitle, folded, without spaces: "Rural markets: prices" -> "ruralmarketsprices". */
    static String articleTitle(CashlRecord record) {
        if (record.getTitle() == null || record.getTitle().getMain() == null) {
            return null;
        }
        String title = fold(record.getTitle().getMain() + " "
                        + (record.getTitle().getSub() == null
                                ? ""
                                : record.getTitle().getSub()))
                .replace(" ", "");
        return title.isEmpty() ? null : title;
    }

    /**
     * A DOI as matching compares it ({@link StandardNumbers#doiKey}: no resolver or scheme prefix,
     * case folded, as the DOI system is case-insensitive); null when it does not start with the
     * directory indicator 10.
     */
    static String doi(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String doi = StandardNumbers.doiKey(value);
        return doi.startsWith("10.") && doi.indexOf('/') > 3 ? doi : null;
    }

    /** A serial's main title, folded, without its leading article: "The American economic review." -> "americaneconomicreview". */
    static String serialTitle(CashlRecord record) {
        return record.getTitle() == null ? null : serialTitle(record.getTitle().getMain());
    }

    /** A journal title as {@link #serialTitle(CashlRecord)} keys it; null for none. */
    static String serialTitle(String mainTitle) {
        if (mainTitle == null) {
            return null;
        }
        String[] words = fold(mainTitle).split(" ");
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i == 0 && ARTICLES.contains(words[i]) && words.length > 1) {
                continue;
            }
            key.append(words[i]);
        }
        return key.isEmpty() ? null : key.toString();
    }

    /**
     * Whether a record is a title-list entry: every holding of it is an electronic holding from a
     * KBART source (it names its source). Such a record says which package offers a title, not how
     * an edition was catalogued.
     */
    public static boolean holdingsOnly(CashlRecord record) {
        return !record.getHolding().isEmpty()
                && record.getHolding().stream()
                        .allMatch(h -> h.getForm() == HoldingForm.ELECTRONIC && h.getSource() != null);
    }

    /**
     * The digest of everything a catalogue record says about its edition, its holdings and
     * provenance aside; text folded as the title key is, so that punctuation and case the copy
     * picked up on its way do not count. Even two records with nothing but the same title are
     * copies: the same description is the same edition to a union catalogue.
     */
    static String copyKey(CashlRecord record) {
        Title title = record.getTitle();
        if (title == null) {
            return null;
        }
        List<String> description = new ArrayList<>();
        Identifiers ids = record.getIdentifiers();
        if (ids != null) {
            description.add(sortedFolded(ids.getIsbn().stream().map(MatchKeys::withQualifier)));
            description.add(sortedFolded(ids.getIssn().stream().map(MatchKeys::withQualifier)));
            description.add(sortedFolded(ids.getOclc().stream()));
            description.add(foldOrEmpty(ids.getLccn()));
            description.add(foldOrEmpty(ids.getDoi()));
        }
        Stream.of(title.getPartNumber(), title.getPartName())
                .map(MatchKeys::foldOrEmpty)
                .forEach(description::add);
        record.getContributor().forEach(c -> description.add(foldOrEmpty(c.getName())));
        description.add(foldOrEmpty(record.getEdition()));
        Publication publication = record.getPublication();
        if (publication != null) {
            Stream.of(publication.getPlace(), publication.getPublisher(), publication.getYear(), publication.getDate())
                    .map(MatchKeys::foldOrEmpty)
                    .forEach(description::add);
        }
        description.add(foldOrEmpty(record.getExtent()));
        record.getSeries().forEach(s -> description.add(foldOrEmpty(s.getTitle()) + " " + foldOrEmpty(s.getVolume())));
        Host host = record.getIsPartOf();
        if (host != null) {
            Stream.of(host.getTitle(), host.getIssn(), host.getVolume(), host.getIssue(), host.getPages())
                    .map(MatchKeys::foldOrEmpty)
                    .forEach(description::add);
        }
        List<String> parts = new ArrayList<>(
                List.of(record.getType().value(), foldOrEmpty(title.getMain()), foldOrEmpty(title.getSub())));
        parts.addAll(description);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** An ISBN or ISSN with its qualifier: a set's volumes often differ in nothing else ("v. 1"). */
    private static String withQualifier(StandardNumber number) {
        return number.getQualifier() == null ? number.getValue() : number.getValue() + " " + number.getQualifier();
    }

    private static String sortedFolded(Stream<String> values) {
        return values.map(MatchKeys::foldOrEmpty).sorted().collect(Collectors.joining(" "));
    }

    private static String foldOrEmpty(String text) {
        return text == null ? "" : fold(text);
    }

    /** Folded title (articles dropped), surname, year, edition number; null without year or contributor. */
    static String titleKey(CashlRecord record) {
        if (record.getTitle() == null) {
            return null;
        }
        String year =
                record.getPublication() == null ? null : record.getPublication().getYear();
        List<Contributor> contributors = record.getContributor();
        String surname = contributors.isEmpty()
                ? null
                : fold(contributors.get(0).getName().split(",")[0]);
        if (year == null && (surname == null || surname.isEmpty())) {
            return null;
        }
        String title = fold(record.getTitle().getMain() + " "
                + (record.getTitle().getSub() == null ? "" : record.getTitle().getSub()));
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
            edition =
                    number.find() ? number.group(1) : fold(record.getEdition()).replace(" ", "");
        }
        return key + "|" + (surname == null ? "" : surname.replace(" ", "")) + "|" + (year == null ? "" : year) + "|"
                + edition;
    }

    /** The ISBN-13 of a 10- or 13-digit ISBN with a correct check digit, or null. */
    static String isbn13(String value) {
        return StandardNumbers.isbn13(value);
    }

    /** An ISSN as NNNN-NNNC with a correct check character, or null. */
    static String issn(String value) {
        return StandardNumbers.issn(value);
    }

    /**
     * The LCCN normalised as the Library of Congress prescribes: blanks removed, anything from a
     * slash on dropped, a hyphenated serial number padded to six digits ("85-2" -> "85000002").
     */
    static String lccn(String value) {
        if (value == null) {
            return null;
        }
        String text = value.replaceAll("\\s", "");
        int slash = text.indexOf('/');
        if (slash >= 0) {
            text = text.substring(0, slash);
        }
        int hyphen = text.indexOf('-');
        if (hyphen >= 0) {
            String serial = text.substring(hyphen + 1).replaceAll("[^0-9]", "");
            text = text.substring(0, hyphen) + "0".repeat(Math.max(0, 6 - serial.length())) + serial;
        }
        text = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return text.isEmpty() ? null : text;
    }

    private static String volume(String text) {
        Matcher matcher = VOLUME.matcher(text);
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** Lower case, accents and punctuation removed, single spaces: "Économie politique," -> "economie politique". */
    static String fold(String text) {
        String decomposed =
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT
                .matcher(decomposed.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
    }
}

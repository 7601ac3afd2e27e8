package cn.edu.cashl.hub.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;

/**
 * Writes a corpus of MARC 21 records (ISO 2709, UTF-8) shaped like what CASHL's members send:
 * monographs in several languages with ISBNs (some ISBN-10 with qualifiers, some invalid), LCC and
 * DDC classes (about 12 % science and technology, as in CASHL's 640k of 5M), subject headings with
 * subdivisions, 852 holdings of the member libraries, and about a third duplicates: the same edition
 * catalogued again by another library, with its own 001 and holding.
 *
 * <p>Deterministic for a given seed, streaming (constant memory for any size).
 * Usage: {@code CorpusGenerator FILE COUNT [SEED]}.
 */
public final class CorpusGenerator {

    private static final String[] LIBRARIES = {
        "pku", "fudan", "whu", "scu", "jlu", "sysu", "lzu", "nju", "zju", "nankai", "xmu", "thu", "ruc", "bnu", "sjtu",
        "sdu", "hust", "ecnu", "nenu", "ccnu", "snnu", "xjtu", "xju", "gxu", "ynu", "hnu", "cqu", "zzu", "ncu", "hbu",
        "sxu", "imu", "hainu", "gzu"
    };
    private static final String[] TOPICS = {
        "history",
        "politics",
        "economy",
        "society",
        "culture",
        "religion",
        "philosophy",
        "law",
        "language",
        "literature",
        "education",
        "art",
        "migration",
        "diplomacy",
        "trade"
    };
    private static final String[] REGIONS = {
        "China",
        "Japan",
        "Korea",
        "Europe",
        "France",
        "Germany",
        "Russia",
        "the Ottoman Empire",
        "India",
        "Southeast Asia",
        "Latin America",
        "Africa",
        "the Pacific",
        "Britain"
    };
    private static final String[] ADJECTIVES = {
        "modern", "early", "contested", "global", "imperial", "urban", "rural", "forgotten", "hidden", "changing"
    };
    private static final String[] SURNAMES = {
        "Wang",
        "Li",
        "Zhang",
        "Liu",
        "Chen",
        "Smith",
        "Johnson",
        "Müller",
        "Dubois",
        "Tanaka",
        "Ivanov",
        "García",
        "Rossi",
        "Kim",
        "Nguyen",
        "O'Brien",
        "Kowalski",
        "Schmidt"
    };
    private static final String[] GIVEN = {
        "Wei",
        "Fang",
        "John",
        "Mary",
        "Hans",
        "Marie",
        "Hiroshi",
        "Olga",
        "Carlos",
        "Giulia",
        "Min-jun",
        "Anh",
        "Patrick",
        "Anna",
        "Klaus",
        "Xiaoming"
    };
    private static final String[] PUBLISHERS = {
        "Cambridge University Press",
        "Oxford University Press",
        "Routledge",
        "Brill",
        "Harvard University Press",
        "Springer",
        "Palgrave Macmillan",
        "Suhrkamp",
        "Gallimard",
        "中华书局"
    };
    private static final String[] PLACES = {
        "Cambridge", "Oxford", "London", "Leiden", "New York", "Berlin", "Paris", "北京"
    };
    private static final String[][] LANGUAGES = {
        {"eng", "60"}, {"chi", "15"}, {"ger", "8"}, {"fre", "7"}, {"jpn", "5"}, {"rus", "3"}, {"spa", "2"}
    };
    private static final String[] HSS_LCC = {
        "D", "DS", "DT", "E", "F", "G", "GN", "H", "HB", "HC", "HD", "HM", "HN", "J", "JQ", "K", "KNQ", "L", "LA", "M",
        "N", "P", "PL", "PR", "PQ", "B", "BL", "BQ", "BR"
    };
    private static final String[] STEM_LCC = {"Q", "QA", "QC", "QD", "QH", "R", "RA", "T", "TA", "TK", "S"};

    private final Random random;
    private final MarcFactory factory = MarcFactory.newInstance();
    private final List<Edition> recent = new ArrayList<>();

    /** The parts of an edition that duplicates share. */
    private record Edition(
            String isbn,
            String title,
            String subtitle,
            String author,
            String year,
            String publisher,
            String place,
            String language,
            String lcc,
            String topic,
            String region) {}

    CorpusGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CorpusGenerator FILE COUNT [SEED]");
            System.exit(2);
        }
        long count = Long.parseLong(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2026L;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[0])), 1 << 16)) {
            new CorpusGenerator(seed).write(out, count);
        }
        System.err.println("wrote " + count + " records to " + args[0]);
    }

    void write(OutputStream out, long count) {
        MarcStreamWriter writer = new MarcStreamWriter(out, "UTF-8");
        for (long i = 1; i <= count; i++) {
            writer.write(record(i));
        }
        writer.close();
    }

    org.marc4j.marc.Record record(long serial) {
        boolean duplicate = !recent.isEmpty() && random.nextInt(3) == 0;
        Edition edition = duplicate ? recent.get(random.nextInt(recent.size())) : newEdition();
        if (!duplicate) {
            if (recent.size() < 5000) {
                recent.add(edition);
            } else {
                recent.set(random.nextInt(recent.size()), edition);
            }
        }
        org.marc4j.marc.Record record = factory.newRecord("00000cam a2200000 i 4500");
        record.addVariableField(factory.newControlField("001", "g" + serial));
        record.addVariableField(factory.newControlField(
                "008", "240101s" + edition.year() + "    xx            000 0 " + edition.language() + " d"));
        record.addVariableField(field("020", ' ', ' ', 'a', isbnAsCatalogued(edition.isbn())));
        if (random.nextInt(10) == 0) {
            record.addVariableField(field("035", ' ', ' ', 'a', "(OCoLC)" + (10_000_000 + random.nextInt(90_000_000))));
        }
        record.addVariableField(field(
                "050",
                '0',
                '0',
                'a',
                edition.lcc() + (100 + random.nextInt(900)) + " ." + (char) ('A' + random.nextInt(26))
                        + random.nextInt(99)));
        record.addVariableField(field("100", '1', ' ', 'a', edition.author() + ","));
        DataField title = factory.newDataField("245", '1', '0');
        title.addSubfield(factory.newSubfield('a', edition.title() + " :"));
        title.addSubfield(factory.newSubfield('b', edition.subtitle() + " /"));
        title.addSubfield(factory.newSubfield('c', "by " + edition.author() + "."));
        record.addVariableField(title);
        DataField imprint = factory.newDataField("264", ' ', '1');
        imprint.addSubfield(factory.newSubfield('a', edition.place() + " :"));
        imprint.addSubfield(factory.newSubfield('b', edition.publisher() + ","));
        imprint.addSubfield(factory.newSubfield('c', edition.year() + "."));
        record.addVariableField(imprint);
        record.addVariableField(field("300", ' ', ' ', 'a', (120 + random.nextInt(500)) + " pages ;"));
        DataField subject = factory.newDataField("650", ' ', '0');
        subject.addSubfield(factory.newSubfield('a', capitalise(edition.topic())));
        subject.addSubfield(factory.newSubfield('z', edition.region()));
        subject.addSubfield(factory.newSubfield('x', "History"));
        record.addVariableField(subject);
        int holdings = 1 + random.nextInt(2);
        for (int h = 0; h < holdings; h++) {
            DataField holding = factory.newDataField("852", ' ', ' ');
            holding.addSubfield(factory.newSubfield('a', LIBRARIES[random.nextInt(LIBRARIES.length)]));
            holding.addSubfield(factory.newSubfield('h', edition.lcc() + random.nextInt(1000)));
            record.addVariableField(holding);
        }
        return record;
    }

    private Edition newEdition() {
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        String region = REGIONS[random.nextInt(REGIONS.length)];
        String adjective = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
        String title = switch (random.nextInt(4)) {
            case 0 -> "A history of " + region;
            case 1 ->
                capitalise(topic) + " in " + region + ", " + (1700 + random.nextInt(250)) + "-"
                        + (1950 + random.nextInt(70));
            case 2 -> "The " + adjective + " " + topic + " of " + region;
            default -> capitalise(adjective) + " " + topic;
        };
        String subtitle = "essays on " + topic + " and " + TOPICS[random.nextInt(TOPICS.length)];
        String author = SURNAMES[random.nextInt(SURNAMES.length)] + ", " + GIVEN[random.nextInt(GIVEN.length)];
        boolean stem = random.nextInt(100) < 12;
        String lcc = stem ? STEM_LCC[random.nextInt(STEM_LCC.length)] : HSS_LCC[random.nextInt(HSS_LCC.length)];
        return new Edition(
                isbn13(),
                title,
                subtitle,
                author,
                String.valueOf(1950 + random.nextInt(75)),
                PUBLISHERS[random.nextInt(PUBLISHERS.length)],
                PLACES[random.nextInt(PLACES.length)],
                language(),
                lcc,
                topic,
                region);
    }

    private String language() {
        int roll = random.nextInt(100);
        int sum = 0;
        for (String[] language : LANGUAGES) {
            sum += Integer.parseInt(language[1]);
            if (roll < sum) {
                return language[0];
            }
        }
        return "eng";
    }

    /** A valid ISBN-13 (978 prefix). */
    private String isbn13() {
        StringBuilder digits = new StringBuilder("978");
        for (int i = 0; i < 9; i++) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }

    /** As catalogers write it: mostly plain, sometimes hyphenated with a qualifier, rarely mistyped. */
    private String isbnAsCatalogued(String isbn) {
        int roll = random.nextInt(100);
        if (roll < 3) {
            return isbn.substring(0, 12) + ((isbn.charAt(12) - '0' + 1) % 10); // wrong check digit
        }
        if (roll < 15) {
            return isbn.substring(0, 3) + "-" + isbn.substring(3, 4) + "-" + isbn.substring(4, 8) + "-"
                    + isbn.substring(8, 12) + "-" + isbn.substring(12) + " (pbk.)";
        }
        return isbn;
    }

    private DataField field(String tag, char ind1, char ind2, char code, String value) {
        DataField field = factory.newDataField(tag, ind1, ind2);
        field.addSubfield(factory.newSubfield(code, value));
        return field;
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}

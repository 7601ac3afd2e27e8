package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Contributor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The CQL queries of the SRU benchmark: the kinds of search a catalogue's users and the member
 * libraries' systems send, each made from a record of the catalogue so that it finds something.
 */
final class SruQueries {

    /** A kind of search, for the per-kind latencies. */
    enum Kind {
        TITLE_WORD("dc.title = word"),
        TITLE_ALL("dc.title all two words"),
        CREATOR("dc.creator = surname"),
        SERVER_CHOICE("cql.serverChoice = word"),
        SUBJECT_EXACT("dc.subject == heading"),
        YEAR_RANGE("dc.date within 5 years");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One query and its kind. */
    record Query(Kind kind, String cql) {}

    private SruQueries() {}

    /** One query of each kind per sampled record, shuffled so that the kinds interleave. */
    static List<Query> from(List<CashlRecord> sample) {
        Random random = new Random(7);
        List<Query> queries = new ArrayList<>();
        for (CashlRecord record : sample) {
            List<String> titleWords =
                    words(record.getTitle().getMain() + " " + record.getTitle().getSub());
            String word = pick(titleWords, random);
            queries.add(new Query(Kind.TITLE_WORD, "dc.title=" + word));
            String other = pickOther(titleWords, word, random);
            queries.add(new Query(Kind.TITLE_ALL, "dc.title all \"" + word + " " + other + "\""));
            Contributor author = record.getContributor()
                    .get(random.nextInt(record.getContributor().size()));
            queries.add(new Query(
                    Kind.CREATOR,
                    "dc.creator="
                            + author.getName().substring(0, author.getName().indexOf(','))));
            queries.add(new Query(Kind.SERVER_CHOICE, "cql.serverChoice=" + pick(titleWords, random)));
            String subject = record.getSubject()
                    .get(random.nextInt(record.getSubject().size()))
                    .getValue();
            queries.add(new Query(Kind.SUBJECT_EXACT, "dc.subject==\"" + subject + "\""));
            int year = Integer.parseInt(record.getPublication().getYear());
            queries.add(new Query(Kind.YEAR_RANGE, "dc.date within \"" + year + " " + (year + 4) + "\""));
        }
        Collections.shuffle(queries, random);
        return List.copyOf(queries);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isBlank()) {
                words.add(word);
            }
        }
        return words;
    }

    private static String pick(List<String> words, Random random) {
        return words.get(random.nextInt(words.size()));
    }

    /** Another word of the title than {@code word}, if it has one: two-word searches need two words. */
    private static String pickOther(List<String> words, String word, Random random) {
        List<String> others = words.stream().filter(w -> !w.equals(word)).toList();
        return others.isEmpty() ? word : pick(others, random);
    }
}

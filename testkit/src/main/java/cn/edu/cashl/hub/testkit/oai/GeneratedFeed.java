package cn.edu.cashl.hub.testkit.oai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;

/**
 * A synthetic OAI-PMH repository of MARCXML books (humanities and social sciences, each its own
 * edition), honouring {@code from} and {@code until} at its granularity, with deleted records kept
 * as deleted headers ({@code persistent}). Records can be changed and deleted while it runs, which
 * moves their datestamps to now. Memory is a few bytes per record, so it serves 200,000 records.
 */
public final class GeneratedFeed implements Feed {

    private static final String[] TOPICS = {
        "history",
        "politics",
        "economics",
        "sociology",
        "philosophy",
        "law",
        "linguistics",
        "literature",
        "education",
        "art"
    };
    private static final String[] REGIONS = {"China", "Japan", "Europe", "India", "Russia", "Africa", "Latin America"};
    private static final String[] CLASSES = {"DS", "HC", "HN", "JQ", "B", "KNQ", "P", "PL", "LA", "N"};

    private final int pageSize;
    private final boolean dayGranularity;
    private final int[] versions;
    private final long[] datestamps;
    private final boolean[] deleted;
    private String earliest;
    private boolean rejectsUntil;
    private boolean ignoresUntil;
    /** Counts the lists started, so that a list started again gets new tokens, as real providers' do. */
    private int lists;

    /**
     * @param records        how many records
     * @param pageSize       records per page
     * @param dayGranularity declare {@code YYYY-MM-DD} (and reject finer arguments) instead of seconds
     * @param datestamp      the datestamp every record starts with
     */
    public GeneratedFeed(int records, int pageSize, boolean dayGranularity, Instant datestamp) {
        this.pageSize = pageSize;
        this.dayGranularity = dayGranularity;
        this.versions = new int[records];
        this.datestamps = new long[records];
        this.deleted = new boolean[records];
        Arrays.fill(datestamps, datestamp.getEpochSecond());
        this.earliest = format(datestamp.getEpochSecond());
    }

    /**
     * Spreads the records' datestamps evenly from {@code first} (record 0) to {@code last} (the last
     * record), as a repository filled over years has them; earliestDatestamp follows.
     */
    public synchronized GeneratedFeed spread(Instant first, Instant last) {
        long span = last.getEpochSecond() - first.getEpochSecond();
        for (int i = 0; i < datestamps.length; i++) {
            datestamps[i] = first.getEpochSecond() + (datestamps.length == 1 ? 0 : span * i / (datestamps.length - 1));
        }
        earliest = format(first.getEpochSecond());
        return this;
    }

    /** Answers badArgument to any {@code until}, as some providers do. */
    public synchronized GeneratedFeed rejectingUntil() {
        rejectsUntil = true;
        return this;
    }

    /** Leaves {@code until} out of every list, as some providers do without saying so. */
    public synchronized GeneratedFeed ignoringUntil() {
        ignoresUntil = true;
        return this;
    }

    public synchronized int size() {
        return versions.length;
    }

    /** Changes record {@code i} (a new title) and sets its datestamp to now. */
    public synchronized void change(int i) {
        versions[i]++;
        deleted[i] = false;
        datestamps[i] = Instant.now().getEpochSecond();
    }

    /** Deletes record {@code i}: from now on a deleted header. */
    public synchronized void delete(int i) {
        deleted[i] = true;
        datestamps[i] = Instant.now().getEpochSecond();
    }

    public synchronized boolean isDeleted(int i) {
        return deleted[i];
    }

    /** The OAI identifier of record {@code i}. */
    public static String identifier(int i) {
        return "oai:test.example.edu.cn:" + i;
    }

    /** The title record {@code i} has in its current version. */
    public synchronized String title(int i) {
        return title(i, versions[i]);
    }

    private static String title(int i, int version) {
        return "The " + TOPICS[i % TOPICS.length] + " of " + REGIONS[(i / TOPICS.length) % REGIONS.length] + ", volume "
                + i + (version == 0 ? "" : ", revised " + version);
    }

    @Override
    public byte[] identify() {
        return envelope("<request verb=\"Identify\">http://127.0.0.1/oai</request><Identify>"
                + "<repositoryName>Generated test repository</repositoryName><baseURL>http://127.0.0.1/oai</baseURL>"
                + "<protocolVersion>2.0</protocolVersion><adminEmail>test@example.edu.cn</adminEmail>"
                + "<earliestDatestamp>" + earliest + "</earliestDatestamp><deletedRecord>persistent</deletedRecord>"
                + "<granularity>" + (dayGranularity ? "YYYY-MM-DD" : "YYYY-MM-DDThh:mm:ssZ") + "</granularity>"
                + "</Identify>");
    }

    @Override
    public synchronized byte[] listRecords(Map<String, String> arguments) {
        int start = 0;
        String from = arguments.get("from");
        String until = ignoresUntil ? null : arguments.get("until");
        String token = arguments.get("resumptionToken");
        int list;
        if (token != null) {
            String[] parts = token.split("!", -1);
            try {
                start = Integer.parseInt(parts[0]);
                from = parts[1].isEmpty() ? null : parts[1];
                until = parts[2].isEmpty() ? null : parts[2];
                list = Integer.parseInt(parts[3]);
            } catch (RuntimeException e) {
                return Feed.error("badResumptionToken", "not a token of this repository");
            }
        } else if (!"marc21".equals(arguments.get("metadataPrefix"))) {
            return Feed.error("cannotDisseminateFormat", "only marc21");
        } else if (rejectsUntil && until != null) {
            return Feed.error("badArgument", "until is not supported");
        } else {
            list = ++lists;
        }
        Long fromSeconds = parse(from, false);
        Long untilSeconds = parse(until, true);
        if ((from != null && fromSeconds == null) || (until != null && untilSeconds == null)) {
            return Feed.error("badArgument", "from/until not at the repository's granularity");
        }
        StringBuilder page = new StringBuilder(pageSize * 1200);
        page.append("<request verb=\"ListRecords\">http://127.0.0.1/oai</request><ListRecords>");
        int found = 0;
        int i = start;
        int total = 0;
        for (int j = 0; j < versions.length; j++) {
            if (matches(j, fromSeconds, untilSeconds)) {
                total++;
            }
        }
        int cursor = 0;
        for (int j = 0; j < start; j++) {
            if (matches(j, fromSeconds, untilSeconds)) {
                cursor++;
            }
        }
        for (; i < versions.length && found < pageSize; i++) {
            if (matches(i, fromSeconds, untilSeconds)) {
                record(page, i);
                found++;
            }
        }
        if (total == 0) {
            return Feed.error("noRecordsMatch", "no records");
        }
        while (i < versions.length && !matches(i, fromSeconds, untilSeconds)) {
            i++;
        }
        String next = i < versions.length
                ? i + "!" + (from == null ? "" : from) + "!" + (until == null ? "" : until) + "!" + list
                : "";
        if (token != null || !next.isEmpty()) {
            page.append("<resumptionToken completeListSize=\"")
                    .append(total)
                    .append("\" cursor=\"")
                    .append(cursor)
                    .append("\">")
                    .append(next)
                    .append("</resumptionToken>");
        }
        page.append("</ListRecords>");
        return envelope(page.toString());
    }

    private boolean matches(int i, Long from, Long until) {
        return (from == null || datestamps[i] >= from) && (until == null || datestamps[i] <= until);
    }

    /** Seconds since the epoch; a day covers its whole length as {@code until}; null when malformed. */
    private Long parse(String value, boolean endOfDay) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                long day = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
                return endOfDay ? day + 86_399 : day;
            }
            return dayGranularity ? null : Instant.parse(value).getEpochSecond();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String format(long seconds) {
        Instant instant = Instant.ofEpochSecond(seconds);
        return dayGranularity ? instant.atOffset(ZoneOffset.UTC).toLocalDate().toString() : instant.toString();
    }

    private void record(StringBuilder out, int i) {
        out.append("<record><header")
                .append(deleted[i] ? " status=\"deleted\"" : "")
                .append("><identifier>")
                .append(identifier(i))
                .append("</identifier><datestamp>")
                .append(format(datestamps[i]))
                .append("</datestamp></header>");
        if (!deleted[i]) {
            String isbn = isbn(i);
            out.append("<metadata><marc:record xmlns:marc=\"http://www.loc.gov/MARC21/slim\">")
                    .append("<marc:leader>00000nam a2200000 a 4500</marc:leader>")
                    .append("<marc:controlfield tag=\"001\">g")
                    .append(i)
                    .append("</marc:controlfield>")
                    .append("<marc:controlfield tag=\"008\">200101s")
                    .append(1950 + i % 70)
                    .append("    xx            000 0 eng d</marc:controlfield>")
                    .append(field("020", "a", isbn))
                    .append(field("050", "a", CLASSES[i % CLASSES.length] + (100 + i % 800)))
                    .append(field("100", "a", "Author" + (i % 997) + ", Test"))
                    .append(field("245", "a", title(i, versions[i])))
                    .append(field("260", "b", "Test University Press")
                            .replace(
                                    "</marc:datafield>",
                                    "<marc:subfield code=\"c\">" + (1950 + i % 70)
                                            + "</marc:subfield></marc:datafield>"))
                    .append(field(
                            "650",
                            "a",
                            TOPICS[i % TOPICS.length] + " -- " + REGIONS[(i / TOPICS.length) % REGIONS.length]))
                    .append("</marc:record></metadata>");
        }
        out.append("</record>");
    }

    private static String field(String tag, String code, String value) {
        return "<marc:datafield tag=\"" + tag + "\" ind1=\" \" ind2=\" \"><marc:subfield code=\"" + code + "\">" + value
                + "</marc:subfield></marc:datafield>";
    }

    /** A valid ISBN-13 unique to the record. */
    static String isbn(int i) {
        String body = "978" + String.format("%09d", i);
        int sum = 0;
        for (int k = 0; k < 12; k++) {
            sum += (body.charAt(k) - '0') * (k % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    private static byte[] envelope(String body) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\" "
                        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><responseDate>"
                        + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "</responseDate>" + body + "</OAI-PMH>")
                .getBytes(StandardCharsets.UTF_8);
    }
}

package cn.edu.cashl.hub.source;

import cn.edu.cashl.hub.catalog.StandardNumbers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a journal list as consortium staff keep one: a plain list of ISSNs, one journal per line; or a
 * table, tab or comma separated, with a header naming its columns: the ISSN-L ({@code issn_l},
 * {@code issnl}, {@code ISSN-L}), the print ISSN ({@code print_issn}, {@code issn}, or KBART's
 * {@code print_identifier}), the online ISSN ({@code online_issn}, {@code eissn}, or KBART's
 * {@code online_identifier}) and the title ({@code title}, KBART's {@code publication_title}). So a
 * KBART title list is a journal list too. A line without a valid ISSN is rejected with its number
 * and the reason; the others make the list.
 */
public final class JournalListReader {

    /** A line left out of the list. */
    public record Rejected(int line, String reason) {}

    /**
     * The list and the lines left out of it.
     *
     * @param rejected      the first {@value #MAX_REJECTED} lines left out, with why
     * @param rejectedLines how many lines were left out in all
     */
    public record Result(JournalList list, List<Rejected> rejected, int rejectedLines) {}

    /** Enough to show what is wrong with a list; a list of a million bad lines keeps only its count beyond. */
    private static final int MAX_REJECTED = 1_000;

    private static final Pattern LOOKS_LIKE_ISSN = Pattern.compile("\\d{4}-?\\d{3}[\\dXx]");

    private JournalListReader() {}

    public static Result read(String id, Reader input) throws IOException {
        BufferedReader lines = input instanceof BufferedReader b ? b : new BufferedReader(input);
        List<JournalList.Journal> journals = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        int rejectedLines = 0;
        Columns columns = null;
        int number = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = split(line);
            if (columns == null) {
                columns = Columns.of(cells);
                if (columns.header()) {
                    continue;
                }
            }
            JournalList.Journal journal = columns.journal(cells);
            if (journal == null) {
                rejectedLines++;
                if (rejected.size() < MAX_REJECTED) {
                    rejected.add(new Rejected(number, "no valid ISSN in \"" + abbreviate(line) + "\""));
                }
                continue;
            }
            journals.add(journal);
        }
        return new Result(new JournalList(id, journals), rejected, rejectedLines);
    }

    private static String[] split(String line) {
        String[] cells = line.indexOf('\t') >= 0 ? line.split("\t", -1) : line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].strip();
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cell = cell.substring(1, cell.length() - 1)
                        .replace("\"\"", "\"")
                        .strip();
            }
            cells[i] = cell;
        }
        return cells;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }

    /** Which cell holds what; a list without a header has its ISSNs in every cell. */
    private record Columns(boolean header, int issnL, int print, int online, int title) {

        static Columns of(String[] cells) {
            int issnL = -1;
            int print = -1;
            int online = -1;
            int title = -1;
            for (int i = 0; i < cells.length; i++) {
                switch (cells[i].toLowerCase(Locale.ROOT).replace('-', '_')) {
                    case "issn_l", "issnl", "linking_issn" -> issnL = i;
                    case "print_issn", "issn", "pissn", "print_identifier" -> print = i;
                    case "online_issn", "eissn", "e_issn", "online_identifier" -> online = i;
                    case "title", "journal_title", "publication_title" -> title = i;
                    default -> {}
                }
            }
            boolean header = issnL >= 0 || print >= 0 || online >= 0;
            return header ? new Columns(true, issnL, print, online, title) : new Columns(false, -1, -1, -1, -1);
        }

        JournalList.Journal journal(String[] cells) {
            Set<String> issns = new LinkedHashSet<>();
            String name = null;
            if (header) {
                add(issns, cells, issnL);
                add(issns, cells, print);
                add(issns, cells, online);
                name = title >= 0 && title < cells.length && !cells[title].isBlank() ? cells[title] : null;
            } else {
                for (int i = 0; i < cells.length; i++) {
                    if (LOOKS_LIKE_ISSN.matcher(cells[i]).matches()) { // not digits gathered from a title
                        add(issns, cells, i);
                    }
                }
            }
            if (issns.isEmpty()) {
                return null;
            }
            List<String> all = List.copyOf(issns);
            return new JournalList.Journal(all.get(0), all, name);
        }

        private static void add(Set<String> issns, String[] cells, int column) {
            if (column >= 0 && column < cells.length) {
                String issn = StandardNumbers.issn(cells[column]);
                if (issn != null) {
                    issns.add(issn);
                }
            }
        }
    }
}

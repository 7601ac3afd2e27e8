package cn.edu.cashl.hub.harvest.calis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file of the CALIS export interface, known by its name: a full dump, a dated increment, or a
 * delete list (one record id per line). The date is the first {@code yyyyMMdd} in the name.
 *
 * @param name file name as listed
 * @param kind what it holds
 * @param date its date, {@code yyyyMMdd}, or empty when the name has none
 */
public record ExportFile(String name, Kind kind, String date) {

    public enum Kind {
        FULL,
        INCREMENT,
        DELETIONS
    }

    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{8})(?!\\d)");
    private static final Pattern DATA =
            Pattern.compile(".*\\.(mrc|marc|iso|iso2709|xml|txt|del|lst)(\\.gz)?$", Pattern.CASE_INSENSITIVE);

    /** The file a name stands for, or null when the name is not an export file (an index page, a checksum). */
    public static ExportFile of(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!DATA.matcher(lower).matches()) {
            return null;
        }
        Matcher date = DATE.matcher(name);
        String day = date.find() ? date.group(1) : "";
        boolean plainText = lower.matches(".*\\.(txt|del|lst)(\\.gz)?$");
        Kind kind = plainText || lower.contains("delete")
                ? Kind.DELETIONS
                : lower.contains("full") || lower.contains("dump") ? Kind.FULL : Kind.INCREMENT;
        if (plainText && kind != Kind.DELETIONS) {
            return null;
        }
        return new ExportFile(name, kind, day);
    }

    /**
     * The files to read, in order: from the newest full dump on (older files are superseded by
     * it), by date, a day's dump before its increments before its delete lists.
     */
    public static List<ExportFile> plan(List<String> names) {
        List<ExportFile> files = new ArrayList<>();
        for (String name : names) {
            ExportFile file = of(name);
            if (file != null) {
                files.add(file);
            }
        }
        files.sort(Comparator.comparing(ExportFile::date)
                .thenComparing(ExportFile::kind)
                .thenComparing(ExportFile::name));
        int newestFull = -1;
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).kind() == Kind.FULL) {
                newestFull = i;
            }
        }
        return newestFull < 0 ? files : List.copyOf(files.subList(newestFull, files.size()));
    }
}

package cn.edu.cashl.hub.ingest.read;

import cn.edu.cashl.hub.coverage.Depth;
import cn.edu.cashl.hub.coverage.Embargo;
import cn.edu.cashl.hub.coverage.Period;
import cn.edu.cashl.hub.publish.XmlText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a KBART title list (NISO RP-9-2014, Phase II, and the Phase I names and extensions real
 * lists carry) one row at a time: each row becomes a record in the hub's KBART row XML
 * ({@value #NAMESPACE}), the 25 Phase II columns as elements of their own name, every other column
 * as {@code <extra name="...">}, blank cells left out.
 *
 * <p>What real lists do, and what the reader makes of it:
 * <ul>
 *   <li>UTF-8 with or without a byte-order mark; CRLF or LF; no final newline; blank lines.</li>
 *   <li>Cells in double quotes ({@code "Title, with comma"}, {@code ""} for a quote) or not; blanks
 *       around cells and header names (a header name with a trailing space) stripped.</li>
 *   <li>HTML numeric character references in titles ({@code &#268;}) decoded.</li>
 *   <li>A row with more cells than the header names is fine when the extra ones are empty (a
 *       trailing tab); otherwise, as a row with fewer cells, it is quarantined with its line and
 *       the counts.</li>
 *   <li>A date, embargo or coverage depth that is not what KBART says it is: the row is quarantined
 *       with the cell and why. Each row also carries its coverage as the hub reads it, for the
 *       crosswalk ({@code <coverage>}, the last child).</li>
 *   <li>A header without {@code publication_title}, or with a name that is not one (two names
 *       joined by a space), is a bad header: its columns cannot be trusted, so every row is
 *       quarantined with its line and the header's fault.</li>
 * </ul>
 *
 * <p>The local id of a row is its {@code title_id} (else its online, then print identifier, else
 * its line), with the first issue it covers: a title on several rows (gaps, several ranges) is
 * several holdings, each stable when the list is sent again.
 */
public final class KbartReader extends LookAheadReader {

    public static final String NAMESPACE = "https://ns.cashl.edu.cn/kbart/v1";

    /** The Phase II columns, in the order of the recommended practice. */
    public static final List<String> COLUMNS = List.of(
            "publication_title",
            "print_identifier",
            "online_identifier",
            "date_first_issue_online",
            "num_first_vol_online",
            "num_first_issue_online",
            "date_last_issue_online",
            "num_last_vol_online",
            "num_last_issue_online",
            "title_url",
            "first_author",
            "title_id",
            "embargo_info",
            "coverage_depth",
            "coverage_notes",
            "publisher_name",
            "publication_type",
            "date_monograph_published_print",
            "date_monograph_published_online",
            "monograph_volume",
            "monograph_edition",
            "first_editor",
            "parent_publication_title_id",
            "preceding_publication_title_id",
            "access_type");

    private static final Set<String> PHASE_TWO = Set.copyOf(COLUMNS);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});");

    private final BufferedReader lines;
    private final String name;
    private List<String> header;
    /** Why the header cannot be trusted, or null. */
    private String headerFault;

    private int line;

    public KbartReader(InputStream in, String name) {
        this.lines = new BufferedReader(new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        this.name = name;
    }

    @Override
    protected RawRecord readNext() {
        try {
            String text;
            while ((text = lines.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                if (header == null) {
                    readHeader(text);
                    continue;
                }
                return row(text);
            }
            if (header == null) {
                giveUp();
                return RawRecord.unreadable(name, "no KBART header: the input is empty", null);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The column names, stripped; the fault of a header that cannot be trusted. */
    private void readHeader(String text) {
        header = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        for (String cell : cells(text)) {
            String column = cell.toLowerCase(Locale.ROOT);
            header.add(column);
            if (!NAME.matcher(column).matches()) {
                faults.add("'" + cell + "' is not a column name" + (cell.contains(" ") ? " (two names joined?)" : ""));
            }
        }
        if (!header.contains("publication_title")) {
            faults.add(0, "no publication_title column");
        }
        headerFault = faults.isEmpty() ? null : "bad KBART header (line " + line + "): " + String.join("; ", faults);
    }

    private RawRecord row(String text) {
        String position = name + ", line " + line;
        List<String> cells = cells(text);
        if (headerFault != null) {
            return RawRecord.unreadable(position, headerFault, text);
        }
        while (cells.size() > header.size() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1); // a trailing tab adds an empty cell, and nothing else
        }
        if (cells.size() != header.size()) {
            return RawRecord.unreadable(
                    position, cells.size() + " cells where the header names " + header.size() + " columns", text);
        }
        String coverage;
        try {
            coverage = coverage(cells);
        } catch (IllegalArgumentException e) {
            return RawRecord.unreadable(position, e.getMessage(), text);
        }
        StringBuilder xml = new StringBuilder(512)
                .append("<row xmlns=\"")
                .append(NAMESPACE)
                .append("\" line=\"")
                .append(line)
                .append('"');
        String localId = localId(cells);
        XmlText.append(xml.append(" id=\""), localId, true).append("\">");
        for (int i = 0; i < cells.size(); i++) {
            String value = decodeReferences(cells.get(i));
            if (value.isEmpty()) {
                continue;
            }
            String column = header.get(i);
            // A Phase II column is an element of its own name; any other goes by name in an attribute.
            boolean phaseTwo = PHASE_TWO.contains(column);
            if (phaseTwo) {
                xml.append('<').append(column).append('>');
            } else {
                XmlText.append(xml.append("<extra name=\""), column, true).append("\">");
            }
            XmlText.append(xml, value, false);
            xml.append("</").append(phaseTwo ? column : "extra").append('>');
        }
        xml.append(coverage).append("</row>");
        return new RawRecord(RecordFormat.KBART, xml.toString(), localId, null, null, false, position, List.of(), null);
    }

    /**
     * The row's coverage as the hub reads it ({@code cn.edu.cashl.hub.coverage}), for the crosswalk
     * to copy: {@code <coverage start end embargo depth free>}, dates as partial dates, the embargo
     * in its canonical form, the depth normalised, {@code free} when {@code access_type} is F.
     *
     * @throws IllegalArgumentException naming the cell that is not what KBART says it is
     */
    private String coverage(List<String> cells) {
        StringBuilder element = new StringBuilder("<coverage");
        attribute(element, "start", date(cells, "date_first_issue_online"));
        attribute(element, "end", date(cells, "date_last_issue_online"));
        attribute(
                element,
                "embargo",
                Embargo.parse(firstOf(cells, "embargo_info"))
                        .map(Embargo::toString)
                        .orElse(null));
        attribute(
                element, "depth", Depth.parse(firstOf(cells, "coverage_depth")).value());
        String access = firstOf(cells, "access_type");
        if (access.equalsIgnoreCase("F")) {
            attribute(element, "free", "true");
        }
        return element.append("/>").toString();
    }

    private String date(List<String> cells, String column) {
        String text = firstOf(cells, column);
        if (text.isEmpty()) {
            return null;
        }
        Period period = Period.parse(text);
        if (period == null) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        }
        return period.partialDate();
    }

    private static void attribute(StringBuilder element, String name, String value) {
        if (value != null) {
            XmlText.append(element.append(' ').append(name).append("=\""), value, true)
                    .append('"');
        }
    }

    /** The row's stable id: its title, and the first issue it covers. */
    private String localId(List<String> cells) {
        String title = firstOf(cells, "title_id", "online_identifier", "print_identifier");
        if (title.isEmpty()) {
            title = "line" + line;
        }
        String start = String.join(
                        " ", firstOf(cells, "date_first_issue_online"), firstOf(cells, "num_first_vol_online"))
                .strip();
        return start.isEmpty() ? title : title + "@" + start;
    }

    private String firstOf(List<String> cells, String... columns) {
        for (String column : columns) {
            int i = header.indexOf(column);
            if (i >= 0 && !cells.get(i).isEmpty()) {
                return cells.get(i);
            }
        }
        return "";
    }

    /** A line's cells, split at tabs, unquoted and stripped. */
    static List<String> cells(String text) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '\t') {
                cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
        return cells;
    }

    /** {@code &#268;} and {@code &#x10C;} as the characters they stand for (titles from HTML exports). */
    static String decodeReferences(String value) {
        if (value.indexOf("&#") < 0) {
            return value;
        }
        Matcher matcher = CHARACTER_REFERENCE.matcher(value);
        StringBuilder decoded = new StringBuilder();
        while (matcher.find()) {
            String number = matcher.group(1);
            int code = number.startsWith("x") ? Integer.parseInt(number.substring(1), 16) : Integer.parseInt(number);
            String replacement = Character.isValidCodePoint(code) && code != 0
                    ? new String(Character.toChars(code))
                    : matcher.group();
            matcher.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(decoded);
        return decoded.toString();
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            // closing a reader we only read from loses nothing
        }
    }
}

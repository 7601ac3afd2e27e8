package cn.edu.cashl.hub.coverage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A volume or issue as KBART and citations write it, compared by its number when it has one:
 * {@code 12}, {@code 01}, {@code 349 - 350}, {@code 1 Part A}. Designations without a number
 * ({@code H.-S.}, {@code S1} as a supplement) are never compared: a bound the hub cannot read
 * rules nothing out.
 */
public final class Enumeration {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

    private Enumeration() {}

    /** The first number of a designation (where a range of volumes starts), or null. */
    public static Long first(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = NUMBER.matcher(text);
        return startsWithNumber(text) && matcher.find() ? Long.parseLong(matcher.group()) : null;
    }

    /** The last number of a designation (where a range of volumes ends: {@code 349 - 350} is 350), or null. */
    public static Long last(String text) {
        if (text == null || !startsWithNumber(text)) {
            return null;
        }
        Matcher matcher = NUMBER.matcher(text);
        Long last = null;
        while (matcher.find()) {
            last = Long.parseLong(matcher.group());
        }
        return last;
    }

    /** Only a designation that starts with its number is one: "S1" is a supplement, not issue 1. */
    private static boolean startsWithNumber(String text) {
        String stripped = text.strip();
        return !stripped.isEmpty() && Character.isDigit(stripped.charAt(0));
    }
}

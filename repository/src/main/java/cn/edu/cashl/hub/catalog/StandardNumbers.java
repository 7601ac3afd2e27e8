package cn.edu.cashl.hub.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ISBN and ISSN checking and normalisation: one implementation for deduplication's match keys,
 * the search fields and the SRU terms that query them; and the search form of DOIs.
 */
public final class StandardNumbers {

    /** What people and feeds put before a DOI: a resolver URL or a scheme. */
    private static final Pattern DOI_PREFIX =
            Pattern.compile("(?i)^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*|info:doi/)");

    private StandardNumbers() {}

    /** The ISBN-13 of a 10- or 13-digit ISBN with a correct check digit, or null. */
    public static String isbn13(String value) {
        String digits = value.toUpperCase(Locale.ROOT).replaceAll("[^0-9X]", "");
        if (digits.length() == 10 && digits.indexOf('X') < 0 || digits.length() == 10 && digits.indexOf('X') == 9) {
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                sum += (10 - i) * (digits.charAt(i) == 'X' ? 10 : digits.charAt(i) - '0');
            }
            return sum % 11 == 0 ? withIsbn13Check("978" + digits.substring(0, 9)) : null;
        }
        if (digits.length() == 13 && digits.indexOf('X') < 0) {
            return withIsbn13Check(digits.substring(0, 12)).equals(digits) ? digits : null;
        }
        return null;
    }

    private static String withIsbn13Check(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return twelve + (10 - sum % 10) % 10;
    }

    /** An ISSN as NNNN-NNNC with a correct check character, or null. */
    public static String issn(String value) {
        String digits = value.toUpperCase(Locale.ROOT).replaceAll("[^0-9X]", "");
        if (digits.length() != 8 || digits.substring(0, 7).indexOf('X') >= 0) {
            return null;
        }
        String issn = issnWithCheck(digits.substring(0, 7));
        return issn.charAt(8) == digits.charAt(7) ? issn : null;
    }

    /** The ISSN whose first seven digits these are, with its check character: "0097700" -> "0097-7004". */
    public static String issnWithCheck(String sevenDigits) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (8 - i) * (sevenDigits.charAt(i) - '0');
        }
        int check = (11 - sum % 11) % 11;
        return sevenDigits.substring(0, 4) + "-" + sevenDigits.substring(4)
                + (check == 10 ? 'X' : (char) ('0' + check));
    }

    /**
     * The form an ISBN is indexed and searched in: its ISBN-13 when it is valid, else its digits
     * (and X) as written, so that an invalid ISBN still finds itself.
     */
    public static String isbnKey(String value) {
        String isbn13 = isbn13(value);
        return isbn13 != null ? isbn13 : value.toUpperCase(Locale.ROOT).replaceAll("[^0-9X]", "");
    }

    /** The form an ISSN is indexed and searched in: {@code NNNN-NNNC} when valid, else folded as written. */
    public static String issnKey(String value) {
        String issn = issn(value);
        return issn != null ? issn : SearchFields.fold(value);
    }

    /**
     * The form a DOI is indexed and searched in: without a resolver or scheme prefix
     * ({@code https://doi.org/}, {@code doi:}, {@code info:doi/}) and folded like every whole-value
     * key, because the DOI system ignores case. A value that is no DOI comes out folded, so that
     * the identifier index can put every term through it.
     */
    public static String doiKey(String value) {
        return SearchFields.fold(DOI_PREFIX.matcher(value.strip()).replaceFirst(""));
    }
}

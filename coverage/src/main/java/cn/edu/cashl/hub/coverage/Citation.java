package cn.edu.cashl.hub.coverage;

/**
 * What a citation says about where in a title it is: its date (as precise as given), volume and
 * issue. Any of them may be missing.
 */
public record Citation(Period date, String volume, String issue) {

    public static Citation of(String date, String volume, String issue) {
        return new Citation(Period.parse(date), blankToNull(volume), blankToNull(issue));
    }

    boolean undated() {
        return date == null && Enumeration.first(volume) == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package cn.edu.cashl.hub.coverage;

import java.util.Locale;

/** KBART {@code coverage_depth}, as providers write it. */
public enum Depth {
    FULLTEXT("fulltext"),
    ABSTRACTS("abstracts"),
    SELECTED_ARTICLES("selected articles"),
    PRINT("print");

    private final String value;

    Depth(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /**
     * The depth a value names: {@code fulltext}, and the variants seen in real lists ({@code Full
     * text}, German {@code Volltext}); {@code abstracts}, {@code selected articles}, {@code print}
     * (a print holdings export). Blank is full text, what a title list offers unless it says
     * otherwise.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Depth parse(String text) {
        if (text == null || text.isBlank()) {
            return FULLTEXT;
        }
        String folded = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
        return switch (folded) {
            case "fulltext", "volltext" -> FULLTEXT;
            case "abstracts", "abstract" -> ABSTRACTS;
            case "selectedarticles" -> SELECTED_ARTICLES;
            case "print" -> PRINT;
            default ->
                throw new IllegalArgumentException("coverage_depth '" + text.strip()
                        + "' is none of fulltext, abstracts, selected articles, print");
        };
    }
}

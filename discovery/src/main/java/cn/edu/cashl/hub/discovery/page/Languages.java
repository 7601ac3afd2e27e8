package cn.edu.cashl.hub.discovery.page;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/** Records' language codes (MARC's ISO 639-2/B) as names for readers and as HTML {@code lang} values. */
final class Languages {

    /** ISO 639-2 bibliographic codes whose terminology code (what Java knows) differs. */
    private static final Map<String, String> BIBLIOGRAPHIC = Map.ofEntries(
            Map.entry("alb", "sqi"),
            Map.entry("arm", "hye"),
            Map.entry("baq", "eus"),
            Map.entry("bur", "mya"),
            Map.entry("chi", "zho"),
            Map.entry("cze", "ces"),
            Map.entry("dut", "nld"),
            Map.entry("fre", "fra"),
            Map.entry("geo", "kat"),
            Map.entry("ger", "deu"),
            Map.entry("gre", "ell"),
            Map.entry("ice", "isl"),
            Map.entry("mac", "mkd"),
            Map.entry("mao", "mri"),
            Map.entry("may", "msa"),
            Map.entry("per", "fas"),
            Map.entry("rum", "ron"),
            Map.entry("slo", "slk"),
            Map.entry("tib", "bod"),
            Map.entry("wel", "cym"));

    private static final Map<String, Locale> BY_CODE = byCode();

    private Languages() {}

    /** The language's name in {@code in}; the code itself when none is known. */
    static String name(String code, Locale in) {
        Locale language = locale(code);
        if (language == null) {
            return code;
        }
        String name = language.getDisplayLanguage(in);
        return name.isEmpty() ? code : name;
    }

    /** The BCP 47 tag of a record's language, for a {@code lang} attribute; null when unknown. */
    static String tag(String code) {
        Locale language = locale(code);
        return language == null ? null : language.toLanguageTag();
    }

    private static Locale locale(String code) {
        if (code == null) {
            return null;
        }
        String folded = code.strip().toLowerCase(Locale.ROOT);
        return BY_CODE.get(BIBLIOGRAPHIC.getOrDefault(folded, folded));
    }

    private static Map<String, Locale> byCode() {
        Map<String, Locale> byCode = new HashMap<>();
        for (String code : Locale.getISOLanguages()) {
            Locale locale = Locale.forLanguageTag(code);
            try {
                byCode.put(locale.getISO3Language(), locale);
            } catch (MissingResourceException e) {
                // no three-letter code: no MARC record can name it
            }
        }
        return Map.copyOf(byCode);
    }
}

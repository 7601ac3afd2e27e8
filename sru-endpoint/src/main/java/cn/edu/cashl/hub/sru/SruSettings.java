package cn.edu.cashl.hub.sru;

import java.time.Duration;

/**
 * How the SRU endpoint answers.
 *
 * @param databaseTitle       the catalogue's name in explain (English)
 * @param databaseTitleZh     its Chinese name, or null
 * @param contact             an e-mail address explain gives, or null
 * @param defaultRecords      records per page when a request does not say
 * @param maximumRecords      the most records a page holds; more are capped with a diagnostic
 * @param defaultSchema       short name of the record schema when a request does not say
 * @param resultSetTtl        how long a result set lives unless the request asks for less
 * @param maximumResultSetTtl the longest a request may ask a result set to live
 * @param maximumTerms        the most terms a scan returns
 */
public record SruSettings(
        String databaseTitle,
        String databaseTitleZh,
        String contact,
        int defaultRecords,
        int maximumRecords,
        String defaultSchema,
        Duration resultSetTtl,
        Duration maximumResultSetTtl,
        int maximumTerms) {

    public static SruSettings defaults() {
        return new SruSettings(
                "CASHL Hub union catalogue",
                "CASHL 外文图书联合目录",
                null,
                10,
                1000,
                "dc",
                Duration.ofMinutes(5),
                Duration.ofHours(1),
                100);
    }
}

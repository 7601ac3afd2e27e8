package cn.edu.cashl.hub.source;

import java.util.List;

/**
 * One feed the hub reads, as {@code config/sources.yaml} describes it. The id is also the code of the
 * holding library whose records the feed carries.
 *
 * @param id             holding-library code, e.g. {@code pku}
 * @param type           {@code oai-pmh}, {@code calis-export} or {@code file} (records imported by hand)
 * @param url            OAI-PMH base URL, or the CALIS export location
 * @param metadataPrefix OAI-PMH: the format to harvest ({@code marc21}, {@code oai_dc}, {@code mods}...)
 * @param format         CALIS export and files: {@code marc21}, {@code unimarc}, {@code marcxml}...
 * @param name           the library's English name
 * @param nameZh         the library's Chinese name
 * @param sets           OAI-PMH sets to harvest (empty: the whole repository)
 * @param crosswalk      inbound crosswalk id; null means the default for each record's format
 * @param holdingsField  MARC tag whose fields list holdings of several libraries (CALIS: 949)
 * @param schedule       Quartz cron expression of its harvests
 * @param enabled        whether it is harvested
 */
public record Source(String id, String type, String url, String metadataPrefix, String format, String name,
                     String nameZh, List<String> sets, String crosswalk, String holdingsField, String schedule,
                     Boolean enabled) {

    public Source {
        sets = sets == null ? List.of() : List.copyOf(sets);
        enabled = enabled == null ? Boolean.TRUE : enabled;
    }

    public boolean isEnabled() {
        return enabled;
    }
}

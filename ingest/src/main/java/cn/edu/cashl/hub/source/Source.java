package cn.edu.cashl.hub.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One feed the hub reads, as {@code config/sources.yaml} describes it. The id is also the code of the
 * holding library whose records the feed carries. Code makes one with a named factory
 * ({@link #oaiPmh}, {@link #calisExport}, {@link #file}) and the {@code with} methods for the rest;
 * the canonical constructor is for the readers of {@code sources.yaml} and of saved sources.
 *
 * @param id             holding-library code, e.g. {@code pku}
 * @param type           how its records arrive
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
 * @param licence        a KBART source: its package and the terms it is licensed on; null otherwise
 * @param lending        a member library: its tier and ILL system (never null; {@link Lending#NONE})
 * @param journals       the id of the journal list that scopes its articles (docs/articles.md); null:
 *                       every article it sends is in scope
 * @param mailto         a Crossref source: the contact address sent with every request (Crossref's polite
 *                       pool); null otherwise
 */
public record Source(
        String id,
        SourceType type,
        String url,
        String metadataPrefix,
        String format,
        String name,
        String nameZh,
        List<String> sets,
        String crosswalk,
        String holdingsField,
        String schedule,
        Boolean enabled,
        Licence licence,
        Lending lending,
        String journals,
        String mailto) {

    public Source {
        sets = sets == null ? List.of() : List.copyOf(sets);
        enabled = enabled == null ? Boolean.TRUE : enabled;
        lending = lending == null ? Lending.NONE : lending;
    }

    /** A source as sources.yaml and saved definitions write it: the licence and lending keys flat. */
    @JsonCreator
    public static Source of(
            @JsonProperty("id") String id,
            @JsonProperty("type") SourceType type,
            @JsonProperty("url") String url,
            @JsonProperty("metadataPrefix") String metadataPrefix,
            @JsonProperty("format") String format,
            @JsonProperty("name") String name,
            @JsonProperty("nameZh") String nameZh,
            @JsonProperty("sets") List<String> sets,
            @JsonProperty("crosswalk") String crosswalk,
            @JsonProperty("holdingsField") String holdingsField,
            @JsonProperty("schedule") String schedule,
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("package") String packageName,
            @JsonProperty("libraries") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                    List<String> libraries,
            @JsonProperty("openAccess") Boolean openAccess,
            @JsonProperty("illElectronic") Boolean illElectronic,
            @JsonProperty("proxy") Map<String, String> proxy,
            @JsonProperty("tier") LibraryTier tier,
            @JsonProperty("illBaseUrl") String illBaseUrl,
            @JsonProperty("journals") String journals,
            @JsonProperty("mailto") String mailto) {
        boolean licensed = packageName != null
                || libraries != null
                || openAccess != null
                || illElectronic != null
                || proxy != null
                || type == SourceType.KBART;
        return new Source(
                id,
                type,
                url,
                metadataPrefix,
                format,
                name,
                nameZh,
                sets,
                crosswalk,
                holdingsField,
                schedule,
                enabled,
                licensed
                        ? new Licence(packageName, libraries, Boolean.TRUE.equals(openAccess), illElectronic, proxy)
                        : null,
                new Lending(tier, illBaseUrl),
                journals,
                mailto);
    }

    /** An OAI-PMH repository harvested in {@code metadataPrefix}, enabled, without a schedule. */
    public static Source oaiPmh(String id, String baseUrl, String metadataPrefix) {
        return new Source(
                id,
                SourceType.OAI_PMH,
                baseUrl,
                metadataPrefix,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                true,
                null,
                null,
                null,
                null);
    }

    /** A CALIS export location whose files are in {@code format}. */
    public static Source calisExport(String id, String location, String format) {
        return new Source(
                id,
                SourceType.CALIS_EXPORT,
                location,
                null,
                format,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                true,
                null,
                null,
                null,
                null);
    }

    /** Records imported by hand, of whatever format each file is ({@code format} null: found from the content). */
    public static Source file(String id, String format) {
        return new Source(
                id,
                SourceType.FILE,
                null,
                null,
                format,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                true,
                null,
                null,
                null,
                null);
    }

    /** A KBART title list of the package {@code packageName}, licensed on {@code licence}'s terms. */
    public static Source kbart(String id, String listUrl, Licence licence) {
        return new Source(
                id,
                SourceType.KBART,
                listUrl,
                null,
                "kbart",
                null,
                null,
                List.of(),
                null,
                null,
                null,
                true,
                licence,
                null,
                null,
                null);
    }

    /**
     * Crossref's REST API asked for the works of the journals of the list {@code journals} (all their
     * ISSNs), updated since the last run, with {@code mailto} as the contact address.
     */
    public static Source crossref(String id, String apiUrl, String journals, String mailto) {
        return new Source(
                id,
                SourceType.CROSSREF,
                apiUrl,
                null,
                "crossref",
                null,
                null,
                List.of(),
                null,
                null,
                null,
                true,
                null,
                null,
                journals,
                mailto);
    }

    /** The same source with its articles scoped by the journal list {@code listId} (null: not scoped). */
    public Source withJournals(String listId) {
        return new Source(
                id,
                type,
                url,
                metadataPrefix,
                format,
                name,
                nameZh,
                sets,
                crosswalk,
                holdingsField,
                schedule,
                enabled,
                licence,
                lending,
                listId,
                mailto);
    }

    public Source withLending(Lending value) {
        return new Source(
                id,
                type,
                url,
                metadataPrefix,
                format,
                name,
                nameZh,
                sets,
                crosswalk,
                holdingsField,
                schedule,
                enabled,
                licence,
                value,
                journals,
                mailto);
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** The format its records arrive in: the OAI-PMH metadata prefix, or the files' format. */
    public String recordFormat() {
        return type == SourceType.OAI_PMH ? metadataPrefix : format;
    }

    public Source withNames(String english, String chinese) {
        return new Source(
                id,
                type,
                url,
                metadataPrefix,
                format,
                english,
                chinese,
                sets,
                crosswalk,
                holdingsField,
                schedule,
                enabled,
                licence,
                lending,
                journals,
                mailto);
    }

    public Source withSets(List<String> value) {
        return new Source(
                id,
                type,
                url,
                metadataPrefix,
                format,
                name,
                nameZh,
                value,
                crosswalk,
                holdingsField,
                schedule,
                enabled,
                licence,
                lending,
                journals,
                mailto);
    }

    public Source withCrosswalk(String value) {
        return new Source(
                id,
                type,
                url,
                metadataPrefix,
                format,
                name,
                nameZh,
                sets,
                value,
                holdingsField,
                schedule,
                enabled,
                licence,
                lending,
                journals,
                mailto);
    }

    public Source withHoldingsField(String value) {
        return new Source(
                id,
                type,
                url,
                metadataPrefix,
                format,
                name,
                nameZh,
                sets,
                crosswalk,
                value,
                schedule,
                enabled,
                licence,
                lending,
                journals,
                mailto);
    }

    public Source withSchedule(String cron) {
        return new Source(
                id,
                type,
                url,
                metadataPrefix,
                format,
                name,
                nameZh,
                sets,
                crosswalk,
                holdingsField,
                cron,
                enabled,
                licence,
                lending,
                journals,
                mailto);
    }

    public Source withEnabled(boolean value) {
        return new Source(
                id,
                type,
                url,
                metadataPrefix,
                format,
                name,
                nameZh,
                sets,
                crosswalk,
                holdingsField,
                schedule,
                value,
                licence,
                lending,
                journals,
                mailto);
    }
}

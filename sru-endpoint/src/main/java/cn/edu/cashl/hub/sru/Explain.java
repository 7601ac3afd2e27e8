package cn.edu.cashl.hub.sru;

import cn.edu.cashl.hub.catalog.CatalogSearch;
import cn.edu.cashl.hub.catalog.CatalogSearch.SearchRequest;
import cn.edu.cashl.hub.catalog.CatalogSearch.SearchResult;
import cn.edu.cashl.hub.catalog.CatalogSearch.SortKey;
import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.sru.query.ContextSet;
import cn.edu.cashl.hub.sru.query.IndexCatalog;
import cn.edu.cashl.hub.sru.query.IndexKind;
import cn.edu.cashl.hub.sru.query.SruIndex;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The explain record: ZeeRex 2.0, generated from what the endpoint really does (the index
 * catalogue, the record schemas, the settings) and the catalogue's current size and last change.
 */
final class Explain {

    static final String ZEEREX_NAMESPACE = "http://explain.z3950.org/dtd/2.0/";

    private static final Map<IndexKind, List<String>> RELATIONS = Map.of(
            IndexKind.TEXT, List.of("=", "adj", "all", "any", "==", "exact", "<", ">", "<=", ">=", "<>"),
            IndexKind.WORDS, List.of("=", "adj", "all", "any"),
            IndexKind.CODE, List.of("=", "==", "exact", "any", "all", "<>"),
            IndexKind.ISBN, List.of("=", "==", "exact", "any", "all", "<>"),
            IndexKind.ISSN, List.of("=", "==", "exact", "any", "all", "<>"),
            IndexKind.NUMBER, List.of("=", "==", "exact", "<", ">", "<=", ">=", "<>", "within", "any"),
            IndexKind.DATE, List.of("=", "==", "exact", "<", ">", "<=", ">=", "<>", "within", "any"),
            IndexKind.SERVER_CHOICE, List.of("=", "adj", "all", "any"),
            IndexKind.ALL_RECORDS, List.of("="),
            IndexKind.RESULT_SET, List.of("=", "=="));

    private final CatalogSearch catalog;
    private final SruSettings settings;

    Explain(CatalogSearch catalog, SruSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    String record(SruVersion version, String baseUrl) {
        SearchResult latest = catalog.search(new SearchRequest(
                "*:*", Map.of(), List.of(new SortKey(SearchFields.DATESTAMP, true)), 0, null, 1, true, List.of()));
        URI uri = URI.create(baseUrl);
        XmlOut x = new XmlOut();
        x.open("zr:explain", "xmlns:zr", ZEEREX_NAMESPACE);
        x.open("zr:serverInfo", "protocol", "SRU", "version", version.label(), "transport", uri.getScheme());
        x.element("zr:host", uri.getHost());
        x.element("zr:port", uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80);
        x.open(
                "zr:database",
                "numRecs",
                Long.toString(latest.total()),
                "lastUpdate",
                latest.records().isEmpty()
                        ? null
                        : latest.records().get(0).datestamp().toString());
        x.text(uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath())
                .close("zr:database");
        x.close("zr:serverInfo");

        x.open("zr:databaseInfo");
        x.open("zr:title", "lang", "en", "primary", "true")
                .text(settings.databaseTitle())
                .close("zr:title");
        if (settings.databaseTitleZh() != null) {
            x.open("zr:title", "lang", "zh").text(settings.databaseTitleZh()).close("zr:title");
        }
        x.open("zr:description", "lang", "en", "primary", "true")
                .text("Union catalogue of the foreign-language "
                        + "humanities and social-science holdings of the CASHL member libraries, one record per work with "
                        + "every library's holdings.")
                .close("zr:description");
        x.open("zr:extent", "lang", "en")
                .text(latest.total() + " master records")
                .close("zr:extent");
        x.element("zr:contact", settings.contact());
        x.open("zr:implementation", "identifier", "cashl-hub", "version", "0.1")
                .element("zr:title", "CASHL Hub")
                .close("zr:implementation");
        x.close("zr:databaseInfo");

        if (!latest.records().isEmpty()) {
            x.open("zr:metaInfo")
                    .element(
                            "zr:dateModified",
                            latest.records().get(0).datestamp().toString())
                    .close("zr:metaInfo");
        }

        x.open("zr:indexInfo");
        for (ContextSet set : IndexCatalog.SETS) {
            x.open("zr:set", "name", set.prefix(), "identifier", set.identifier())
                    .element("zr:title", set.title())
                    .close("zr:set");
        }
        for (SruIndex index : IndexCatalog.all()) {
            x.open(
                    "zr:index",
                    "search",
                    "true",
                    "scan",
                    Boolean.toString(index.scannable() && index.kind() != IndexKind.DATE),
                    "sort",
                    Boolean.toString(index.sortField() != null));
            x.element("zr:title", index.title());
            x.open("zr:map")
                    .open("zr:name", "set", index.set().prefix())
                    .text(index.name())
                    .close("zr:name")
                    .close("zr:map");
            x.open("zr:configInfo");
            for (String relation : RELATIONS.get(index.kind())) {
                x.open("zr:supports", "type", "relation").text(relation).close("zr:supports");
            }
            x.close("zr:configInfo");
            x.close("zr:index");
        }
        x.close("zr:indexInfo");

        x.open("zr:schemaInfo");
        for (RecordSchema schema : RecordSchema.ALL) {
            String location = schema.location().startsWith("/")
                    ? uri.resolve(schema.location()).toString()
                    : schema.location();
            x.open(
                            "zr:schema",
                            "identifier",
                            schema.uri(),
                            "name",
                            schema.name(),
                            "location",
                            location,
                            "sort",
                            "false",
                            "retrieve",
                            "true")
                    .element("zr:title", schema.title())
                    .close("zr:schema");
        }
        x.close("zr:schemaInfo");

        x.open("zr:configInfo");
        setting(x, "zr:default", "numberOfRecords", settings.defaultRecords());
        setting(x, "zr:setting", "maximumRecords", settings.maximumRecords());
        setting(x, "zr:default", "retrieveSchema", settings.defaultSchema());
        setting(x, "zr:default", "contextSet", IndexCatalog.DEFAULT_SET.prefix());
        setting(x, "zr:default", "index", "cql.serverChoice");
        setting(x, "zr:default", "relation", "=");
        setting(x, "zr:default", "resultSetTTL", settings.resultSetTtl().toSeconds());
        setting(
                x,
                "zr:setting",
                "maximumResultSetTTL",
                settings.maximumResultSetTtl().toSeconds());
        setting(x, "zr:setting", "maximumTerms", settings.maximumTerms());
        for (String feature : List.of(
                "resultSets", "sort", "scan", "relationModifier", "booleanModifier", "maskingCharacter", "anchoring")) {
            x.open("zr:supports", "type", feature).close("zr:supports");
        }
        for (String modifier : List.of("relevant", "fuzzy", "masked", "unmasked", "ignoreCase", "ignoreAccents")) {
            x.open("zr:supports", "type", "relationModifier").text(modifier).close("zr:supports");
        }
        for (String modifier :
                List.of("prox/unit=word", "prox/distance<=", "prox/distance<", "prox/ordered", "prox/unordered")) {
            x.open("zr:supports", "type", "booleanModifier").text(modifier).close("zr:supports");
        }
        for (String facet : Facets.indexes()) {
            x.open("zr:supports", "type", "facet").text(facet).close("zr:supports");
        }
        x.close("zr:configInfo");
        x.close("zr:explain");
        return x.toString();
    }

    private static void setting(XmlOut x, String element, String type, Object value) {
        x.open(element, "type", type).text(String.valueOf(value)).close(element);
    }
}

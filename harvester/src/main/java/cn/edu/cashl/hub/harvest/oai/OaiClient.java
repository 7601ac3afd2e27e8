package cn.edu.cashl.hub.harvest.oai;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Speaks OAI-PMH to one repository, one page at a time: a request, its bytes repaired, its XML
 * parsed. A page that is still not well-formed after repair (truncated on the way, say) is asked
 * for again like any transient failure; when the tries run out the harvest stops with a
 * {@link HarvestFault}, never skipping the page.
 */
public final class OaiClient {

    private final String baseUrl;
    private final HttpFetcher fetcher;
    private final OaiResponseParser parser;
    private final RetryPolicy retry;
    private boolean acceptCompression;

    public OaiClient(String baseUrl, HttpFetcher fetcher, OaiResponseParser parser, RetryPolicy retry) {
        this.baseUrl = baseUrl.strip();
        this.fetcher = fetcher;
        this.parser = parser;
        this.retry = retry;
    }

    /** Identify, which also decides whether later requests offer compression. */
    public Identify identify(FetchListener listener) throws HarvestFault, InterruptedException {
        OaiResponse response = request(Map.of("verb", "Identify"), "Identify", listener);
        if (response.isError() || response.identify() == null) {
            throw new HarvestFault("Identify failed: "
                    + (response.isError()
                            ? response.errorCode() + ": " + response.errorMessage()
                            : "the answer is not an Identify response"));
        }
        acceptCompression = response.identify().compression().stream()
                .anyMatch(c -> c.equalsIgnoreCase("gzip") || c.equalsIgnoreCase("deflate"));
        return response.identify();
    }

    /** ListMetadataFormats for the whole repository: the prefixes are in {@link OaiResponse#metadataPrefixes}. */
    public OaiResponse listMetadataFormats(FetchListener listener) throws HarvestFault, InterruptedException {
        return request(Map.of("verb", "ListMetadataFormats"), "ListMetadataFormats", listener);
    }

    /** The first page of a ListRecords list; null arguments are left out. */
    public OaiResponse listRecords(
            String metadataPrefix, String set, String from, String until, String pageName, FetchListener listener)
            throws HarvestFault, InterruptedException {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("verb", "ListRecords");
        arguments.put("metadataPrefix", metadataPrefix);
        if (set != null) {
            arguments.put("set", set);
        }
        if (from != null) {
            arguments.put("from", from);
        }
        if (until != null) {
            arguments.put("until", until);
        }
        return request(arguments, pageName, listener);
    }

    /** The page a resumption token stands for. */
    public OaiResponse resume(String token, String pageName, FetchListener listener)
            throws HarvestFault, InterruptedException {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("verb", "ListRecords");
        arguments.put("resumptionToken", token);
        return request(arguments, pageName, listener);
    }

    private OaiResponse request(Map<String, String> arguments, String pageName, FetchListener listener)
            throws HarvestFault, InterruptedException {
        URI uri = uri(arguments);
        for (int attempt = 1; ; attempt++) {
            byte[] body = fetcher.get(uri, acceptCompression, listener);
            TextRepair.Repaired text = TextRepair.repair(body);
            try {
                OaiResponse response = parser.parse(text.text(), text.repairs(), pageName);
                response.repairs().forEach(listener::repaired);
                return response;
            } catch (MalformedResponseException e) {
                retry.unusableAnswer(attempt, e.getMessage(), listener);
            }
        }
    }

    URI uri(Map<String, String> arguments) {
        StringBuilder url = new StringBuilder(baseUrl);
        char separator = baseUrl.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> argument : arguments.entrySet()) {
            url.append(separator)
                    .append(argument.getKey())
                    .append('=')
                    .append(URLEncoder.encode(argument.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(url.toString());
    }
}

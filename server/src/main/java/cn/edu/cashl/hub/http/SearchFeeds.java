package cn.edu.cashl.hub.http;

import cn.edu.cashl.hub.discovery.Discovery;
import cn.edu.cashl.hub.discovery.ReaderQuery;
import cn.edu.cashl.hub.discovery.ResultPage;
import cn.edu.cashl.hub.discovery.opensearch.ResultFeed;
import cn.edu.cashl.hub.discovery.opensearch.ResultJson;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * {@code /search?format=atom|rss|json}: a page of results for feed readers, OpenSearch clients and
 * the search box on other sites. Open to every origin and read without cookies: the home library
 * comes only from the URL ({@code library=}).
 */
final class SearchFeeds {

    private SearchFeeds() {}

    static Response answer(String format, Discovery discovery, ReaderQuery asked, ReaderRequest request) {
        // A feed is the same for everyone who asks for the same URL: no cookie decides it.
        String library = ReaderRequest.first(request.params, "library");
        ReaderQuery query = new ReaderQuery(
                asked.text(), asked.field(), asked.filters(), asked.sort(), asked.page(), asked.size(), library);
        ResultPage page = query.isEmpty() ? ResultPage.empty(query) : discovery.search(query);
        String body;
        String type;
        switch (format) {
            case "atom" -> {
                body = ResultFeed.atom(page, request.site, Instant.now());
                type = ResultFeed.ATOM;
            }
            case "rss" -> {
                body = ResultFeed.rss(page, request.site, Instant.now());
                type = ResultFeed.RSS;
            }
            case "json" -> {
                body = ResultJson.write(page, request.site, request.text);
                type = ResultJson.MEDIA_TYPE;
            }
            default -> {
                return Response.status(Response.Status.NOT_ACCEPTABLE)
                        .type("text/plain; charset=UTF-8")
                        .entity("format is html, atom, rss or json, not '" + format + "'.\n")
                        .header("Access-Control-Allow-Origin", "*")
                        .build();
            }
        }
        return Response.ok(body)
                .type(type)
                .header("Access-Control-Allow-Origin", "*")
                .header("Vary", "Accept-Language")
                .header("Cache-Control", "public, max-age=60")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}

package cn.edu.cashl.hub.http;

import cn.edu.cashl.hub.catalog.StoreException;
import cn.edu.cashl.hub.discovery.Discovery;
import cn.edu.cashl.hub.discovery.ReaderQuery;
import cn.edu.cashl.hub.discovery.RecordView;
import cn.edu.cashl.hub.discovery.ResultPage;
import cn.edu.cashl.hub.discovery.SearchProblem;
import cn.edu.cashl.hub.discovery.cite.CitationFormat;
import cn.edu.cashl.hub.discovery.opensearch.OpenSearchDescription;
import cn.edu.cashl.hub.discovery.opensearch.SuggestionsJson;
import cn.edu.cashl.hub.discovery.page.RecordPage;
import cn.edu.cashl.hub.discovery.page.SearchPage;
import cn.edu.cashl.hub.discovery.page.WidgetBuilderPage;
import cn.edu.cashl.hub.resolver.Member;
import cn.edu.cashl.hub.resolver.Resolver;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader's pages (docs/search.md): {@code /} (the search form, or results when the URL holds a
 * search), {@code /search} (results), {@code /record/{id}} (a master record, or its citation with
 * {@code format=ris|bibtex|csl-json}). HTML that works without script; a search the catalogue cannot
 * run is a page that says why, never an error page.
 */
@Path("/")
public final class ReaderPagesResource {

    private static final Logger LOG = LoggerFactory.getLogger(ReaderPagesResource.class);

    private final Discovery discovery;
    private final Resolver resolver;
    private final String hubUrl;
    private final String repositoryIdentifier;

    @Inject
    public ReaderPagesResource(
            Discovery discovery,
            Resolver resolver,
            @Named("hubUrl") String hubUrl,
            @Named("repositoryIdentifier") String repositoryIdentifier) {
        this.discovery = discovery;
        this.resolver = resolver;
        this.hubUrl = hubUrl;
        this.repositoryIdentifier = repositoryIdentifier;
    }

    @GET
    public Response home(@Context UriInfo uri, @Context HttpHeaders headers) {
        ReaderRequest request = request(uri, headers);
        ReaderQuery query = ReaderQuery.from(request.params, request.library);
        if (!query.isEmpty()) {
            return results(request, query);
        }
        return request.page(Response.Status.OK, SearchPage.home(query, request.text, request.site))
                .build();
    }

    @GET
    @Path("search")
    public Response search(@Context UriInfo uri, @Context HttpHeaders headers) {
        ReaderRequest request = request(uri, headers);
        ReaderQuery query = ReaderQuery.from(request.params, request.library);
        String format = ReaderRequest.first(request.params, "format");
        if (format != null && !format.equals("html")) {
            return SearchFeeds.answer(format, discovery, query, request);
        }
        if (query.isEmpty()) {
            return request.page(Response.Status.OK, SearchPage.home(query, request.text, request.site))
                    .build();
        }
        return results(request, query);
    }

    private Response results(ReaderRequest request, ReaderQuery query) {
        ResultPage page = discovery.search(query);
        Response.Status status = page.problem() != null && page.problem().kind() == SearchProblem.Kind.UNAVAILABLE
                ? Response.Status.SERVICE_UNAVAILABLE
                : Response.Status.OK;
        Response.ResponseBuilder response = request.page(status, SearchPage.results(page, request.text, request.site));
        if (status == Response.Status.SERVICE_UNAVAILABLE) {
            response.header("Retry-After", 60);
        }
        return response.build();
    }

    @GET
    @Path("record/{id}")
    public Response record(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        ReaderRequest request = request(uri, headers);
        String format = ReaderRequest.first(request.params, "format");
        CitationFormat citation = CitationFormat.of(format);
        Optional<RecordView> view;
        try {
            view = discovery.record(id, request.library);
        } catch (StoreException e) {
            LOG.warn("a record page could not read the catalogue: {}", e.getMessage());
            return request.page(
                            Response.Status.SERVICE_UNAVAILABLE,
                            SearchPage.results(ResultPage.unavailable(ReaderQuery.of("")), request.text, request.site))
                    .header("Retry-After", 60)
                    .build();
        }
        if (view.isEmpty()) {
            return request.page(
                            Response.Status.NOT_FOUND,
                            RecordPage.missing(id, request.library, request.text, request.site))
                    .build();
        }
        if (citation != null) {
            return Response.ok(citation.write(id, view.get().hit().record(), request.site.recordUrl(id)))
                    .type(citation.mediaType())
                    .header("Content-Disposition", "attachment; filename=\"" + citation.fileName(id) + "\"")
                    .header("Access-Control-Allow-Origin", "*")
                    .header("X-Content-Type-Options", "nosniff")
                    .build();
        }
        return request.page(
                        Response.Status.OK, RecordPage.write(view.get(), request.library, request.text, request.site))
                .build();
    }

    /** OpenSearch suggestions for what the reader has typed ({@code q}), for the search box and browsers. */
    @GET
    @Path("suggest")
    public Response suggest(@QueryParam("q") String typed, @Context UriInfo uri, @Context HttpHeaders headers) {
        ReaderRequest request = request(uri, headers);
        List<String> titles = discovery.suggest(typed, Discovery.MAX_SUGGESTIONS);
        return Response.ok(SuggestionsJson.write(typed, titles, request.site))
                .type(SuggestionsJson.MEDIA_TYPE)
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "public, max-age=300")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** The OpenSearch description the pages link from their head. */
    @GET
    @Path("opensearch.xml")
    public Response openSearch(@Context UriInfo uri, @Context HttpHeaders headers) {
        ReaderRequest request = request(uri, headers);
        return Response.ok(OpenSearchDescription.write(request.site))
                .type(OpenSearchDescription.MEDIA_TYPE)
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "public, max-age=86400")
                .build();
    }

    /**
     * {@code /widget/}: the search box builder ({@code /widget} is sent there, so that its relative
     * links work).
     */
    @GET
    @Path("widget")
    public Response builder(@Context UriInfo uri, @Context HttpHeaders headers) {
        ReaderRequest request = request(uri, headers);
        if (!uri.getRequestUri().getRawPath().endsWith("/")) {
            return Response.seeOther(URI.create(request.site.path("/widget/"))).build();
        }
        WidgetBuilderPage.Options options = options(request);
        return request.page(Response.Status.OK, WidgetBuilderPage.write(options, request.text, request.site))
                .build();
    }

    /** The builder's code for a set of options ({@code part=element}: the element alone, for the preview). */
    @GET
    @Path("widget/snippet")
    public Response snippet(@Context UriInfo uri, @Context HttpHeaders headers) {
        ReaderRequest request = request(uri, headers);
        WidgetBuilderPage.Options options = options(request);
        String code = "element".equals(ReaderRequest.first(request.params, "part"))
                ? WidgetBuilderPage.element(options, request.site, request.text)
                : WidgetBuilderPage.snippet(options, request.site, request.text);
        return Response.ok(code)
                .type("text/plain; charset=UTF-8")
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private WidgetBuilderPage.Options options(ReaderRequest request) {
        Set<String> codes =
                request.site.libraries().members().stream().map(Member::code).collect(Collectors.toSet());
        return WidgetBuilderPage.Options.from(request.params, codes);
    }

    private ReaderRequest request(UriInfo uri, HttpHeaders headers) {
        return ReaderRequest.of(uri, headers, hubUrl, repositoryIdentifier, resolver.libraries());
    }
}

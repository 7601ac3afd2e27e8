package cn.edu.cashl.hub.http;

import cn.edu.cashl.hub.openurl.KevParameters;
import cn.edu.cashl.hub.openurl.OpenUrlRequest;
import cn.edu.cashl.hub.resolver.Labels;
import cn.edu.cashl.hub.resolver.Option;
import cn.edu.cashl.hub.resolver.OptionKind;
import cn.edu.cashl.hub.resolver.Problem;
import cn.edu.cashl.hub.resolver.Resolution;
import cn.edu.cashl.hub.resolver.ResolutionJson;
import cn.edu.cashl.hub.resolver.ResolutionPage;
import cn.edu.cashl.hub.resolver.Resolver;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /openurl}: the E-first resolver (docs/efirst.md). OpenURL 1.0 KEV, 0.1 or both, GET with a
 * query string or POST with a form body (its query string read too). The request is read from the
 * bytes as sent, not from the container's decoded parameters, so that a malformed escape is
 * repaired and noted rather than refused. A page for people, JSON ({@code format=json} or
 * {@code Accept: application/json}) for discovery clients and apps; a request that names nothing
 * is a 400 with its explanation, a catalogue that cannot answer a 503 with the ILL hand-off, and no
 * answer is ever a 500.
 */
@Path("/openurl")
public final class OpenUrlResource {

    private static final Logger LOG = LoggerFactory.getLogger(OpenUrlResource.class);
    private static final MediaType JSON = MediaType.valueOf("application/json; charset=UTF-8");
    private static final MediaType HTML = MediaType.valueOf("text/html; charset=UTF-8");

    /** A form body larger than any citation: refused rather than read. */
    static final int MAX_BODY = 64 * 1024;

    private final Resolver resolver;

    @Inject
    public OpenUrlResource(Resolver resolver) {
        this.resolver = resolver;
    }

    @GET
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer(uri.getRequestUri().getRawQuery(), headers);
    }

    /**
     * A form ({@code application/x-www-form-urlencoded}) is read as KEV, as real sources send it;
     * a body of any other type is not a citation and is left aside.
     */
    @POST
    public Response post(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        if (body != null && body.length > MAX_BODY) {
            return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("An OpenURL form of more than " + MAX_BODY + " bytes is no citation.\n")
                    .build();
        }
        MediaType type = headers.getMediaType();
        boolean form = type == null
                || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.TEXT_PLAIN_TYPE);
        String query = uri.getRequestUri().getRawQuery();
        String kev = form && body != null && body.length > 0 ? new String(body, StandardCharsets.UTF_8) : "";
        return answer(query == null || query.isEmpty() ? kev : kev.isEmpty() ? query : query + "&" + kev, headers);
    }

    /** CORS preflight: discovery clients call the resolver from their own pages. */
    @OPTIONS
    public Response preflight() {
        return Response.noContent()
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                .header("Access-Control-Allow-Headers", "Content-Type, Accept, Accept-Language")
                .header("Access-Control-Max-Age", 86400)
                .build();
    }

    private Response answer(String query, HttpHeaders headers) {
        try {
            KevParameters kev = KevParameters.parse(query);
            Resolution resolution = resolver.resolve(OpenUrlRequest.of(kev));
            Response.ResponseBuilder response = Response.status(status(resolution.problem()))
                    .header("Access-Control-Allow-Origin", "*")
                    .header("Vary", "Accept, Accept-Language")
                    // Today's embargo walls and the sources of the moment decide: nothing to keep.
                    .header("Cache-Control", "no-store")
                    .header("X-Content-Type-Options", "nosniff");
            if (resolution.problem() == Problem.CATALOGUE_UNAVAILABLE) {
                response.header("Retry-After", 60);
            }
            if (wantsFullText(kev) && resolution.problem() == null) {
                Option best = resolution.best();
                if (best != null
                        && best.url() != null
                        && (best.kind() == OptionKind.OPEN_ACCESS || best.kind() == OptionKind.ELECTRONIC)) {
                    URI target = link(best.url());
                    if (target != null) {
                        // The full text itself was asked for and the best way is a link to it: go there.
                        return response.status(Response.Status.SEE_OTHER)
                                .location(target)
                                .build();
                    }
                }
            }
            if (wantsJson(kev.first("format"), headers)) {
                StreamingOutput body = out -> ResolutionJson.write(resolution, out);
                return response.entity(body).type(JSON).build();
            }
            Labels labels = Labels.negotiate(kev.first("lang"), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
            return response.entity(ResolutionPage.write(resolution, labels, query))
                    .type(HTML)
                    .header("Content-Security-Policy", ResolutionPage.CONTENT_SECURITY_POLICY)
                    .build();
        } catch (RuntimeException e) {
            // The resolver answers every request; this is the safety net under it.
            LOG.error("OpenURL request failed: {}", query, e);
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header("Retry-After", 60)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("The request failed inside the hub; the failure is logged.\n")
                    .build();
        }
    }

    /**
     * Whether the request asks for the full text itself: the OpenURL 1.0 service type
     * {@code svc.fulltext=yes} (the San Antonio profile's {@code sch_svc} format), which the hub's
     * own "Full text" links send. The resolver then sends the reader straight to the best way when
     * it is a link to the text (open access or a licence), and shows its page otherwise.
     */
    static boolean wantsFullText(KevParameters kev) {
        String value = kev.first("svc.fulltext");
        return value != null && value.equalsIgnoreCase("yes");
    }

    /** An absolute http(s) link, or null for one that is not (the page then shows it as it is). */
    private static URI link(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http") ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Response.Status status(Problem problem) {
        if (problem == null) {
            return Response.Status.OK;
        }
        return switch (problem) {
            case EMPTY, NOTHING_TO_LOOK_FOR -> Response.Status.BAD_REQUEST;
            case CATALOGUE_UNAVAILABLE -> Response.Status.SERVICE_UNAVAILABLE;
        };
    }

    /**
     * JSON when {@code format=json}, a page when {@code format=html}; otherwise by the Accept
     * header, most preferred first: JSON before any HTML or wildcard means JSON.
     */
    static boolean wantsJson(String format, HttpHeaders headers) {
        if (format != null) {
            return format.equalsIgnoreCase("json");
        }
        List<MediaType> accepted;
        try {
            accepted = headers.getAcceptableMediaTypes();
        } catch (RuntimeException e) {
            return false; // an Accept header that is no list of media types asks for nothing in particular
        }
        for (MediaType type : accepted) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return false;
            }
            if (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
                return true;
            }
            if (type.getSubtype().equals("html") || type.getSubtype().equals("xhtml+xml")) {
                return false;
            }
        }
        return false;
    }
}

package cn.edu.cashl.hub.http;

import cn.edu.cashl.hub.sru.JsonResponses;
import cn.edu.cashl.hub.sru.SruEndpoint;
import cn.edu.cashl.hub.sru.SruResponse;
import cn.edu.cashl.hub.sru.XmlResponses;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /sru}: SRU 1.1, 1.2 and 2.0, GET with a query string or POST with a form body. Every
 * answer is HTTP 200 with the protocol's own diagnostics; XML by default, JSON when
 * {@code httpAccept=application/json} or the Accept header prefers it. Open to every origin (CORS):
 * web and mobile clients call it from their own pages.
 */
@Path("/sru")
public final class SruResource {

    private static final Logger LOG = LoggerFactory.getLogger(SruResource.class);
    private static final MediaType JSON = MediaType.valueOf("application/json; charset=UTF-8");
    private static final int CHUNK = 8192;

    private final SruEndpoint endpoint;
    private final String hubUrl;

    @Inject
    public SruResource(SruEndpoint endpoint, @Named("hubUrl") String hubUrl) {
        this.endpoint = endpoint;
        this.hubUrl = hubUrl;
    }

    @GET
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer(uri.getQueryParameters(), uri, headers);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(MultivaluedMap<String, String> form, @Context UriInfo uri, @Context HttpHeaders headers) {
        return answer(form == null ? new MultivaluedHashMap<>() : form, uri, headers);
    }

    /** A POST without a form body carries no parameters: the answer is explain. */
    @POST
    public Response postWithoutForm(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer(new MultivaluedHashMap<>(), uri, headers);
    }

    /** CORS preflight. */
    @OPTIONS
    public Response preflight() {
        return cors(Response.noContent())
                .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                .header("Access-Control-Allow-Headers", "Content-Type, Accept")
                .header("Access-Control-Max-Age", 86400)
                .build();
    }

    private Response answer(Map<String, List<String>> params, UriInfo uri, HttpHeaders headers) {
        String baseUrl = baseUrl(uri);
        try {
            SruResponse response = endpoint.answer(params, baseUrl);
            if (wantsJson(params, headers)) {
                return cors(Response.ok(chunked(JsonResponses.write(response)), JSON))
                        .build();
            }
            return cors(Response.ok(
                            chunked(XmlResponses.write(response)), MediaType.valueOf(XmlResponses.contentType(params))))
                    .build();
        } catch (RuntimeException e) {
            // SruEndpoint answers every failure with a diagnostic; this is the writers' safety net.
            LOG.error("SRU request failed", e);
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header("Retry-After", 60)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("The request failed inside the hub; the failure is logged.\n")
                    .build();
        }
    }

    /**
     * The body written in pieces: a String entity is copied whole into one char array, which for a
     * page of 100 MARC records is a 600 KB allocation on every request (and a G1 humongous one).
     */
    private static StreamingOutput chunked(String body) {
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (int from = 0; from < body.length(); from += CHUNK) {
                writer.write(body, from, Math.min(CHUNK, body.length() - from));
            }
            writer.flush();
        };
    }

    static boolean wantsJson(Map<String, List<String>> params, HttpHeaders headers) {
        List<String> httpAccept = params.get("httpAccept");
        if (httpAccept != null && !httpAccept.isEmpty()) {
            return httpAccept.get(0).startsWith("application/json");
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return true;
            }
            if (type.getSubtype().endsWith("xml")) {
                return false;
            }
        }
        return false;
    }

    private static Response.ResponseBuilder cors(Response.ResponseBuilder response) {
        return response.header("Access-Control-Allow-Origin", "*").header("Vary", "Accept");
    }

    private String baseUrl(UriInfo uri) {
        String base =
                hubUrl != null && !hubUrl.isBlank() ? hubUrl : uri.getBaseUri().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/sru";
    }
}

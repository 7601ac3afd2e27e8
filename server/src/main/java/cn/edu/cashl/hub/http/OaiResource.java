package cn.edu.cashl.hub.http;

import cn.edu.cashl.hub.oai.OaiProvider;
import cn.edu.cashl.hub.oai.OaiUnavailableException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /oai}: the OAI-PMH 2.0 endpoint, GET with a query string or POST with a form body.
 * Protocol errors are OAI-PMH error responses (HTTP 200); the only other status is 503 with
 * Retry-After, when the hub is busy or the catalogue cannot answer. Compression (gzip, when the
 * harvester accepts it) is the HTTP server's.
 */
@Path("/oai")
public final class OaiResource {

    private static final Logger LOG = LoggerFactory.getLogger(OaiResource.class);
    private static final MediaType XML = MediaType.valueOf("text/xml; charset=UTF-8");

    private final OaiProvider provider;
    private final OaiGate gate;
    private final String hubUrl;

    /**
     * @param hubUrl the hub's public URL as configured ({@code hub.baseUrl}); empty: each request's own
     */
    @Inject
    public OaiResource(OaiProvider provider, OaiGate gate, @Named("hubUrl") String hubUrl) {
        this.provider = provider;
        this.gate = gate;
        this.hubUrl = hubUrl;
    }

    @GET
    public Response get(@Context UriInfo uri) {
        return answer(uri.getQueryParameters(), uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(MultivaluedMap<String, String> form, @Context UriInfo uri) {
        return answer(form == null ? new MultivaluedHashMap<>() : form, uri);
    }

    /** A POST without a form body carries no arguments: the answer is badVerb. */
    @POST
    public Response postWithoutForm(@Context UriInfo uri) {
        return answer(new MultivaluedHashMap<>(), uri);
    }

    private Response answer(Map<String, List<String>> parameters, UriInfo uri) {
        if (!gate.enter()) {
            return unavailable(OaiGate.RETRY_AFTER_SECONDS, "The OAI-PMH service is busy.");
        }
        boolean streaming = false;
        try {
            OaiProvider.Response response = provider.answer(parameters, hubUrl(uri));
            StreamingOutput body = out -> {
                try {
                    response.writeTo(out);
                } finally {
                    gate.leave();
                }
            };
            streaming = true;
            return Response.ok(body, XML).build();
        } catch (OaiUnavailableException e) {
            LOG.warn("OAI-PMH request answered 503: {}", e.getMessage());
            return unavailable(e.retryAfterSeconds(), "The catalogue cannot answer now: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("OAI-PMH request failed", e);
            return unavailable(60, "The request failed inside the hub; the failure is logged.");
        } finally {
            if (!streaming) {
                gate.leave();
            }
        }
    }

    private String hubUrl(UriInfo uri) {
        if (hubUrl != null && !hubUrl.isBlank()) {
            return hubUrl.endsWith("/") ? hubUrl.substring(0, hubUrl.length() - 1) : hubUrl;
        }
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static Response unavailable(int retryAfter, String message) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", retryAfter)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(message + " Retry after " + retryAfter + " seconds.\n")
                .build();
    }
}

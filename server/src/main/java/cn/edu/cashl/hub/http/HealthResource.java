package cn.edu.cashl.hub.http;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.StoreHealth;
import cn.edu.cashl.hub.db.Database;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: whether Solr and the database answer, as JSON. 200 when everything is up,
 * 503 otherwise, so that a load balancer or monitor needs only the status code.
 */
@Path("/health")
public final class HealthResource {

    private final CatalogStore store;
    private final Database database;
    private final String version;

    /** @param version the hub's release, given by the server so that this adapter needs no lifecycle class */
    @Inject
    public HealthResource(CatalogStore store, Database database, @Named("hubVersion") String version) {
        this.store = store;
        this.database = database;
        this.version = version;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        StoreHealth solr = store.health();
        Database.Health db = database.health();
        boolean up = solr.up() && db.up();

        Map<String, Object> collections = new LinkedHashMap<>();
        solr.collections()
                .forEach((name, c) -> collections.put(
                        name,
                        c.up()
                                ? Map.of("status", "UP", "records", c.records())
                                : Map.of("status", "DOWN", "error", c.error())));
        Map<String, Object> solrJson = new LinkedHashMap<>();
        solrJson.put("status", status(solr.up()));
        solrJson.put("mode", solr.mode());
        solrJson.put("collections", collections);

        Map<String, Object> dbJson = new LinkedHashMap<>();
        dbJson.put("status", status(db.up()));
        if (db.up()) {
            dbJson.put("product", db.product());
            dbJson.put("version", db.version());
        } else {
            dbJson.put("error", db.error());
        }

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status(up));
        body.put("version", version);
        body.put("solr", solrJson);
        body.put("database", dbJson);
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(body)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }
}

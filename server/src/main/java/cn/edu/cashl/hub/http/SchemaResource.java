package cn.edu.cashl.hub.http;

import cn.edu.cashl.hub.schema.CashlRecords;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * {@code /schemas/cashl-record-v1.xsd}: the XSD of the canonical record, which the OAI-PMH
 * {@code cashl} format and the SRU {@code cashl} schema name, so that harvesters can validate.
 */
@Path("/schemas")
public final class SchemaResource {

    @GET
    @Path("cashl-record-v1.xsd")
    public Response cashlRecord() {
        InputStream xsd = CashlRecords.class.getResourceAsStream(CashlRecords.XSD_RESOURCE);
        if (xsd == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return Response.ok(xsd, MediaType.valueOf("application/xml; charset=UTF-8"))
                .build();
    }
}

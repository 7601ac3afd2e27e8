package cn.edu.cashl.hub.admin.crosswalk;

import cn.edu.cashl.hub.admin.common.AdminErrors;
import cn.edu.cashl.hub.crosswalk.CompileError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /admin/api/crosswalks/{id}/check} and {@code preview}: what an edited stylesheet would do,
 * before anything is saved: does it compile, and what does it make of records (open to admins and
 * editors; see {@link CrosswalksResource} for the shared root path).
 */
@Path("/admin/api/crosswalks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "editor"})
public final class CrosswalkCheckResource {

    private static final int PREVIEW_RECORDS = 5;

    private final CrosswalkEditor editor;
    private final CrosswalkPreview preview;

    @Inject
    public CrosswalkCheckResource(CrosswalkEditor editor, CrosswalkPreview preview) {
        this.editor = editor;
        this.preview = preview;
    }

    @POST
    @Path("{id}/check")
    public Response check(@PathParam("id") String id, StylesheetRequest body) {
        if (!CrosswalkUsage.exists(id)) {
            return UnknownCrosswalk.answer(id);
        }
        if (body == null || body.stylesheet() == null) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, "send {\"stylesheet\": ...}");
        }
        List<CompileError> problems = editor.check(id, body.stylesheet());
        return Response.ok(new CheckJson(problems.isEmpty(), ProblemJson.compile(problems)))
                .build();
    }

    @POST
    @Path("{id}/preview")
    public Response preview(@PathParam("id") String id, PreviewRequest body) {
        if (!CrosswalkUsage.exists(id)) {
            return UnknownCrosswalk.answer(id);
        }
        if (body == null || body.stylesheet() == null) {
            return AdminErrors.error(
                    Response.Status.BAD_REQUEST,
                    "send {\"stylesheet\", \"source\", \"count\"} or {\"stylesheet\", \"xml\"}");
        }
        CrosswalkPreview.Report report;
        try {
            report = preview.run(
                    id,
                    editor.versions().latest(id) + 1,
                    body.stylesheet(),
                    body.source(),
                    body.xml(),
                    body.count() == null ? PREVIEW_RECORDS : body.count());
        } catch (IllegalArgumentException e) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        return Response.ok(PreviewJson.of(report)).build();
    }
}

package cn.edu.cashl.hub.admin.article;

import cn.edu.cashl.hub.admin.common.AdminErrors;
import cn.edu.cashl.hub.source.JournalListFiles;
import cn.edu.cashl.hub.source.JournalListReader;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.Sources;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code /admin/api/journal-lists}: the journal lists that scope the sources' articles
 * (docs/articles.md), read, downloaded, uploaded and deleted as the files of {@code config/journals}
 * (admin role, as the sources that name them).
 */
@Path("/admin/api/journal-lists")
@Produces(MediaType.APPLICATION_JSON)
public final class JournalListsResource {

    private static final String TSV = "text/tab-separated-values";
    /** Enough lines to see what is wrong with a list; the count says how many there are. */
    private static final int SHOWN_REJECTED = 100;

    private final JournalListFolder folder;
    private final Sources sources;

    @Inject
    public JournalListsResource(JournalListFolder folder, Sources sources) {
        this.folder = folder;
        this.sources = sources;
    }

    @GET
    public JournalListsJson lists() {
        return new JournalListsJson(folder.lists().stream()
                .map(entry -> new JournalListJson(
                        entry.id(),
                        entry.journals(),
                        entry.rejectedLines(),
                        entry.modifiedAt() == null ? null : entry.modifiedAt().toString(),
                        usedBy(entry.id()),
                        entry.error()))
                .toList());
    }

    /** The list's file as it is, for download. */
    @GET
    @Path("{id}")
    @Produces({TSV, "text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public Response download(@PathParam("id") String id) throws IOException {
        Optional<Response> invalid = invalid(id);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Optional<JournalListFolder.Download> opened = folder.open(id);
        if (opened.isEmpty()) {
            return unknown(id);
        }
        JournalListFolder.Download file = opened.get();
        StreamingOutput body = out -> {
            try (file) {
                file.content().transferTo(out);
            }
        };
        return Response.ok(body)
                .type(type(file.fileName()) + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .build();
    }

    /** Saves a list sent as text (UTF-8), after reading it: a list without a single journal is refused. */
    @PUT
    @Path("{id}")
    @Consumes({MediaType.TEXT_PLAIN, TSV, "text/csv"})
    public Response save(@PathParam("id") String id, InputStream text) throws IOException {
        Optional<Response> invalid = invalid(id);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        JournalListFolder.Upload upload = folder.save(id, text);
        return switch (upload.outcome()) {
            case SAVED ->
                Response.ok(new SavedJournalListJson(
                                id, upload.journals(), shown(upload.rejected()), upload.rejectedLines()))
                        .build();
            case NO_JOURNAL ->
                AdminErrors.json(
                        Response.Status.BAD_REQUEST.getStatusCode(),
                        new JournalListRefusalJson(
                                "no line of the list has a valid ISSN; nothing was saved",
                                shown(upload.rejected()),
                                upload.rejectedLines()));
            case NOT_UTF8 ->
                AdminErrors.error(Response.Status.BAD_REQUEST, "the list is not UTF-8 text; nothing was saved");
            case TOO_LARGE ->
                AdminErrors.error(
                        Response.Status.REQUEST_ENTITY_TOO_LARGE,
                        "a journal list may have at most " + JournalListFolder.MAX_BYTES / (1024 * 1024) + " MB");
        };
    }

    /** Deletes a list no source names. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) throws IOException {
        Optional<Response> invalid = invalid(id);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        if (!folder.exists(id)) {
            return unknown(id);
        }
        List<String> users = usedBy(id);
        if (!users.isEmpty()) {
            return AdminErrors.json(
                    Response.Status.CONFLICT.getStatusCode(),
                    new JournalListInUseJson(
                            "journal list " + id + " is named by the sources " + String.join(", ", users)
                                    + ": change their journals first",
                            users));
        }
        return folder.delete(id) ? Response.noContent().build() : unknown(id);
    }

    /** The sources whose articles the list scopes (or, for a Crossref source, whose works it asks for). */
    private List<String> usedBy(String id) {
        return sources.all().stream()
                .filter(source -> id.equals(source.journals()))
                .map(Source::id)
                .toList();
    }

    private static Optional<Response> invalid(String id) {
        return JournalListFiles.isListId(id)
                ? Optional.empty()
                : Optional.of(AdminErrors.error(
                        Response.Status.BAD_REQUEST,
                        "a journal list id is a lower-case code of at most 64 letters, digits, . _ -"));
    }

    private static Response unknown(String id) {
        return AdminErrors.notFound("no journal list " + id);
    }

    private static List<JournalListReader.Rejected> shown(List<JournalListReader.Rejected> rejected) {
        return rejected.subList(0, Math.min(SHOWN_REJECTED, rejected.size()));
    }

    /** A list's file is served as what its name says it is. */
    private static String type(String fileName) {
        return fileName.endsWith(".csv") ? "text/csv" : fileName.endsWith(".txt") ? MediaType.TEXT_PLAIN : TSV;
    }
}

package cn.edu.cashl.hub.discovery.opensearch;

import cn.edu.cashl.hub.discovery.Availability;
import cn.edu.cashl.hub.discovery.Hit;
import cn.edu.cashl.hub.discovery.ReaderQuery;
import cn.edu.cashl.hub.discovery.RecordText;
import cn.edu.cashl.hub.discovery.ResultPage;
import cn.edu.cashl.hub.discovery.SearchProblem;
import cn.edu.cashl.hub.discovery.Site;
import cn.edu.cashl.hub.discovery.page.UiText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A page of results as JSON ({@code /search?format=json}), what the search box shows inline on
 * another site: the OpenSearch counts, and per record its title, authors, year, type, source, its
 * page, the one click to its full text, and its availability with labels in the reader's language.
 * Absolute URLs throughout: the answer is read on other sites.
 */
public final class ResultJson {

    public static final String MEDIA_TYPE = "application/json; charset=UTF-8";
    private static final JsonFactory JSON = new JsonFactory();

    private ResultJson() {}

    public static String write(ResultPage page, Site site, UiText text) {
        ReaderQuery query = page.query();
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("query", query.text());
            json.writeNumberField("totalResults", page.total());
            json.writeNumberField("startIndex", query.offset() + 1);
            json.writeNumberField("itemsPerPage", query.size());
            String parameters = query.queryString();
            json.writeStringField("html", site.url("/search") + (parameters.isEmpty() ? "" : "?" + parameters));
            if (page.problem() != null) {
                json.writeStringField(
                        "problem",
                        page.problem().kind() == SearchProblem.Kind.QUERY
                                ? text.queryProblem(page.problem().detail())
                                : text.unavailable());
            }
            json.writeArrayFieldStart("items");
            for (Hit hit : page.hits()) {
                item(json, hit, query.library(), site, text);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void item(JsonGenerator json, Hit hit, String library, Site site, UiText text) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", hit.id());
        json.writeStringField("title", RecordText.title(hit.record()));
        json.writeArrayFieldStart("authors");
        for (String author : RecordText.authors(hit.record())) {
            json.writeString(author);
        }
        json.writeEndArray();
        string(json, "year", RecordText.year(hit.record()));
        json.writeStringField("type", RecordText.type(hit.record()));
        json.writeStringField("typeLabel", text.type(RecordText.type(hit.record())));
        string(json, "source", RecordText.source(hit.record()));
        json.writeStringField("url", site.recordUrl(hit.id()));
        Availability a = hit.availability();
        if (a.bestIsFullText()) {
            json.writeStringField("fullText", site.resolverUrl(hit.id(), library, true));
        } else {
            json.writeNullField("fullText");
        }
        json.writeStringField("ways", site.resolverUrl(hit.id(), library, false));
        json.writeObjectFieldStart("availability");
        json.writeBooleanField("openAccess", a.openAccess());
        json.writeBooleanField("onlineHere", a.onlineHere());
        json.writeBooleanField("consortium", a.consortium());
        json.writeBooleanField("delivered", a.delivered());
        json.writeBooleanField("onShelf", a.onShelf());
        json.writeNumberField("printLibraries", a.printLibraries());
        json.writeArrayFieldStart("labels");
        for (Availability.Badge badge : a.badges()) {
            json.writeString(text.badge(badge, a));
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void string(JsonGenerator json, String field, String value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value);
        }
    }
}

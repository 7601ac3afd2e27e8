package cn.edu.cashl.hub.resolver;

import cn.edu.cashl.hub.openurl.OpenUrlRequest;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The answer as JSON, for discovery clients and mobile apps (docs/efirst.md, "The JSON answer"):
 * {@code citation} (what was understood), {@code matches} ({@code id}, {@code title},
 * {@code type}), {@code options[]} ({@code rank}, {@code kind}, {@code library}, {@code url},
 * {@code reason}, {@code coverage}) and {@code excluded[]} ({@code kind}, {@code library},
 * {@code reason}, {@code coverage}, and {@code availableOn} when an embargo will lift). Every key of
 * an option and of an exclusion is always there, null when it has no value, except
 * {@code availableOn}.
 */
public final class ResolutionJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ResolutionJson() {}

    public static void write(Resolution resolution, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            citation(json, resolution);
            json.writeArrayFieldStart("matches");
            for (Match match : resolution.matches()) {
                json.writeStartObject();
                json.writeStringField("id", match.id());
                json.writeStringField("title", match.title());
                json.writeStringField("type", match.type());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("options");
            for (Option option : resolution.options()) {
                json.writeStartObject();
                json.writeNumberField("rank", option.rank());
                json.writeStringField("kind", option.kind().code());
                json.writeStringField("library", option.library());
                json.writeStringField("url", option.url());
                json.writeStringField("reason", option.why().explanation());
                json.writeStringField("coverage", option.coverage());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("excluded");
            for (Exclusion exclusion : resolution.excluded()) {
                json.writeStartObject();
                json.writeStringField("kind", exclusion.kind().code());
                json.writeStringField("library", exclusion.library());
                json.writeStringField("reason", exclusion.why().explanation());
                json.writeStringField("coverage", exclusion.coverage());
                if (exclusion.why().availableOn() != null) {
                    json.writeStringField(
                            "availableOn", exclusion.why().availableOn().toString());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** What was understood: the citation's parts, the home library, the repairs, and a problem when there is one. */
    private static void citation(JsonGenerator json, Resolution resolution) throws IOException {
        OpenUrlRequest request = resolution.request();
        json.writeObjectFieldStart("citation");
        json.writeStringField("version", request.version());
        json.writeStringField("genre", request.genre());
        json.writeStringField("articleTitle", request.articleTitle());
        json.writeStringField("title", request.containerTitle());
        json.writeStringField("author", request.author());
        strings(json, "issns", request.issns());
        strings(json, "isbns", request.isbns());
        json.writeStringField("doi", request.doi());
        json.writeStringField("pmid", request.pmid());
        json.writeStringField("date", request.date());
        json.writeStringField(
                "period",
                resolution.citation().date() == null
                        ? null
                        : resolution.citation().date().partialDate());
        json.writeStringField("volume", request.volume());
        json.writeStringField("issue", request.issue());
        json.writeStringField("startPage", request.startPage());
        json.writeStringField("referrer", request.referrer());
        json.writeStringField(
                "library", resolution.home() == null ? null : resolution.home().code());
        if (resolution.problem() != null) {
            json.writeStringField("problem", resolution.problem().code());
            json.writeStringField("explanation", Labels.EN.problem(resolution.problem()));
        }
        strings(json, "notes", resolution.notes());
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}

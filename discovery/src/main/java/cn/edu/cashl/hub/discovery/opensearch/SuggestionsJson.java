package cn.edu.cashl.hub.discovery.opensearch;

import cn.edu.cashl.hub.discovery.Site;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Suggestions as the OpenSearch suggestions extension (1.0) has them, which browsers' search bars
 * and the search box read: {@code [typed, [completions], [descriptions], [urls]]}, each completion a
 * search for it.
 */
public final class SuggestionsJson {

    public static final String MEDIA_TYPE = "application/x-suggestions+json; charset=UTF-8";
    private static final JsonFactory JSON = new JsonFactory();

    private SuggestionsJson() {}

    public static String write(String typed, List<String> completions, Site site) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            json.writeString(typed == null ? "" : typed);
            json.writeStartArray();
            for (String completion : completions) {
                json.writeString(completion);
            }
            json.writeEndArray();
            json.writeStartArray();
            for (int i = 0; i < completions.size(); i++) {
                json.writeString("");
            }
            json.writeEndArray();
            json.writeStartArray();
            for (String completion : completions) {
                json.writeString(site.url("/search?field=title&q=" + Site.encode(completion)));
            }
            json.writeEndArray();
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

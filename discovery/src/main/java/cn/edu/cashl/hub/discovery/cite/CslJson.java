package cn.edu.cashl.hub.discovery.cite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** CSL-JSON (Citation Style Language 1.0 input data), an array of one item, as Zotero and Pandoc read it. */
final class CslJson {

    private static final JsonFactory JSON = new JsonFactory();

    private CslJson() {}

    static String write(CitedWork work) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            json.writeStartObject();
            json.writeStringField("id", work.id());
            json.writeStringField(
                    "type",
                    switch (work.kind()) {
                        case BOOK, EBOOK -> "book";
                        case ARTICLE -> "article-journal";
                        case JOURNAL -> "periodical";
                        case CHAPTER -> "chapter";
                        case THESIS -> "thesis";
                        case OTHER -> "document";
                    });
            string(json, "title", work.title());
            names(json, "author", work.authors());
            names(json, "editor", work.editors());
            if (work.year() != null && work.year().matches("\\d{1,4}")) {
                json.writeObjectFieldStart("issued");
                json.writeArrayFieldStart("date-parts");
                json.writeStartArray();
                json.writeNumber(Integer.parseInt(work.year()));
                json.writeEndArray();
                json.writeEndArray();
                json.writeEndObject();
            }
            string(json, "container-title", work.container());
            string(json, "volume", work.volume());
            string(json, "issue", work.issue());
            string(json, "page", work.pages());
            string(json, "publisher", work.publisher());
            string(json, "publisher-place", work.place());
            string(json, "edition", work.edition());
            string(json, "ISBN", work.isbns().isEmpty() ? null : work.isbns().get(0));
            string(json, "ISSN", work.issns().isEmpty() ? null : String.join(", ", work.issns()));
            string(json, "DOI", work.doi());
            string(json, "language", work.language());
            string(json, "keyword", work.keywords().isEmpty() ? null : String.join(", ", work.keywords()));
            string(json, "abstract", work.abstractText());
            string(json, "URL", work.url());
            json.writeEndObject();
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString() + "\n";
    }

    private static void names(JsonGenerator json, String field, List<CitedWork.Name> names) throws IOException {
        if (names.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart(field);
        for (CitedWork.Name name : names) {
            json.writeStartObject();
            if (name.literal()) {
                json.writeStringField("literal", name.family());
            } else {
                json.writeStringField("family", name.family());
                string(json, "given", name.given());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void string(JsonGenerator json, String field, String value) throws IOException {
        if (value != null && !value.isBlank()) {
            json.writeStringField(field, value);
        }
    }
}

package cn.edu.cashl.hub.ingest.read;

import cn.edu.cashl.hub.publish.XmlText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads Crossref works as JSON, one at a time, in every shape they come in: a REST API answer for
 * one work ({@code {"message-type": "work", "message": {...}}}) or a list of them ({@code
 * "work-list"}, its {@code message.items}), a bare work object, a JSON array of works, or the
 * snapshot files' one work per line. Each work becomes a record whose XML carries the work's JSON
 * as text ({@code <work xmlns="https://ns.cashl.edu.cn/crossref/v1">}), which {@code
 * crossref-to-cashl} reads with {@code json-to-xml}: the mapping stays in the crosswalk, where
 * admins edit it. Only one work is held in memory at a time, a work list's items included (read
 * from the stream one by one); a work that is not valid JSON ends the file with its position.
 */
public final class CrossrefReader extends LookAheadReader {

    public static final String NAMESPACE = "https://ns.cashl.edu.cn/crossref/v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonParser parser;
    private final String name;
    private int count;
    /**
     * Inside a work-list's {@code message.items}: the works are read from there one by one, and the
     * answer (one page of the API: up to 1,000 works, megabytes) is never held whole.
     */
    private boolean inItems;

    public CrossrefReader(InputStream in, String name) {
        try {
            this.parser = new JsonFactory(JSON).createParser(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.name = name;
    }

    @Override
    protected RawRecord readNext() {
        try {
            while (true) {
                if (inItems) {
                    RawRecord item = nextItem();
                    if (item != null) {
                        return item;
                    }
                    continue;
                }
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return null;
                }
                // A JSON array of works, or one work per line: every top-level object is a work.
                if (token != JsonToken.START_OBJECT) {
                    continue;
                }
                RawRecord work = topLevelObject();
                if (work != null) {
                    return work;
                }
            }
        } catch (IOException e) {
            giveUp();
            return RawRecord.unreadable(
                    name + ", work " + (count + 1),
                    "not Crossref JSON: "
                            + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                                    ? j.getOriginalMessage()
                                    : e.getMessage()),
                    null);
        }
    }

    /**
     * A top-level object, its start just read: an answer of the API or a bare work. A work answer
     * gives its {@code message}; a work-list answer leads into its items (null: read them next).
     */
    private RawRecord topLevelObject() throws IOException {
        ObjectNode fields = JSON.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("message") && value == JsonToken.START_OBJECT) {
                ObjectNode message = messageUpToItems();
                if (inItems) {
                    return null;
                }
                skipRestOfObject();
                return work(message);
            }
            fields.set(field, parser.readValueAsTree());
        }
        return work(fields);
    }

    /**
     * The fields of an answer's {@code message}, up to its {@code items} array if it has one (a work
     * has none: a work list), whose first work is then the next token.
     */
    private ObjectNode messageUpToItems() throws IOException {
        ObjectNode message = JSON.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("items") && value == JsonToken.START_ARRAY) {
                inItems = true;
                return message;
            }
            message.set(field, parser.readValueAsTree());
        }
        return message;
    }

    /** The next work of a list's items; null at their end, after which the rest of the answer is skipped. */
    private RawRecord nextItem() throws IOException {
        while (true) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new IOException("the list of works breaks off");
            }
            if (token == JsonToken.END_ARRAY) {
                inItems = false;
                skipRestOfObject(); // the message
                skipRestOfObject(); // the answer
                return null;
            }
            if (token == JsonToken.START_OBJECT) {
                return work(parser.readValueAsTree());
            }
            parser.skipChildren();
        }
    }

    /** Skips the fields left in the object being read, up to and including its end. */
    private void skipRestOfObject() throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            parser.nextToken();
            parser.skipChildren();
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IOException("the answer breaks off");
        }
    }

    private RawRecord work(JsonNode work) {
        count++;
        String doi = work.path("DOI").asText(null);
        StringBuilder xml = new StringBuilder(4096)
                .append("<work xmlns=\"")
                .append(NAMESPACE)
                .append("\">");
        XmlText.append(xml, work.toString(), false);
        xml.append("</work>");
        return new RawRecord(
                RecordFormat.CROSSREF,
                xml.toString(),
                doi,
                null,
                null,
                false,
                name + ", work " + count,
                List.of(),
                null);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // closing a reader we only read from loses nothing
        }
    }
}

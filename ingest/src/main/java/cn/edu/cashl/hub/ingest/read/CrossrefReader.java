package cn.edu.cashl.hub.ingest.read;

import cn.edu.cashl.hub.publish.XmlText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads Crossref works as JSON, one at a time, in every shape they come in: a REST API answer for
 * one work ({@code {"message-type": "work", "message": {...}}}) or a list of them ({@code
 * "work-list"}, its {@code message.items}), a bare work object, a JSON array of works, or the
 * snapshot files' one work per line. Each work becomes a record whose XML carries the work's JSON
 * as text ({@code <work xmlns="https://ns.cashl.edu.cn/crossref/v1">}), which {@code
 * crossref-to-cashl} reads with {@code json-to-xml}: the mapping stays in the crosswalk, where
 * admins edit it. Only one work is held in memory at a time; a work that is not valid JSON ends the
 * file with its position.
 */
public final class CrossrefReader extends LookAheadReader {

    public static final String NAMESPACE = "https://ns.cashl.edu.cn/crossref/v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonParser parser;
    private final String name;
    private int count;
    /** A work-list answer's items, handed out one by one (one page of the API: at most 1,000). */
    private final Deque<JsonNode> pending = new ArrayDeque<>();

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
        if (!pending.isEmpty()) {
            return work(pending.poll());
        }
        try {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return null;
                }
                // A JSON array of works, or one work per line: every top-level object is a work.
                if (token != JsonToken.START_OBJECT) {
                    continue;
                }
                JsonNode node = parser.readValueAsTree();
                JsonNode message = node.get("message");
                if (message != null
                        && "work-list".equals(node.path("message-type").asText())) {
                    return listOf(message.path("items"));
                }
                return work(message != null && message.isObject() ? message : node);
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

    private RawRecord listOf(JsonNode items) {
        items.forEach(pending::add);
        return pending.isEmpty() ? readNext() : work(pending.poll());
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

package cn.edu.cashl.hub.harvest.crossref;

import cn.edu.cashl.hub.harvest.oai.MalformedResponseException;
import cn.edu.cashl.hub.ingest.read.CrossrefReader;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * One page of a cursor walk over Crossref's works: a {@code work-list} answer, read twice without
 * building it as a tree. First its envelope ({@link #read}): it must be whole, well-formed JSON with
 * status {@code ok}, and it gives the next cursor, the total of the query and the number of works;
 * then its works, one at a time, through the same {@link CrossrefReader} that imports Crossref files.
 * So a page cut short on the way is asked for again before any of it is ingested, and the page is held
 * once, as the bytes received.
 */
public final class WorksPage {

    private static final JsonFactory JSON = new JsonFactory();

    private final byte[] json;
    private final String name;
    private final int items;
    private final long totalResults;
    private final String nextCursor;

    private WorksPage(byte[] json, String name, int items, long totalResults, String nextCursor) {
        this.json = json;
        this.name = name;
        this.items = items;
        this.totalResults = totalResults;
        this.nextCursor = nextCursor;
    }

    /**
     * Reads a page's envelope.
     *
     * @param name what the page is, for messages and the positions of its works
     * @throws CrossrefRefusal            when the answer says {@code "status": "failed"}
     * @throws MalformedResponseException when it is not a whole work-list answer
     */
    public static WorksPage read(byte[] json, String name) throws CrossrefRefusal, MalformedResponseException {
        Envelope envelope = new Envelope();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedResponseException(name + " is not a Crossref answer (no JSON object)");
            }
            envelope.read(parser);
            if (parser.nextToken() != null) {
                throw new MalformedResponseException(name + " is not one JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException(name + " is not well-formed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedResponseException(name + " cannot be read: " + e.getMessage());
        }
        if (envelope.status != null && !envelope.status.equals("ok")) {
            throw CrossrefRefusal.of(json, name);
        }
        if (!"work-list".equals(envelope.messageType) || envelope.items < 0) {
            throw new MalformedResponseException(name + " is not a list of works (message-type " + envelope.messageType
                    + (envelope.items < 0 ? ", no items" : "") + ")");
        }
        return new WorksPage(json, name, envelope.items, envelope.total, envelope.next);
    }

    /** What a page says about itself, read token by token: the works are only counted. */
    private static final class Envelope {
        String status;
        String messageType;
        int items = -1;
        long total = -1;
        String next;

        /** The answer's fields, its opening brace just read, up to and including its end. */
        void read(JsonParser parser) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "status" -> status = parser.getValueAsString();
                    case "message-type" -> messageType = parser.getValueAsString();
                    // A failed answer's message is the list of what was wrong, which CrossrefRefusal reads.
                    case "message" -> {
                        if (value == JsonToken.START_OBJECT) {
                            message(parser);
                        } else {
                            parser.skipChildren();
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            end(parser);
        }

        private void message(JsonParser parser) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "next-cursor" -> next = parser.getValueAsString();
                    case "total-results" -> total = parser.getValueAsLong(-1);
                    case "items" -> items = count(parser, value);
                    default -> parser.skipChildren();
                }
            }
            end(parser);
        }

        private static void end(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new IOException("the answer breaks off");
            }
        }

        private static int count(JsonParser parser, JsonToken array) throws IOException {
            if (array != JsonToken.START_ARRAY) {
                parser.skipChildren();
                return -1;
            }
            int count = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new IOException("the items break off");
                }
                if (token == JsonToken.START_OBJECT) {
                    count++;
                }
                parser.skipChildren();
            }
            return count;
        }
    }

    /** The works on this page; 0 ends the walk (Crossref gives a next cursor even then). */
    public int items() {
        return items;
    }

    /** The works the whole query matches, as Crossref counts them; -1 when the page does not say. */
    public long totalResults() {
        return totalResults;
    }

    /** The cursor of the page after this one; null when the page gives none. */
    public String nextCursor() {
        return nextCursor;
    }

    /** The page's size as received, decompressed. */
    public int bytes() {
        return json.length;
    }

    /** The page's works, one record each, read one at a time. */
    public RecordReader works() {
        return new CrossrefReader(new ByteArrayInputStream(json), name);
    }

    @Override
    public String toString() {
        return name;
    }
}

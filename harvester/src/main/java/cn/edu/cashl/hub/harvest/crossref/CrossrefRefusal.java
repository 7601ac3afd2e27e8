package cn.edu.cashl.hub.harvest.crossref;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Crossref refused a request: an answer with {@code "status": "failed"} (a filter it does not accept,
 * a cursor it no longer knows), or an HTTP error it gave no such answer with. The message is Crossref's
 * own, so that an admin reads in the run's reason what Crossref objected to.
 */
public final class CrossrefRefusal extends Exception {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An error answer is a few hundred bytes; a longer body is not read as one. */
    private static final int MAX_READ = 64 * 1024;

    private CrossrefRefusal(String message) {
        super(message);
    }

    /**
     * What a failed answer says: its {@code message-type} and each of its messages, e.g.
     * {@code validation-failure: Filter issn specified but value 1234 is not a valid ISSN}.
     *
     * @param what the request, for the message
     */
    static CrossrefRefusal of(byte[] body, String what) {
        return new CrossrefRefusal("Crossref refused " + what + ": " + explain(body));
    }

    /** An HTTP error status: Crossref's failed answer when the body is one, else the status and the body's text. */
    static CrossrefRefusal ofStatus(int status, byte[] body, String what) {
        String explained = explain(body);
        return new CrossrefRefusal(
                "Crossref refused " + what + " with HTTP " + status + (explained.isEmpty() ? "" : ": " + explained));
    }

    private static String explain(byte[] body) {
        if (body.length > MAX_READ) {
            return "";
        }
        try {
            JsonNode answer = JSON.readTree(body);
            if (answer != null && answer.isObject()) {
                List<String> parts = new ArrayList<>();
                messages(answer.path("message"), parts);
                String type = answer.path("message-type").asText("");
                String said = String.join("; ", parts);
                return type.isEmpty() ? said : said.isEmpty() ? type : type + ": " + said;
            }
        } catch (IOException notJson) {
            // Not JSON: a plain-text or HTML error page, quoted below.
        }
        String text = new String(body, StandardCharsets.UTF_8)
                .replaceAll("<[^>]*>", " ")
                .replaceAll("\\s+", " ")
                .strip();
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    /** The messages of a failed answer: a list of {@code {message, value, type}}, an object, or a text. */
    private static void messages(JsonNode message, List<String> parts) {
        if (message.isArray()) {
            message.forEach(item -> messages(item, parts));
        } else if (message.isObject()) {
            String text =
                    message.path("message").asText(message.path("description").asText(""));
            if (!text.isEmpty()) {
                parts.add(text);
            }
        } else if (message.isTextual() && !message.asText().isBlank()) {
            parts.add(message.asText().strip());
        }
    }
}

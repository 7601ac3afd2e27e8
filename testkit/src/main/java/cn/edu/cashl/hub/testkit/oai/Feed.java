package cn.edu.cashl.hub.testkit.oai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a test OAI-PMH server serves: whole responses, as bytes. */
public interface Feed {

    /** The Identify response. */
    byte[] identify();

    /** The response to a ListRecords request (first page or resumption), errors included. */
    byte[] listRecords(Map<String, String> arguments);

    /** The token a page carries (for the repeated-token fault), or null. */
    default String tokenOf(byte[] page) {
        Matcher m = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>")
                .matcher(new String(page, StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : null;
    }

    /** An OAI-PMH error response, as a real provider writes one. */
    static byte[] error(String code, String message) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                        + "<responseDate>" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "</responseDate>"
                        + "<request>http://127.0.0.1/oai</request><error code=\"" + code + "\">" + message
                        + "</error></OAI-PMH>")
                .getBytes(StandardCharsets.UTF_8);
    }
}

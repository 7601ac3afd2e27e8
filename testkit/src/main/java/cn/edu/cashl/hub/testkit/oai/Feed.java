package cn.edu.cashl.hub.testkit.oai;

import java.util.Map;

/** What a test OAI-PMH server serves: whole responses, as bytes. */
public interface Feed {

    /** The Identify response. */
    byte[] identify();

    /** The response to a ListRecords request (first page or resumption), errors included. */
    byte[] listRecords(Map<String, String> arguments);

    /** The token a page carries (for the repeated-token fault), or null. */
    default String tokenOf(byte[] page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>")
                .matcher(new String(page, java.nio.charset.StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : null;
    }

    /** An OAI-PMH error response, as a real provider writes one. */
    static byte[] error(String code, String message) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                + "<responseDate>" + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "</responseDate>"
                + "<request>http://127.0.0.1/oai</request><error code=\"" + code + "\">" + message + "</error></OAI-PMH>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}

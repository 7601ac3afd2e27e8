package cn.edu.cashl.hub.harvest.oai;

/**
 * A response that is not a well-formed document of its protocol (an OAI-PMH page, even after repair;
 * a page of Crossref works): asked for again, never skipped.
 */
public final class MalformedResponseException extends Exception {

    public MalformedResponseException(String message) {
        super(message);
    }
}

package cn.edu.cashl.hub.harvest.oai;

/** A response that is not a well-formed OAI-PMH document, even after repair. */
public final class MalformedResponseException extends Exception {

    public MalformedResponseException(String message) {
        super(message);
    }
}

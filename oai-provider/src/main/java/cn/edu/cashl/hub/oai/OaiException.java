package cn.edu.cashl.hub.oai;

import io.gdcc.xoai.model.oaipmh.Error;

/** A request the protocol answers with an error element: its code and a message for people. */
final class OaiException extends Exception {

    private final Error.Code code;

    OaiException(Error.Code code, String message) {
        super(message);
        this.code = code;
    }

    Error.Code code() {
        return code;
    }

    /** Whether the response's request element must go without attributes (OAI-PMH 3.2). */
    boolean hidesArguments() {
        return code == Error.Code.BAD_VERB || code == Error.Code.BAD_ARGUMENT;
    }
}

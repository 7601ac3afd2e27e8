package cn.edu.cashl.hub.crosswalk;

import java.util.List;

/** A stylesheet that does not compile. The message gives every error with its line. */
public final class CrosswalkCompileException extends Exception {

    private final transient List<String> errors;

    public CrosswalkCompileException(String crosswalk, List<String> errors) {
        super("crosswalk " + crosswalk + " does not compile:\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    /** One entry per error: "line N, column M: message". */
    public List<String> errors() {
        return errors;
    }
}

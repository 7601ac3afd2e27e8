package cn.edu.cashl.hub.crosswalk;

import java.util.List;

/** A stylesheet that does not compile. The message gives every error with its line. */
public final class CrosswalkCompileException extends Exception {

    private final transient List<CompileError> problems;

    public CrosswalkCompileException(String crosswalk, List<CompileError> problems) {
        super("crosswalk " + crosswalk + " does not compile:\n  "
                + String.join(
                        "\n  ", problems.stream().map(CompileError::describe).toList()));
        this.problems = List.copyOf(problems);
    }

    /** One entry per error: "line N, column M: message". */
    public List<String> errors() {
        return problems.stream().map(CompileError::describe).toList();
    }

    /** The errors with their position, for an editor that marks the lines. */
    public List<CompileError> problems() {
        return problems;
    }
}

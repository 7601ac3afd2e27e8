package cn.edu.cashl.hub.schema;

import java.util.List;

/**
 * A document that is not a valid canonical CASHL record. The message lists every problem the
 * validator found, each with its position and the element or attribute it concerns, so that a
 * crosswalk author can fix the stylesheet without opening a debugger.
 */
public final class InvalidRecordException extends Exception {

    private final transient List<ValidationProblem> problems;

    public InvalidRecordException(List<ValidationProblem> problems) {
        super(summarise(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ValidationProblem> problems() {
        return problems;
    }

    private static String summarise(List<ValidationProblem> problems) {
        StringBuilder message = new StringBuilder("not a valid CASHL record (")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem)" : " problems)");
        for (ValidationProblem problem : problems) {
            message.append("\n  ").append(problem);
        }
        return message.toString();
    }
}

package cn.edu.cashl.hub.admin.crosswalk;

import cn.edu.cashl.hub.crosswalk.CompileError;
import cn.edu.cashl.hub.schema.ValidationProblem;
import java.util.List;

/** A compile or validation error at a line and column (-1 when unknown), which the editor marks in its gutter. */
public record ProblemJson(int line, int column, String message) {

    static List<ProblemJson> compile(List<CompileError> errors) {
        return errors.stream()
                .map(e -> new ProblemJson(e.line(), e.column(), e.message()))
                .toList();
    }

    static List<ProblemJson> validation(List<ValidationProblem> problems) {
        return problems.stream()
                .map(p -> new ProblemJson(p.line(), p.column(), p.message()))
                .toList();
    }
}

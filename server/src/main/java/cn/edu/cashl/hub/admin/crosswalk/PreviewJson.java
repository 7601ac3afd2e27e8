package cn.edu.cashl.hub.admin.crosswalk;

import java.util.List;

/**
 * A preview of an edited stylesheet: its compile errors (then no results), or each sample record's
 * output beside what the published version makes of it.
 *
 * @param schema  what the outputs were validated against
 * @param changed how many records the edit changes
 */
public record PreviewJson(boolean ok, List<ProblemJson> errors, String schema, List<Result> results, long changed) {

    /**
     * One record's preview.
     *
     * @param error the edited stylesheet's dynamic error on this record; null when it ran
     * @param diff  a unified diff from the published output to the edited one
     */
    public record Result(
            String record,
            String input,
            String output,
            String error,
            boolean valid,
            List<ProblemJson> validationErrors,
            String publishedOutput,
            String publishedError,
            String diff,
            boolean changed) {}

    static PreviewJson of(CrosswalkPreview.Report report) {
        List<Result> results = report.results().stream()
                .map(r -> new Result(
                        r.record(),
                        r.input(),
                        r.output(),
                        r.error(),
                        r.valid(),
                        ProblemJson.validation(r.problems()),
                        r.publishedOutput(),
                        r.publishedError(),
                        r.diff(),
                        r.changed()))
                .toList();
        return new PreviewJson(
                report.ok(),
                ProblemJson.compile(report.errors()),
                report.validatedAgainst(),
                results,
                results.stream().filter(Result::changed).count());
    }
}

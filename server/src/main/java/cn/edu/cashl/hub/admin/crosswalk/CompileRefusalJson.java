package cn.edu.cashl.hub.admin.crosswalk;

import java.util.List;

/** A version not saved or not published because it does not compile, with the errors to fix. */
public record CompileRefusalJson(String error, List<ProblemJson> errors) {}

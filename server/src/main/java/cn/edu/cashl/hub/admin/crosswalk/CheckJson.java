package cn.edu.cashl.hub.admin.crosswalk;

import java.util.List;

/** The compile check of a stylesheet: ok, or its errors. */
public record CheckJson(boolean ok, List<ProblemJson> errors) {}

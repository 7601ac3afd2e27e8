package cn.edu.cashl.hub.admin;

import cn.edu.cashl.hub.harvest.RunRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** A harvest run (or re-crosswalk, or retry) as the admin API shows it. */
final class RunJson {

    private RunJson() {
    }

    static Map<String, Object> describe(RunRecord run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", run.id());
        body.put("source", run.source());
        body.put("outcome", run.outcome().value());
        if (run.reason() != null) {
            body.put("reason", run.reason());
        }
        body.put("full", run.full());
        body.put("trigger", run.trigger());
        body.put("startedAt", run.startedAt().toString());
        body.put("endedAt", run.endedAt() == null ? null : run.endedAt().toString());
        body.put("counts", run.counts().asMap());
        body.put("watermarkBefore", run.watermarkBefore());
        body.put("watermarkAfter", run.watermarkAfter());
        return body;
    }
}

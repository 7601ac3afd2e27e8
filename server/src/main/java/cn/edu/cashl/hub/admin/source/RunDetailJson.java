package cn.edu.cashl.hub.admin.source;

import cn.edu.cashl.hub.harvest.HarvestStore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** A run with its log, oldest line first. */
public record RunDetailJson(@JsonUnwrapped RunJson run, List<LogLine> log) {

    /** One line of a run's log. */
    public record LogLine(String time, String kind, String message) {

        static LogLine of(HarvestStore.Event event) {
            return new LogLine(event.time().toString(), event.kind(), event.message());
        }
    }
}

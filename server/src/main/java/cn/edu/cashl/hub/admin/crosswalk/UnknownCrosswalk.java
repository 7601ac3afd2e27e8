package cn.edu.cashl.hub.admin.crosswalk;

import cn.edu.cashl.hub.admin.common.AdminErrors;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import jakarta.ws.rs.core.Response;

/** The answer to a path that names no crosswalk, with the ids that exist (a typo is the likely cause). */
final class UnknownCrosswalk {

    private UnknownCrosswalk() {}

    static Response answer(String id) {
        return AdminErrors.notFound("no crosswalk " + id + " (known: " + String.join(", ", Crosswalks.allIds()) + ")");
    }
}

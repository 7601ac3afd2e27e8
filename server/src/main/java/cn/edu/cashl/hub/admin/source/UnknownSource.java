package cn.edu.cashl.hub.admin.source;

import cn.edu.cashl.hub.admin.common.AdminErrors;
import jakarta.ws.rs.core.Response;

/** The answer to a path that names no source of this hub. */
final class UnknownSource {

    private UnknownSource() {}

    static Response answer(String id) {
        return AdminErrors.notFound("no source " + id);
    }
}

package cn.edu.cashl.hub.admin.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of an admin API error.
 *
 * @param reason one word a client can act on ({@code session}, {@code csrf}, {@code role}); only the
 *               door's refusals carry one
 */
public record ErrorJson(
        String error,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

    public ErrorJson(String error) {
        this(error, null);
    }
}

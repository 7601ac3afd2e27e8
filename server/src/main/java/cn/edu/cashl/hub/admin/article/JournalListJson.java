package cn.edu.cashl.hub.admin.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A journal list as the admin shows it: how many journals its file holds and how many of its lines
 * have no valid ISSN, when it last changed, and the sources that name it with {@code journals}.
 *
 * @param error why its file cannot be read; left out when it can
 */
public record JournalListJson(
        String id,
        int journals,
        int rejectedLines,
        String modifiedAt,
        List<String> usedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error) {}

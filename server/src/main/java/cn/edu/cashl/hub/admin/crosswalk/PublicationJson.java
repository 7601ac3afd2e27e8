package cn.edu.cashl.hub.admin.crosswalk;

import cn.edu.cashl.hub.admin.job.JobJson;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A version made live (published, or rolled back to).
 *
 * @param job  the re-crosswalk of the records of the crosswalk's sources; null when there is none
 * @param note why there is no job; left out when there is one
 */
public record PublicationJson(
        String crosswalk,
        int version,
        String publishedBy,
        String publishedAt,
        JobJson job,
        @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

    static PublicationJson of(CrosswalkVersions.Publication publication, JobJson job, String note) {
        return new PublicationJson(
                publication.crosswalk(),
                publication.version(),
                publication.publishedBy(),
                publication.publishedAt().toString(),
                job,
                note);
    }
}

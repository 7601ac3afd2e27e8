package cn.edu.cashl.hub.admin.source;

import java.util.List;

/**
 * A page of a source's quarantine.
 *
 * @param total      how many records the whole quarantine holds
 * @param nextCursor what to ask for the next page with; null on the last page
 */
public record QuarantinePageJson(long total, List<QuarantinedRecordJson> records, String nextCursor) {}

package cn.edu.cashl.hub.admin.stats;

import java.util.List;

/**
 * The catalogue in numbers.
 *
 * @param masterRecords  live master records
 * @param deletedMasters master records kept as OAI deleted records
 * @param dedupRatio     accepted source records per master record; null without master records
 * @param libraries      holdings per library, most first
 * @param harvests       records harvested or imported per day and source
 */
public record StatsJson(
        long masterRecords,
        long deletedMasters,
        long sourceRecords,
        long accepted,
        long filtered,
        long quarantined,
        Double dedupRatio,
        List<Library> libraries,
        List<Count> types,
        List<Count> languages,
        List<Count> years,
        List<Volume> harvests) {

    /** A library's holdings, with its names when it is also a source. */
    public record Library(String code, String name, String nameZh, long holdings) {}

    /** How many master records have a value. */
    public record Count(String value, long count) {}

    /** What one source's runs that started on one day (UTC) brought in. */
    public record Volume(String day, String source, long records, long accepted, long filtered, long quarantined) {}
}

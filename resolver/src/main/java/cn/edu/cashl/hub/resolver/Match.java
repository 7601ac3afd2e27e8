package cn.edu.cashl.hub.resolver;

import cn.edu.cashl.hub.schema.v1.CashlRecord;

/**
 * A master record the citation was found as, or the journal an article found by its DOI is part of.
 *
 * @param id     the master record's id
 * @param title  its title as the catalogue states it (title and subtitle)
 * @param type   its record type: {@code journal}, {@code ejournal}, {@code article}, {@code book}...
 * @param record the record, whose holdings the resolver ranks
 */
public record Match(String id, String title, String type, CashlRecord record) {

    public static Match of(String id, CashlRecord record) {
        String title = null;
        if (record.getTitle() != null) {
            title = record.getTitle().getMain();
            if (record.getTitle().getSub() != null) {
                title = title + " : " + record.getTitle().getSub();
            }
        }
        return new Match(
                id, title, record.getType() == null ? null : record.getType().value(), record);
    }
}

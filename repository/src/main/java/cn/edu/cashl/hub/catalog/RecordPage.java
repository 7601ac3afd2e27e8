package cn.edu.cashl.hub.catalog;

import java.util.List;

/**
 * One page of a listing in (datestamp, id) order.
 *
 * @param records     the records of this page, at most the page size
 * @param nextCursor  the position after this page, to pass to the next call; null on the last page
 * @param total       how many records the whole listing holds
 */
public record RecordPage(List<StoredRecord> records, String nextCursor, long total) {

    public RecordPage {
        records = List.copyOf(records);
    }

    public boolean isLast() {
        return nextCursor == null;
    }
}

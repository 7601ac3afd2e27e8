package cn.edu.cashl.hub.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue store: source records and master records, in two collections.
 *
 * <p>Contract, which every implementation passes through one test suite:
 * <ul>
 *   <li>{@link #put} replaces records with the same id as a whole; written records are visible to
 *       {@link #get} at once and to {@link #list} and {@link #count} after {@link #commit}.</li>
 *   <li>{@link #list} walks the records matching a filter in (datestamp, id) order with an opaque
 *       cursor. A walk over records that do not change meanwhile returns each exactly once. There is
 *       no offset paging: a deep page costs what the first one costs.</li>
 *   <li>{@link #delete} removes a record physically. Deleted master records that OAI-PMH must keep
 *       publishing are stored with {@link StoredRecord#deleted()} set instead.</li>
 *   <li>Failures of the backing store are {@link StoreException}s; a method never returns partial
 *       results silently.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface CatalogStore extends AutoCloseable {

    /** Cursor value that starts a listing. */
    String FIRST_PAGE = "*";

    /** Adds or replaces records. */
    void put(Collection collection, List<StoredRecord> records);

    /** The record with this id, including writes not yet committed. */
    Optional<StoredRecord> get(Collection collection, String id);

    /** Removes the record with this id, if there is one. */
    void delete(Collection collection, String id);

    /**
     * One page of the records matching the filter.
     *
     * @param cursor   {@link #FIRST_PAGE}, or the {@link RecordPage#nextCursor()} of the previous page
     *                 of the same listing (same collection and filter)
     * @param pageSize at most this many records, 1 or more
     */
    RecordPage list(Collection collection, RecordFilter filter, String cursor, int pageSize);

    /** How many records match the filter. */
    long count(Collection collection, RecordFilter filter);

    /** Makes every write so far durable and visible to listings. */
    void commit();

    /** Asks every collection whether it answers. Never throws. */
    StoreHealth health();

    /** Releases the store; an embedded store closes its cores and frees its index locks. */
    @Override
    void close();
}

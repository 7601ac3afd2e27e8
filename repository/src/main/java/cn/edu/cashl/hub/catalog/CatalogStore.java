package cn.edu.cashl.hub.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue store: source records and master records, in two collections.
 *
 * <p>Contract, which every implementation passes through one test suite:
 * <ul>
 *   <li>{@link #put} replaces records with the same id as a whole; written records are visible to
 *       {@link #get} at once and to {@link #list}, {@link #count} and {@link #findIds} after
 *       {@link #refresh} or {@link #commit}.</li>
 *   <li>{@link #putIfVersion} writes a record only if the stored one still has the version read
 *       with it; the records that fail the check are returned, the others are written.</li>
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
    void put(StoreCollection collection, List<StoredRecord> records);

    /** The record with this id, including writes not yet committed. */
    Optional<StoredRecord> get(StoreCollection collection, String id);

    /**
     * The records with these ids that exist, including writes not yet committed, by id.
     *
     * @param projection which fields to read: leaving out the stored XML is much cheaper
     */
    Map<String, StoredRecord> get(StoreCollection collection, Collection<String> ids, Projection projection);

    /**
     * Writes each record only if the stored record still has {@link StoredRecord#version()} (or, for
     * -1, does not exist); version 0 writes unconditionally. Optimistic concurrency: a writer that
     * read a record, changed it and finds it changed by someone else meanwhile reads it again.
     *
     * @return the ids of the records not written because their version check failed
     */
    Set<String> putIfVersion(StoreCollection collection, List<StoredRecord> records);

    /**
     * Ids of the records that have at least one of the values in an indexed multi-valued field, as
     * of the last {@link #refresh}. At most {@code max} ids; which ones is unspecified beyond that.
     */
    Set<String> findIds(StoreCollection collection, String field, Collection<String> values, int max);

    /** Removes the records with these ids, those there are, in one request. */
    void delete(StoreCollection collection, Collection<String> ids);

    /**
     * One page of the records matching the filter.
     *
     * @param cursor   {@link #FIRST_PAGE}, or the {@link RecordPage#nextCursor()} of the previous page
     *                 of the same listing (same collection and filter)
     * @param pageSize at most this many records, 1 or more
     */
    default RecordPage list(StoreCollection collection, RecordFilter filter, String cursor, int pageSize) {
        return list(collection, filter, cursor, pageSize, Projection.ALL);
    }

    /**
     * One page of the records matching the filter, with only the fields a projection names.
     *
     * @see #list(StoreCollection, RecordFilter, String, int)
     */
    RecordPage list(
            StoreCollection collection, RecordFilter filter, String cursor, int pageSize, Projection projection);

    /**
     * Up to {@code limit} records matching the filter that sort after a position, in (datestamp, id)
     * order: keyset paging for readers that keep their position themselves (OAI-PMH resumption
     * tokens). A record changed meanwhile moves to its new place; the others never shift.
     *
     * @param after  the (datestamp, id) of the last record already read; null to start
     * @param count  whether {@link RecordPage#total()} must be exact; a reader that counted once
     *               says no and lets the store stop early
     * @return the records, with {@link RecordPage#nextCursor()} null and the total, or -1 if not counted
     */
    RecordPage listAfter(
            StoreCollection collection,
            RecordFilter filter,
            RecordKey after,
            int limit,
            Projection projection,
            boolean count);

    /**
     * The distinct values of an indexed field with how many records have each, most frequent first,
     * at most {@code limit} of them.
     */
    Map<String, Long> terms(StoreCollection collection, String field, int limit);

    /** How many records match the filter. */
    long count(StoreCollection collection, RecordFilter filter);

    /** Makes every write so far durable and visible to listings. */
    void commit();

    /** Makes every write so far visible to listings and searches, without waiting for durability. */
    void refresh();

    /** Asks every collection whether it answers. Never throws. */
    StoreHealth health();

    /** Releases the store; an embedded store closes its cores and frees its index locks. */
    @Override
    void close();
}

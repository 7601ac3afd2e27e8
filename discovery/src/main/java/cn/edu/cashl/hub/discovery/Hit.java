package cn.edu.cashl.hub.discovery;

import cn.edu.cashl.hub.schema.v1.CashlRecord;
import java.time.Instant;

/**
 * One master record of a result page (or a record page) with its availability.
 *
 * @param id           the master record's id ({@code /record/{id}})
 * @param datestamp    when the master record last changed (its OAI-PMH datestamp)
 * @param record       the canonical record
 * @param availability as the resolver answers for the reader's home library
 */
public record Hit(String id, Instant datestamp, CashlRecord record, Availability availability) {}

package cn.edu.cashl.hub.oai;

import cn.edu.cashl.hub.catalog.RecordKey;
import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import java.time.Instant;

/**
 * Where an incomplete list stands: what a resumption token carries, so that any hub node, before or
 * after a restart, can continue it without having kept anything.
 *
 * @param verb             ListRecords or ListIdentifiers; a token is good for its own verb only
 * @param prefix           the metadata format
 * @param set              the selective-harvest set, or null
 * @param from             the lower datestamp bound, or null
 * @param until            the upper datestamp bound, pinned at the list's first request: later
 *                         changes wait for the next harvest, so one harvest sees one snapshot
 * @param after            the last record delivered (keyset position)
 * @param cursor           how many records of the list came before the next page
 * @param completeListSize the size of the list when it started
 */
record ListState(
        Verb.Type verb,
        String prefix,
        String set,
        Instant from,
        Instant until,
        RecordKey after,
        long cursor,
        long completeListSize) {}

-- A full CALIS dump retires the source's records it no longer holds (harvest.DumpRetirement).
-- harvest_dump_seen: the hub ids of the records of the dump being read, written in batches as it is
-- read, so that the hub never holds a dump's ids in memory. One source reads one dump at a time, and a
-- dump is always read from its start (a resumed run reads it again), so the rows of a source are
-- cleared when its dump starts and once it is retired. No key: a dump may repeat a record.
CREATE TABLE harvest_dump_seen (
  source_id VARCHAR(64) NOT NULL,
  record_id VARCHAR(200) NOT NULL);

-- record_id first: the look-ups ask for a page of ids at once (record_id IN (...)), which H2 answers
-- from an index only on its first column. The ids begin with their source's anyway.
CREATE INDEX harvest_dump_seen_record ON harvest_dump_seen (record_id, source_id);

-- harvest_held_deletions: the retirement the guard held back (more of the source's records than
-- harvest.maxDumpDeletionShare), one per source, until a confirmed run or a dump within the guard
-- retires the source's records.
CREATE TABLE harvest_held_deletions (
  source_id VARCHAR(64) PRIMARY KEY,
  run_id BIGINT NOT NULL,
  dump_name VARCHAR(1000) NOT NULL,
  deletions BIGINT NOT NULL,
  source_records BIGINT NOT NULL,
  held_at BIGINT NOT NULL);

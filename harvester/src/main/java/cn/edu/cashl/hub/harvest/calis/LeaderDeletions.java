package cn.edu.cashl.hub.harvest.calis;

import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.ingest.read.RecordFormat;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passes MARC records through, turning those whose leader/05 (record status) is {@code d} into
 * deletions: how MARC exports say a record was deleted.
 */
public final class LeaderDeletions implements RecordReader {

    private static final Pattern LEADER = Pattern.compile("<(?:[A-Za-z0-9_]+:)?leader>([^<]{24})</");

    private final RecordReader records;

    public LeaderDeletions(RecordReader records) {
        this.records = records;
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public boolean gaveUp() {
        return records.gaveUp();
    }

    @Override
    public RawRecord next() {
        RawRecord record = records.next();
        if (!record.readable()
                || record.deleted()
                || record.xml() == null
                || (record.format() != RecordFormat.MARC21 && record.format() != RecordFormat.UNIMARC)) {
            return record;
        }
        Matcher leader = LEADER.matcher(record.xml());
        if (leader.find() && leader.group(1).charAt(5) == 'd') {
            return RawRecord.deletion(record.localId(), record.position());
        }
        return record;
    }

    @Override
    public void close() {
        records.close();
    }
}

package cn.edu.cashl.hub.merge;

import cn.edu.cashl.hub.catalog.SourceRecordStatus;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.RecordType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The new versions of the master records of one attempt, computed from what the attempt read: each
 * cluster's members merged (or a lone member's own record), with the datestamp and the version to
 * write under. Pure computation, so clusters may be computed in parallel.
 */
final class MasterUpdates {

    private final MasterMerger merger;
    private final Neighbourhood records;
    /** The members' stored source records, for those the batch did not bring. */
    private final Map<String, StoredRecord> stored;

    private final Instant now;
    private final JournalLinks journals;

    MasterUpdates(
            MasterMerger merger,
            Neighbourhood records,
            Map<String, StoredRecord> stored,
            Instant now,
            JournalLinks journals) {
        this.merger = merger;
        this.records = records;
        this.stored = stored;
        this.now = now;
        this.journals = journals;
    }

    /**
     * The master record of one cluster, or null when the stored one already has this content; a
     * deleted record when none of the members is readable any more.
     */
    StoredRecord master(String id, SortedSet<String> members, Set<String> links, StoredRecord old) {
        Content content = content(id, members, links);
        if (content == null) {
            return old == null || old.deleted() ? null : MasterDocs.tombstone(old, now, null);
        }
        return versioned(content, links, old);
    }

    /** What a master record says, and the members (with their keys) it was made from. */
    private record Content(CashlRecord record, String xml, Map<String, MatchKeys> cluster) {}

    /** The merged content of a cluster; null when none of its members can be read. */
    private Content content(String id, SortedSet<String> members, Set<String> links) {
        Map<String, MatchKeys> cluster = new TreeMap<>();
        SourceChange only = members.size() == 1 ? records.accepted().get(members.first()) : null;
        if (only != null && links.isEmpty() && id.equals(only.id()) && !linksJournal(only.record())) {
            // A record alone under its own id is its own master record: no merge, no new XML.
            cluster.put(only.id(), only.keys());
            return new Content(only.record(), only.sourceRecord().xml(), cluster);
        }
        List<MasterMerger.Member> parts = new ArrayList<>();
        for (String member : members) {
            SourceChange change = records.accepted().get(member);
            Optional<CashlRecord> memberRecord =
                    change != null ? Optional.of(change.record()) : read(stored.get(member));
            memberRecord.ifPresent(r -> {
                parts.add(new MasterMerger.Member(member, r));
                cluster.put(member, records.keys().get(member));
            });
        }
        if (parts.isEmpty()) {
            return null;
        }
        CashlRecord record = merger.merge(id, parts, links);
        if (record.getType() == RecordType.ARTICLE && record.getIsPartOf() != null) {
            // The link is the catalogue's, not a feed's: set (or cleared) here, on a copy of the host.
            record.setIsPartOf(JournalLinks.linked(record.getIsPartOf(), journals.journalOf(record.getIsPartOf())));
        }
        return new Content(
                record, CashlRecords.get().serialize(record), cluster); // valid by construction from valid members
    }

    /** Whether an article's master record must say more than its one member: the journal it is in. */
    private boolean linksJournal(CashlRecord record) {
        if (record.getType() != RecordType.ARTICLE || record.getIsPartOf() == null) {
            return false;
        }
        return record.getIsPartOf().getRecord() != null || journals.journalOf(record.getIsPartOf()) != null;
    }

    /**
     * The master record to write over {@code old}, or null when it would store what is stored. Its
     * datestamp stays when the published content (XML, sets) is unchanged. The sets the old one was
     * in and this one is not are kept as former sets: OAI-PMH harvests of those sets must learn that
     * the record left them.
     */
    private StoredRecord versioned(Content content, Set<String> links, StoredRecord old) {
        StoredRecord master = MasterDocs.withFormerSets(
                MasterDocs.live(content.record(), content.xml(), now, content.cluster(), links), old);
        if (old == null) {
            return master.withVersion(-1);
        }
        boolean samePublished = !old.deleted()
                && content.xml().equals(old.xml())
                && master.sets().equals(old.sets());
        if (!samePublished) {
            return master.withVersion(old.version());
        }
        if (storedFields(master.fields()).equals(storedFields(old.fields()))) {
            return null;
        }
        // Only the cluster's bookkeeping changed: rewritten under the old datestamp.
        return MasterDocs.withFormerSets(
                        MasterDocs.live(content.record(), content.xml(), old.datestamp(), content.cluster(), links),
                        old)
                .withVersion(old.version());
    }

    /** The fields as read back: match keys are indexed, not stored. */
    private static Map<String, List<String>> storedFields(Map<String, List<String>> fields) {
        Map<String, List<String>> result = new TreeMap<>(fields);
        result.remove(CatalogFields.MATCH_KEY);
        return result;
    }

    /**
     * A member's canonical record from the store. Empty when it is no longer an accepted record:
     * its own writer withdrew it a moment ago and is about to update this master record too.
     */
    private static Optional<CashlRecord> read(StoredRecord sourceRecord) {
        if (sourceRecord == null || sourceRecord.xml() == null || !SourceRecordStatus.ACCEPTED.of(sourceRecord)) {
            return Optional.empty();
        }
        return Optional.of(CashlRecords.get().bind(sourceRecord.xml())); // validated when it was stored
    }
}

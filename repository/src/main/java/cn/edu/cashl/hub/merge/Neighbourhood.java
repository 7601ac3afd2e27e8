package cn.edu.cashl.hub.merge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The source records of a neighbourhood as a batch leaves them: the members of its master records,
 * with the keys they were clustered on, less the records the batch withdrew or deleted, and with
 * the keys of the records it accepted. The members' keys come from the master records' cluster
 * lines, so that clustering a neighbourhood reads no source record.
 *
 * @param keys          every record of the neighbourhood with its match keys, by id
 * @param formerMasters the master record each record was in before the batch; none for a record
 *                      the batch withdrew or deleted (it leaves, so it holds no share of any id)
 * @param accepted      the batch's accepted records, by id: their content is new
 */
record Neighbourhood(
        SortedMap<String, MatchKeys> keys, Map<String, String> formerMasters, Map<String, SourceChange> accepted) {

    /** The records of these master records ({@code masterIds}, read into {@code masters}) after {@code changes}. */
    static Neighbourhood of(Set<String> masterIds, MasterReads masters, List<SourceChange> changes) {
        SortedMap<String, MatchKeys> keys = new TreeMap<>();
        Map<String, String> formerMasters = new HashMap<>();
        for (String id : masterIds) {
            MasterDocs.members(masters.get(id)).forEach((member, memberKeys) -> {
                if (keys.putIfAbsent(member, memberKeys) == null) {
                    formerMasters.put(member, id);
                }
            });
        }
        Map<String, SourceChange> accepted = new TreeMap<>();
        for (SourceChange change : changes) {
            keys.remove(change.id());
            if (change.isAccepted()) {
                keys.put(change.id(), change.keys());
                accepted.put(change.id(), change);
            } else {
                formerMasters.remove(change.id());
            }
        }
        return new Neighbourhood(keys, formerMasters, accepted);
    }

    /** Whether the batch brings this record's content: a master record that has it must be merged again. */
    boolean isNew(String id) {
        return accepted.containsKey(id);
    }
}

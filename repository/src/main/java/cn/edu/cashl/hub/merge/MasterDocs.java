package cn.edu.cashl.hub.merge;

import cn.edu.cashl.hub.catalog.Access;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Holding;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Master records as the catalog collection keeps them: the canonical XML; the search fields
 * ({@link SearchDocs}); the OAI-PMH sets
 * ({@code library:<code>} for every holding library, {@code type:<type>}, {@code access:online} and
 * {@code access:openAccess} by its {@link Access}) and holding libraries the providers filter on; and
 * the cluster (members, their keys, other-format links).
 */
final class MasterDocs {

    private MasterDocs() {}

    static StoredRecord live(
            CashlRecord record,
            String xml,
            Instant datestamp,
            Map<String, MatchKeys> members,
            Collection<String> otherFormats) {
        StoredRecord.Builder master = StoredRecord.builder(record.getId(), datestamp)
                .xml(xml)
                .set("type:" + record.getType().value());
        for (Holding holding : record.getHolding()) {
            master.library(holding.getLibrary()).set("library:" + holding.getLibrary());
        }
        Set<Access> access = Access.of(record.getHolding());
        access.forEach(a -> a.setSpec().ifPresent(master::set));
        TreeSet<String> matchKeys = new TreeSet<>();
        TreeSet<String> cluster = new TreeSet<>();
        members.forEach((id, keys) -> {
            matchKeys.addAll(keys.lookupKeys());
            cluster.add(id + "\t" + keys.encode());
        });
        SearchDocs.addTo(master, record, access);
        return master.field(CatalogFields.MEMBER, new TreeSet<>(members.keySet()))
                .field(CatalogFields.MATCH_KEY, matchKeys)
                .field(CatalogFields.CLUSTER, cluster)
                .field(CatalogFields.OTHER_FORMAT, new TreeSet<>(otherFormats))
                .build();
    }

    /**
     * The deleted form of a published master record. It keeps its sets, so that a harvest of any of
     * them learns of the deletion (OAI-PMH deletedRecord "persistent"), and names the master record
     * that took its members over, if one did.
     */
    static StoredRecord tombstone(StoredRecord published, Instant datestamp, String replacedBy) {
        StoredRecord.Builder tombstone =
                StoredRecord.builder(published.id(), datestamp).deleted(true).version(published.version());
        published.sets().forEach(tombstone::set);
        published.libraries().forEach(tombstone::library);
        tombstone.field(CatalogFields.FORMER_SET, published.values(CatalogFields.FORMER_SET));
        if (replacedBy != null) {
            tombstone.field(CatalogFields.REPLACED_BY, replacedBy);
        }
        return tombstone.build();
    }

    /**
     * A master record that remembers the sets its previous version was in and it is not: the old
     * version's sets and former sets, less the ones it is in now.
     */
    static StoredRecord withFormerSets(StoredRecord master, StoredRecord old) {
        if (old == null) {
            return master;
        }
        TreeSet<String> former = new TreeSet<>(old.values(CatalogFields.FORMER_SET));
        former.addAll(old.sets());
        former.removeAll(master.sets());
        return master.withField(CatalogFields.FORMER_SET, former.toArray(String[]::new));
    }

    /** The members of a stored master record with their keys, from its cluster lines. */
    static Map<String, MatchKeys> members(StoredRecord master) {
        Map<String, MatchKeys> members = new TreeMap<>();
        for (String line : master.values(CatalogFields.CLUSTER)) {
            int tab = line.indexOf('\t');
            members.put(line.substring(0, tab), MatchKeys.decode(line.substring(tab + 1)));
        }
        return members;
    }
}

package cn.edu.cashl.hub.merge;

import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Contributor;
import cn.edu.cashl.hub.schema.v1.Holding;
import cn.edu.cashl.hub.schema.v1.Host;
import cn.edu.cashl.hub.schema.v1.Identifiers;
import cn.edu.cashl.hub.schema.v1.LocalIdentifier;
import cn.edu.cashl.hub.schema.v1.Provenance;
import cn.edu.cashl.hub.schema.v1.Publication;
import cn.edu.cashl.hub.schema.v1.RecordType;
import cn.edu.cashl.hub.schema.v1.Relation;
import cn.edu.cashl.hub.schema.v1.RelationType;
import cn.edu.cashl.hub.schema.v1.StandardNumber;
import cn.edu.cashl.hub.schema.v1.Title;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Merges the source records of one cluster into its master record. The rules (docs/deduplication.md):
 * <ul>
 *   <li>Members are ranked by completeness (how many elements they fill), ties by source record id;
 *       title-list entries (KBART rows) after every catalogue record.
 *       A field that holds one value (title, publication, edition, extent, host, description,
 *       discipline, type), and the contributor and series lists taken as a whole, come from the
 *       best-ranked member that has them: author lists from different catalogues mix forms of the
 *       same names, so they are never mixed.</li>
 *   <li>Articles, whose feeds each know different things, take three fields from the member that
 *       says most about it rather than from the best-ranked one: the authors (each author, ORCID iD
 *       and affiliation counts), the host (journal, ISSNs, volume, issue, pages) and the abstract (the
 *       longest). The licence comes from the best-ranked member that states one.</li>
 *   <li>Identifiers, variant titles, languages, subjects and classifications are unioned, each value
 *       once (subjects compared case- and accent-folded).</li>
 *   <li>One holding per (library, local record id, title list), one provenance entry per member; both sorted,
 *       so that the result does not depend on the order the members arrived in.</li>
 *   <li>Relations: the members' own, plus an {@code otherFormat} link to each master record of the
 *       other format.</li>
 * </ul>
 * The merge is deterministic: the same members give the same record, byte for byte once written,
 * which is what lets a master record's datestamp change only when its content does.
 */
public final class MasterMerger {

    /** One member: its source record id and its canonical record. */
    public record Member(String id, CashlRecord record) {}

    public CashlRecord merge(String masterId, List<Member> members, Collection<String> otherFormats) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a master record needs at least one member");
        }
        // A title-list entry describes less than any catalogue record of its title: it comes last.
        List<CashlRecord> ranked = members.stream()
                .sorted(Comparator.comparing((Member m) -> MatchKeys.holdingsOnly(m.record()))
                        .thenComparingInt((Member m) -> -completeness(m.record()))
                        .thenComparing(Member::id))
                .map(Member::record)
                .toList();
        CashlRecord best = ranked.get(0);

        CashlRecord master = new CashlRecord();
        master.setId(masterId);
        master.setType(best.getType());
        master.setSchemaVersion(best.getSchemaVersion());
        master.setIdentifiers(identifiers(ranked));
        master.setTitle(first(ranked, CashlRecord::getTitle));
        master.getVariantTitle().addAll(union(ranked, CashlRecord::getVariantTitle, v -> MatchKeys.fold(v.getValue())));
        master.getSeries().addAll(firstNonEmpty(ranked, CashlRecord::getSeries));
        boolean article = best.getType() == RecordType.ARTICLE;
        master.getContributor()
                .addAll(
                        article
                                ? Objects.requireNonNullElse(
                                        richest(ranked, CashlRecord::getContributor, MasterMerger::authorDetail),
                                        List.of())
                                : firstNonEmpty(ranked, CashlRecord::getContributor));
        master.setPublication(first(ranked, CashlRecord::getPublication));
        master.setEdition(first(ranked, CashlRecord::getEdition));
        master.setExtent(first(ranked, CashlRecord::getExtent));
        master.setIsPartOf(
                article
                        ? richest(ranked, CashlRecord::getIsPartOf, MasterMerger::hostDetail)
                        : first(ranked, CashlRecord::getIsPartOf));
        master.getLanguage().addAll(union(ranked, CashlRecord::getLanguage, Function.identity()));
        master.getSubject()
                .addAll(union(
                        ranked, CashlRecord::getSubject, s -> s.getScheme() + "|" + MatchKeys.fold(s.getValue())));
        master.getClassification()
                .addAll(union(
                        ranked,
                        CashlRecord::getClassification,
                        c -> c.getScheme() + "|" + c.getValue().strip()));
        master.setDiscipline(first(ranked, CashlRecord::getDiscipline));
        master.setDescription(
                article
                        ? richest(
                                ranked,
                                CashlRecord::getDescription,
                                d -> d.getValue().length())
                        : first(ranked, CashlRecord::getDescription));
        master.setLicence(first(ranked, CashlRecord::getLicence));
        master.getRelation().addAll(relations(ranked, masterId, otherFormats));
        master.getHolding()
                .addAll(union(ranked, CashlRecord::getHolding, MasterMerger::holdingKey).stream()
                        .sorted(Comparator.comparing(Holding::getLibrary)
                                .thenComparing(Holding::getLocalId)
                                .thenComparing(h -> h.getSource() == null ? "" : h.getSource()))
                        .toList());
        master.getProvenance()
                .addAll(
                        union(ranked, CashlRecord::getProvenance, p -> p.getSource() + "\t" + p.getSourceIdentifier())
                                .stream()
                                .sorted(Comparator.comparing(Provenance::getSource)
                                        .thenComparing(Provenance::getSourceIdentifier))
                                .toList());
        return master;
    }

    /**
     * The value of the member that says most about this field, the first in rank among equals: for
     * an article, whose feeds (a publisher's JATS, Crossref, DOAJ) each know different things, the
     * richest source wins field by field rather than the most complete record winning them all.
     */
    private static <V> V richest(List<CashlRecord> ranked, Function<CashlRecord, V> field, ToIntFunction<V> detail) {
        V best = null;
        int most = -1;
        for (CashlRecord record : ranked) {
            V value = field.apply(record);
            boolean empty = value == null || (value instanceof Collection<?> c && c.isEmpty());
            if (!empty && detail.applyAsInt(value) > most) {
                best = value;
                most = detail.applyAsInt(value);
            }
        }
        return best;
    }

    /** Authors, their ORCID iDs and affiliations: each one counts. */
    private static int authorDetail(List<Contributor> contributors) {
        int detail = 0;
        for (Contributor contributor : contributors) {
            detail += 1
                    + count(contributor.getOrcid())
                    + contributor.getAffiliation().size();
        }
        return detail;
    }

    /** The parts of a citation the host gives: journal, ISSNs, volume, issue, pages. */
    private static int hostDetail(Host host) {
        return count(host.getTitle())
                + count(host.getIssn())
                + count(host.getEissn())
                + count(host.getIssnL())
                + count(host.getVolume())
                + count(host.getIssue())
                + count(host.getPages());
    }

    /** A holding is one library's copy of one local record; from a title list, of one package's row. */
    private static String holdingKey(Holding holding) {
        return holding.getLibrary() + "\t" + holding.getLocalId() + "\t"
                + (holding.getSource() == null ? "" : holding.getSource());
    }

    /** How many elements a record fills: the measure of "most complete". */
    static int completeness(CashlRecord record) {
        int score = 0;
        Identifiers ids = record.getIdentifiers();
        if (ids != null) {
            score += ids.getIsbn().size()
                    + ids.getIssn().size()
                    + ids.getOclc().size()
                    + count(ids.getLccn())
                    + count(ids.getDoi());
        }
        Title title = record.getTitle();
        if (title != null) {
            score += 1 + count(title.getSub()) + count(title.getPartNumber()) + count(title.getPartName());
        }
        Publication publication = record.getPublication();
        if (publication != null) {
            score += count(publication.getPlace())
                    + count(publication.getPublisher())
                    + count(publication.getYear())
                    + count(publication.getDate());
        }
        return score
                + record.getVariantTitle().size()
                + record.getSeries().size()
                + record.getContributor().size()
                + count(record.getEdition())
                + count(record.getExtent())
                + count(record.getIsPartOf())
                + record.getLanguage().size()
                + record.getSubject().size()
                + record.getClassification().size()
                + count(record.getDescription());
    }

    private static int count(Object value) {
        return value == null ? 0 : 1;
    }

    private static Identifiers identifiers(List<CashlRecord> ranked) {
        List<Identifiers> all = ranked.stream()
                .map(CashlRecord::getIdentifiers)
                .filter(Objects::nonNull)
                .toList();
        Identifiers merged = new Identifiers();
        // A valid number wins over the same number flagged invalid by a crosswalk that read it badly.
        merged.getIsbn().addAll(standardNumbers(all, Identifiers::getIsbn));
        merged.getIssn().addAll(standardNumbers(all, Identifiers::getIssn));
        merged.getOclc().addAll(union(all, Identifiers::getOclc, Function.identity()));
        merged.setLccn(first(all, Identifiers::getLccn));
        merged.setDoi(first(all, Identifiers::getDoi));
        merged.getLocal()
                .addAll(union(all, Identifiers::getLocal, (LocalIdentifier l) -> l.getSource() + "\t" + l.getValue()));
        return merged;
    }

    private static List<StandardNumber> standardNumbers(
            List<Identifiers> all, Function<Identifiers, List<StandardNumber>> list) {
        Map<String, StandardNumber> byValue = new LinkedHashMap<>();
        for (Identifiers ids : all) {
            for (StandardNumber number : list.apply(ids)) {
                StandardNumber kept = byValue.get(number.getValue());
                if (kept == null || Boolean.FALSE.equals(kept.isValid()) && !Boolean.FALSE.equals(number.isValid())) {
                    byValue.put(number.getValue(), number);
                }
            }
        }
        return new ArrayList<>(byValue.values());
    }

    private static List<Relation> relations(
            List<CashlRecord> ranked, String masterId, Collection<String> otherFormats) {
        Map<String, Relation> relations = new LinkedHashMap<>();
        for (CashlRecord record : ranked) {
            for (Relation relation : record.getRelation()) {
                if (relation.getType() == RelationType.PART_OF) {
                    relations.putIfAbsent(relation.getType() + "\t" + relation.getTarget(), relation);
                }
            }
        }
        otherFormats.stream()
                .filter(target -> !target.equals(masterId))
                .sorted()
                .forEach(target -> {
                    Relation link = new Relation();
                    link.setType(RelationType.OTHER_FORMAT);
                    link.setTarget(target);
                    relations.putIfAbsent(link.getType() + "\t" + target, link);
                });
        return new ArrayList<>(relations.values());
    }

    private static <T, V> V first(List<T> ranked, Function<T, V> field) {
        for (T record : ranked) {
            V value = field.apply(record);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static <V> List<V> firstNonEmpty(List<CashlRecord> ranked, Function<CashlRecord, List<V>> field) {
        for (CashlRecord record : ranked) {
            if (!field.apply(record).isEmpty()) {
                return field.apply(record);
            }
        }
        return List.of();
    }

    /** Every value of a list field across the records, the first of each identity in rank order. */
    private static <T, V> List<V> union(List<T> ranked, Function<T, List<V>> field, Function<V, String> identity) {
        Map<String, V> values = new LinkedHashMap<>();
        for (T record : ranked) {
            for (V value : field.apply(record)) {
                values.putIfAbsent(identity.apply(value), value);
            }
        }
        return new ArrayList<>(values.values());
    }
}

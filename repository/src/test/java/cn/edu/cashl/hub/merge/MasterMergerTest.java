package cn.edu.cashl.hub.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Contributor;
import cn.edu.cashl.hub.schema.v1.Holding;
import cn.edu.cashl.hub.schema.v1.LocalIdentifier;
import cn.edu.cashl.hub.schema.v1.Provenance;
import cn.edu.cashl.hub.schema.v1.Relation;
import cn.edu.cashl.hub.schema.v1.RelationType;
import cn.edu.cashl.hub.schema.v1.StandardNumber;
import cn.edu.cashl.hub.schema.v1.Subject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the members of one cluster become its master record (docs/deduplication.md, "Merging a
 * cluster into its master record"), on canonical records built by {@link Books}. Pure: no store.
 */
class MasterMergerTest {

    private static final String PENGUIN = "9780141439518";
    private static final String OXFORD = "9780199535569";

    private final MasterMerger merger = new MasterMerger();

    private static MasterMerger.Member member(Books book) {
        return new MasterMerger.Member(book.id(), book.accepted().record());
    }

    private CashlRecord merge(String masterId, MasterMerger.Member... members) {
        return merger.merge(masterId, List.of(members), List.of());
    }

    private static List<String> holdings(CashlRecord record) {
        return record.getHolding().stream()
                .map((Holding h) -> h.getLibrary() + "/" + h.getLocalId())
                .toList();
    }

    private static List<String> isbns(CashlRecord record) {
        return record.getIdentifiers().getIsbn().stream()
                .map(StandardNumber::getValue)
                .toList();
    }

    private static List<String> relations(CashlRecord record) {
        return record.getRelation().stream()
                .map((Relation r) -> r.getType().value() + " " + r.getTarget())
                .toList();
    }

    private static Relation relation(RelationType type, String target) {
        Relation relation = new Relation();
        relation.setType(type);
        relation.setTarget(target);
        return relation;
    }

    @Test
    void completenessCountsTheElementsARecordFills() {
        // Title, contributor, year, language: the defaults of the fixture. Local ids and holdings are
        // not description, so they do not count.
        assertEquals(4, MasterMerger.completeness(member(Books.book("pku", "1")).record()));
        // ...plus two ISBNs, a volume and a subject.
        assertEquals(
                8,
                MasterMerger.completeness(member(Books.book("pku", "1")
                                .isbn(PENGUIN, OXFORD)
                                .volume("v. 1")
                                .subject("Courtship -- Fiction"))
                        .record()));
        assertEquals(
                2,
                MasterMerger.completeness(
                        member(Books.book("pku", "1").author(null).year(null)).record()));
    }

    @Test
    void theMostCompleteMemberGivesTheSingleValuedFieldsWhateverItsIdOrPosition() {
        MasterMerger.Member sparse =
                member(Books.book("aaa", "1").title("Pride and prejudice").author("Austen, J."));
        MasterMerger.Member full = member(Books.book("zzz", "1")
                .title("Pride and prejudice : a novel")
                .author("Austen, Jane, 1775-1817")
                .isbn(PENGUIN)
                .subject("Courtship -- Fiction"));

        for (List<MasterMerger.Member> order : List.of(List.of(sparse, full), List.of(full, sparse))) {
            CashlRecord master = merger.merge("m:1", order, List.of());
            assertEquals("Pride and prejudice : a novel", master.getTitle().getMain());
            assertEquals(
                    List.of("Austen, Jane, 1775-1817"),
                    master.getContributor().stream().map(Contributor::getName).toList());
        }
    }

    @Test
    void equallyCompleteMembersRankByIdNotByArrival() {
        MasterMerger.Member first = member(Books.book("aaa", "1").title("Pride and prejudice"));
        MasterMerger.Member second = member(Books.book("bbb", "1").title("Pride and prejudice, a novel"));

        assertEquals(
                "Pride and prejudice", merge("m:1", second, first).getTitle().getMain());
        assertEquals(
                "Pride and prejudice", merge("m:1", first, second).getTitle().getMain());
    }

    @Test
    void aFieldTheBestMemberLacksComesFromTheNextThatHasIt() {
        // The best member (two ISBNs, a subject) has no year and no author.
        MasterMerger.Member best = member(Books.book("aaa", "1")
                .isbn(PENGUIN, OXFORD)
                .subject("Courtship -- Fiction")
                .author(null)
                .year(null));
        MasterMerger.Member other =
                member(Books.book("bbb", "1").author("Austen, Jane").year("2003"));

        CashlRecord master = merge("m:1", other, best);

        assertEquals("2003", master.getPublication().getYear());
        assertEquals(
                List.of("Austen, Jane"),
                master.getContributor().stream().map(Contributor::getName).toList());
    }

    @Test
    void contributorListsAreTakenWholeFromOneMemberNeverMixed() {
        CashlRecord best = member(Books.book("aaa", "1").isbn(PENGUIN).author("Austen, Jane"))
                .record();
        Contributor editor = new Contributor();
        editor.setName("Jones, Vivien");
        editor.setKind(best.getContributor().get(0).getKind());
        best.getContributor().add(editor);
        MasterMerger.Member other = member(Books.book("bbb", "1").author("AUSTEN, JANE, 1775-1817"));

        CashlRecord master = merge("m:1", other, new MasterMerger.Member("aaa:1", best));

        assertEquals(
                List.of("Austen, Jane", "Jones, Vivien"),
                master.getContributor().stream().map(Contributor::getName).toList());
    }

    @Test
    void identifiersLanguagesAndSubjectsAreUnionedEachValueOnce() {
        MasterMerger.Member best =
                member(Books.book("aaa", "1").isbn(PENGUIN, OXFORD).subject("Courtship -- Fiction"));
        MasterMerger.Member other = member(Books.book("bbb", "7").isbn(OXFORD).subject("COURTSHIP: fiction"));
        MasterMerger.Member third = member(Books.book("ccc", "9").subject("Sisters -- Fiction"));

        CashlRecord master = merge("m:1", third, other, best);

        assertEquals(List.of(PENGUIN, OXFORD), isbns(master));
        assertEquals(
                List.of("aaa\t1", "bbb\t7", "ccc\t9"),
                master.getIdentifiers().getLocal().stream()
                        .map((LocalIdentifier l) -> l.getSource() + "\t" + l.getValue())
                        .toList());
        assertEquals(List.of("eng"), master.getLanguage());
        // Subjects are compared folded (case, accents, punctuation); the best-ranked member's form stays.
        assertEquals(
                List.of("Courtship -- Fiction", "Sisters -- Fiction"),
                master.getSubject().stream().map(Subject::getValue).toList());
    }

    @Test
    void aValidIsbnWinsOverTheSameNumberFlaggedInvalid() {
        // The member that flags it invalid ranks first (a subject more), yet the valid reading is kept.
        MasterMerger.Member flagged =
                member(Books.book("aaa", "1").invalidIsbn(PENGUIN).subject("Courtship -- Fiction"));
        MasterMerger.Member valid = member(Books.book("bbb", "1").isbn(PENGUIN));

        CashlRecord master = merge("m:1", flagged, valid);

        assertEquals(1, master.getIdentifiers().getIsbn().size());
        StandardNumber isbn = master.getIdentifiers().getIsbn().get(0);
        assertEquals(PENGUIN, isbn.getValue());
        assertNull(isbn.isValid(), "the unflagged reading");

        CashlRecord alone = merge("m:1", flagged);
        assertFalse(alone.getIdentifiers().getIsbn().get(0).isValid(), "no better reading: the flag stays");
    }

    @Test
    void everyLibraryKeepsItsHoldingOncePerLocalIdSortedWithOneProvenancePerMember() {
        MasterMerger.Member thu = member(Books.book("thu", "9").isbn(PENGUIN).callNumber("I561.44 A93"));
        MasterMerger.Member pku2 = member(Books.book("pku", "2").isbn(PENGUIN));
        MasterMerger.Member pku10 = member(Books.book("pku", "10").isbn(PENGUIN));
        // The same pku record reached the hub twice (say, under another source record id).
        MasterMerger.Member pku2Again = new MasterMerger.Member(
                "pku-mirror:2", Books.book("pku", "2").isbn(PENGUIN).accepted().record());

        CashlRecord master = merge("thu:9", pku2, thu, pku2Again, pku10);

        assertEquals(List.of("pku/10", "pku/2", "thu/9"), holdings(master));
        assertEquals("I561.44 A93", master.getHolding().get(2).getCallNumber(), "a holding keeps its own details");
        assertEquals(
                List.of("pku 10", "pku 2", "thu 9"),
                master.getProvenance().stream()
                        .map((Provenance p) -> p.getSource() + " " + p.getSourceIdentifier())
                        .toList());
    }

    @Test
    void relationsKeepTheMembersPartOfLinksAndLinkEachOtherFormatButNotItself() {
        CashlRecord volume = member(Books.book("aaa", "1").isbn(PENGUIN)).record();
        volume.getRelation().add(relation(RelationType.PART_OF, "aaa:set"));
        // A member's own other-format link is stale once it is a member: the cluster's links replace it.
        volume.getRelation().add(relation(RelationType.OTHER_FORMAT, "aaa:stale"));
        CashlRecord same = member(Books.book("bbb", "1").isbn(PENGUIN)).record();
        same.getRelation().add(relation(RelationType.PART_OF, "aaa:set"));

        CashlRecord master = merger.merge(
                "aaa:1",
                List.of(new MasterMerger.Member("aaa:1", volume), new MasterMerger.Member("bbb:1", same)),
                List.of("zzz:9", "aaa:1", "ccc:3"));

        assertEquals(List.of("partOf aaa:set", "otherFormat ccc:3", "otherFormat zzz:9"), relations(master));
    }

    @Test
    void theMasterRecordTakesTheMasterIdAndTheBestMembersType() {
        MasterMerger.Member ebook =
                member(Books.book("aaa", "1").isbn(PENGUIN, OXFORD).electronic());
        MasterMerger.Member other = member(Books.book("bbb", "1").electronic());

        CashlRecord master = merge("aaa:1-m2", other, ebook);

        assertEquals("aaa:1-m2", master.getId());
        assertEquals("ebook", master.getType().value());
        assertEquals("1.0", master.getSchemaVersion());
    }

    @Test
    void theSameMembersInAnyOrderGiveTheSameValidXml() throws Exception {
        List<MasterMerger.Member> members = new ArrayList<>(List.of(
                member(Books.book("thu", "9").isbn(PENGUIN).subject("Courtship -- Fiction")),
                member(Books.book("pku", "2").isbn(PENGUIN, OXFORD).callNumber("PR4034 .P7")),
                member(Books.book("nlc", "5").isbn(OXFORD).year("2003").subject("Sisters -- Fiction"))));
        // write validates against the schema: the merge keeps a master record valid.
        String expected = CashlRecords.get().write(merger.merge("pku:2", members, List.of("pku:8")));

        Collections.reverse(members);
        assertEquals(expected, CashlRecords.get().write(merger.merge("pku:2", members, List.of("pku:8"))));
        Collections.swap(members, 0, 1);
        assertEquals(expected, CashlRecords.get().write(merger.merge("pku:2", members, List.of("pku:8"))));
    }

    @Test
    void aClusterNeedsAMember() {
        assertThrows(IllegalArgumentException.class, () -> merger.merge("m:1", List.of(), List.of()));
    }
}

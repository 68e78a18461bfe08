package org.guidesearch.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/** Grouping a ranking by numbered section: one hit per section, and only well-ranked parts listed under it. */
class SectionGroupsTest {
    // documents 1, 2, 3 and 4 are parts of numbered section 1 (2 and 3 are subsections of 1, 4 of 3); 10 and 20
    // are sections of their own
    private static final Map<Integer, Integer> ROOT = Map.of(1, 1, 2, 1, 3, 1, 4, 1, 10, 10, 20, 20, 30, 30);
    private static final Map<Integer, Integer> PARENT = Map.of(2, 1, 3, 1, 4, 3);

    private static int parent(int doc) {
        return PARENT.getOrDefault(doc, -1);
    }

    private static ScoreDoc[] ranking(int... docs) {
        ScoreDoc[] out = new ScoreDoc[docs.length];
        for (int i = 0; i < docs.length; i++) out[i] = new ScoreDoc(docs[i], docs.length - i);
        return out;
    }

    private static List<List<Integer>> shape(List<SectionGroups.Group> groups) {
        return groups.stream()
                .map(g -> java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(g.lead().doc),
                                g.others().stream().map(sd -> sd.doc))
                        .toList())
                .toList();
    }

    @Test
    void eachNumberedSectionLeadsOnceWithItsBestPart() {
        List<SectionGroups.Group> groups =
                SectionGroups.of(ranking(2, 10, 1, 20, 3), ROOT::get, doc -> -1, 64, Integer.MAX_VALUE);
        assertThat(shape(groups)).containsExactly(List.of(2, 1, 3), List.of(10), List.of(20));
    }

    @Test
    void aSiblingRankedBeyondThePageIsNotListedUnderTheLead() {
        // a page of 3: sibling 2 (rank 5) did not make it on its own and would push section 20 down
        List<SectionGroups.Group> groups =
                SectionGroups.of(ranking(3, 10, 20, 30, 2), ROOT::get, SectionGroupsTest::parent, 64, 3);
        assertThat(shape(groups)).containsExactly(List.of(3), List.of(10), List.of(20), List.of(30));
    }

    @Test
    void aSiblingWithinThePageIsListed() {
        List<SectionGroups.Group> groups =
                SectionGroups.of(ranking(3, 2, 10, 20), ROOT::get, SectionGroupsTest::parent, 64, 3);
        assertThat(shape(groups)).containsExactly(List.of(3, 2), List.of(10), List.of(20));
    }

    @Test
    void theSectionsEnclosingTheLeadAndThoseItEnclosesAreListedWhereverTheyRank() {
        // lead 3: its enclosing section 1 and its own subsection 4 rank beyond the page of 2 but are listed
        List<SectionGroups.Group> groups =
                SectionGroups.of(ranking(3, 10, 20, 2, 4, 1), ROOT::get, SectionGroupsTest::parent, 64, 2);
        assertThat(shape(groups)).containsExactly(List.of(3, 4, 1), List.of(10), List.of(20));
    }

    @Test
    void aGroupPastThePageListsNoParts() {
        // a page of 2: section 1's group comes third, so its enclosing part 1 is not listed under lead 3
        List<SectionGroups.Group> groups =
                SectionGroups.of(ranking(10, 20, 3, 1), ROOT::get, SectionGroupsTest::parent, 64, 2);
        assertThat(shape(groups)).containsExactly(List.of(10), List.of(20), List.of(3));
    }
}

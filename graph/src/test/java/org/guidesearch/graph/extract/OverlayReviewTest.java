package org.guidesearch.graph.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guidesearch.graph.extract.VocabularyOverlayTest.edge;
import static org.guidesearch.graph.extract.VocabularyOverlayTest.extracted;

import java.util.List;
import java.util.Set;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.CuratedRelation;
import org.guidesearch.graph.vocabulary.RelationType;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.indexer.corpus.SectionRef;
import org.junit.jupiter.api.Test;

class OverlayReviewTest {
    static final SectionRef HOME = VocabularyOverlayTest.S;
    static final SectionRef ELSEWHERE = new SectionRef("part2.md", "pruning");

    final Vocabulary curated = new Vocabulary(
            List.of(
                    new Concept("scion", "Scion", List.of(), "part", "", HOME),
                    new Concept("rootstock", "Rootstock", List.of(), "part", "", HOME),
                    new Concept("graft", "Graft", List.of(), "technique", "", HOME),
                    new Concept("bud-graft", "Bud graft", List.of(), "technique", "", HOME)),
            List.of(new CuratedRelation("scion", RelationType.PART_OF, "graft", List.of(HOME))));

    final OverlayReview review = new OverlayReview();

    @Test
    void conceptsNoCuratedOneClaimsAreListedMostConnectedFirstAndBlockedOnesNot() {
        Vocabulary text = new Vocabulary(
                List.of(
                        extracted("cambium", "cambium"),
                        extracted("sap", "sap"),
                        extracted("the-scion", "the scions"),
                        extracted("lot", "lot")),
                List.of(
                        edge("sap", RelationType.RELATED_TO, "the-scion"),
                        edge("sap", RelationType.RELATED_TO, "cambium"),
                        edge("lot", RelationType.RELATED_TO, "sap")));
        OverlayReport report = review.review(text, curated, Set.of("LOT"));
        assertThat(report.unmatched()).extracting(Concept::id).containsExactly("sap", "cambium");
    }

    @Test
    void relationsBetweenCuratedConceptsTheOverlayLeavesUnrelatedAreMissingInCuratedIds() {
        Vocabulary text = new Vocabulary(
                List.of(
                        extracted("rootstocks", "rootstocks"),
                        extracted("the-graft", "the graft"),
                        extracted("scion-x", "scion")),
                List.of(
                        edge("rootstocks", RelationType.PART_OF, "the-graft"),
                        // related both ways already: the overlay has scion PART_OF graft
                        edge("the-graft", RelationType.RELATED_TO, "scion-x")));
        OverlayReport report = review.review(text, curated, Set.of());
        assertThat(report.missingRelations())
                .extracting(CuratedRelation::toString)
                .containsExactly("rootstock PART_OF graft");
        assertThat(report.contradictions()).isEmpty();
    }

    @Test
    void aReversedDirectedRelationIsAContradictionNotAMissingOne() {
        Vocabulary text = new Vocabulary(
                List.of(extracted("scion-x", "scion"), extracted("graft-x", "graft")),
                List.of(edge("graft-x", RelationType.PART_OF, "scion-x")));
        OverlayReport report = review.review(text, curated, Set.of());
        assertThat(report.missingRelations()).isEmpty();
        assertThat(report.contradictions()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(OverlayReport.Kind.REVERSED);
            assertThat(c.curated()).isEqualTo("scion PART_OF graft");
            assertThat(c.text()).contains("graft PART_OF scion");
        });
    }

    @Test
    void oneExtractedConceptCarryingTwoCuratedOnesAndAnotherHomeAreContradictions() {
        Concept both = new Concept("graft-x", "graft", List.of("bud grafts"), "term", "", ELSEWHERE, Concept.EXTRACTED);
        OverlayReport report = review.review(new Vocabulary(List.of(both), List.of()), curated, Set.of());
        assertThat(report.contradictions())
                .extracting(OverlayReport.Contradiction::kind)
                .containsExactly(OverlayReport.Kind.ONE_IN_THE_TEXT, OverlayReport.Kind.OTHER_HOME);
        assertThat(report.contradictions().get(0).curated()).isEqualTo("graft, bud-graft");
        assertThat(report.contradictions().get(1).evidence()).containsExactly(ELSEWHERE);
    }

    @Test
    void typedRelationsComeFirstAndASymmetricOneFoundBothWaysIsListedOnce() {
        Vocabulary text = new Vocabulary(
                List.of(
                        extracted("rootstocks", "rootstocks"),
                        extracted("the-graft", "the graft"),
                        extracted("bud", "bud graft")),
                List.of(
                        edge("rootstocks", RelationType.RELATED_TO, "bud"),
                        edge("bud", RelationType.RELATED_TO, "rootstocks"),
                        new CuratedRelation(
                                "bud", RelationType.IS_A, "the-graft", List.of(HOME), 0.3, Concept.EXTRACTED)));
        OverlayReport report = review.review(text, curated, Set.of());
        assertThat(report.missingRelations())
                .extracting(CuratedRelation::toString)
                .containsExactly("bud-graft IS_A graft", "rootstock RELATED_TO bud-graft");
    }
}

package org.guidesearch.graph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.CuratedRelation;
import org.guidesearch.graph.vocabulary.RelationType;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.indexer.corpus.SectionRef;
import org.junit.jupiter.api.Test;

class VocabularyOverlayTest {
    static final SectionRef S = new SectionRef("part1.md", "s");

    static Concept extracted(String id, String name, String... aliases) {
        return new Concept(id, name, List.of(aliases), "term", "", S, Concept.EXTRACTED);
    }

    static CuratedRelation edge(String from, RelationType type, String to) {
        return new CuratedRelation(from, type, to, List.of(S), 0.6, Concept.EXTRACTED);
    }

    final Vocabulary curated = new Vocabulary(
            List.of(new Concept("scion", "Scion", List.of("scions"), "part", "Upper part.", S)), List.of());

    @Test
    void anExtractedConceptThatNamesACuratedOneMergesIntoItAndKeepsItsRelations() {
        Vocabulary extracted = new Vocabulary(
                List.of(extracted("the-scion", "The Scion"), extracted("bud", "bud")),
                List.of(edge("bud", RelationType.PART_OF, "the-scion")));
        Vocabulary overlaid = new VocabularyOverlay().apply(extracted, curated, Set.of());
        assertThat(overlaid.concepts()).extracting(Concept::id).containsExactly("scion", "bud");
        assertThat(overlaid.concept("scion").orElseThrow().name()).isEqualTo("Scion");
        assertThat(overlaid.concept("scion").orElseThrow().source()).isEqualTo(Concept.CURATED);
        assertThat(overlaid.relations()).singleElement().satisfies(r -> {
            assertThat(r.toString()).isEqualTo("bud PART_OF scion");
            assertThat(r.source()).isEqualTo(Concept.EXTRACTED);
        });
    }

    @Test
    void theBlocklistDropsExtractedConceptsAndTheirRelations() {
        Vocabulary extracted = new Vocabulary(
                List.of(extracted("bud", "bud"), extracted("lot", "lot", "lots")),
                List.of(edge("bud", RelationType.RELATED_TO, "lot")));
        Vocabulary overlaid = new VocabularyOverlay().apply(extracted, curated, Set.of("Lots"));
        assertThat(overlaid.concepts()).extracting(Concept::id).containsExactly("scion", "bud");
        assertThat(overlaid.relations()).isEmpty();
    }

    @Test
    void anExtractedIdThatACuratedConceptHoldsIsRenamed() {
        Vocabulary extracted = new Vocabulary(List.of(extracted("scion", "scion wood tissue")), List.of());
        Vocabulary overlaid = new VocabularyOverlay().apply(extracted, curated, Set.of());
        assertThat(overlaid.concepts()).extracting(Concept::id).containsExactly("scion", "scion-2");
    }
}

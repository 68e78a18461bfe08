package org.guidesearch.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.guidesearch.graph.model.ConceptModelBuilder;
import org.guidesearch.graph.read.GraphStats;
import org.guidesearch.indexer.corpus.Corpus;
import org.junit.jupiter.api.Test;

/** Rebuilding replaces the graph completely: the same model gives the same counts; a smaller corpus shrinks it. */
class GraphRebuildIT {
    @Test
    void rebuildingIsIdempotentAndARemovedFileLeavesNothingBehind() throws Exception {
        try (GuideGraph g = GuideGraph.start()) {
            GraphStats first = g.graph.stats();
            g.writer.replaceGuide(GuideGraph.GUIDE, g.model);
            g.graph.invalidate();
            assertThat(g.graph.stats()).isEqualTo(first);

            Corpus withoutPart5 = new Corpus(
                    g.corpus.sections().stream()
                            .filter(s -> !s.doc().equals("part5.md"))
                            .toList(),
                    List.of());
            g.writer.replaceGuide(GuideGraph.GUIDE, new ConceptModelBuilder().build(withoutPart5, g.vocabulary));
            g.graph.invalidate();
            GraphStats smaller = g.graph.stats();
            assertThat(smaller.documents()).isEqualTo(first.documents() - 1);
            assertThat(smaller.mentions()).isLessThan(first.mentions());
            assertThat(g.graph.relatedSections(
                            GuideGraph.GUIDE,
                            new org.guidesearch.indexer.corpus.SectionRef(
                                    "part5.md", "131-the-global-interpreter-lock-gil"),
                            5))
                    .isEmpty();
            var gil = g.graph.concept("gil", 100).orElseThrow();
            assertThat(gil.sections()).noneMatch(s -> s.doc().equals("part5.md"));
            assertThat(g.graph.neighbours("gil", 1, 500, null).orElseThrow().edges())
                    .allSatisfy(e ->
                            assertThat(e.evidence()).noneMatch(ref -> ref.doc().equals("part5.md")));
        }
    }
}

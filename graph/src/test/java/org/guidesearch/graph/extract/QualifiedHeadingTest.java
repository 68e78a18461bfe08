package org.guidesearch.graph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QualifiedHeadingTest {
    @Test
    void aHeadingThatQualifiesItsLeadingWordNamesItEvenWhenTheWordIsGeneric() throws Exception {
        SmallGuide guide = SmallGuide.of("""
        # Part I: Orchards

        ## 1. Basics

        Trees grow in rows. Patterns of rows matter.

        ## 2.1 Patterns (v2): Planting in Rows

        Patterns decide where each tree stands. Patterns repeat.
        """);
        var vocabulary = new ConceptExtractor().extract(guide.corpus(), guide.folder());
        assertThat(vocabulary.concepts())
                .anyMatch(c -> c.surfaceForms().stream().anyMatch(f -> f.equalsIgnoreCase("patterns")));
    }
}

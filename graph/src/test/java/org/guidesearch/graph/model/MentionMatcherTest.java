package org.guidesearch.graph.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.guidesearch.graph.vocabulary.Concept;
import org.junit.jupiter.api.Test;

/** Mentions in small inline texts, against a three-concept vocabulary. */
class MentionMatcherTest {
    private final MentionMatcher matcher = new MentionMatcher(List.of(
            new Concept("gil", "Global Interpreter Lock", List.of("GIL"), null, null, null),
            new Concept("garbage-collector", "garbage collector", List.of("GC"), null, null, null),
            new Concept("threads", "thread", List.of("threading"), null, null, null)));

    @Test
    void countsWholeFormsCaseInsensitivelyWithPlurals() {
        assertThat(matcher.mentions("The global interpreter lock stops threads; a thread waits for the GIL."))
                .containsEntry("gil", 2)
                .containsEntry("threads", 2)
                .doesNotContainKey("garbage-collector");
    }

    @Test
    void shortCapitalFormsMatchOnlyInCapitals() {
        assertThat(matcher.mentions("import gc\ngc.collect()")).isEmpty();
        assertThat(matcher.mentions("the GC runs")).containsEntry("garbage-collector", 1);
    }

    @Test
    void aFormInsideALongerIdentifierIsNoMention() {
        assertThat(matcher.mentions("threading_local and my_thread")).isEmpty();
    }
}

package org.guidesearch.indexer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WordOverlapTest {
    @Test
    void sharedWordsOverAllWordsIgnoringCaseAndFunctionWords() {
        assertThat(WordOverlap.of("Why is my GIL slow", "the gil is slow")).isEqualTo(1.0);
        assertThat(WordOverlap.of("threads share memory", "processes share nothing"))
                .isCloseTo(1.0 / 5, within(1e-9));
        assertThat(WordOverlap.of("lru_cache", "functools lru_cache")).isCloseTo(0.5, within(1e-9));
        assertThat(WordOverlap.of("the of and", "a an")).isZero();
    }
}

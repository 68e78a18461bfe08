package org.guidesearch.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.guidesearch.indexer.semantic.ReaderQuestions;
import org.guidesearch.indexer.semantic.SentenceEmbedder;
import org.guidesearch.indexer.semantic.SentenceEmbedder.Precision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keyword-led query (a few words, no question mark) is embedded by MiniLM's quantized twin in the default mode; a
 * question, and every query in the semantic mode, by the model that embedded the passages.
 */
class QueryEmbeddingPrecisionTest {
    @TempDir
    static Path dir;

    static SentenceEmbedder embedder;
    static Path generation;

    @BeforeAll
    static void index() throws IOException {
        embedder = TinyGuide.embedder(dir);
        generation = TinyGuide.index(dir, TinyGuide.TEA, embedder, ReaderQuestions.none());
    }

    @Test
    void aShortQueryInTheDefaultModeIsEmbeddedByTheQuantizedTwin() throws IOException {
        search("kettle", SearchMode.HYBRID);

        assertThat(embeddedBefore("kettle", Precision.APPROXIMATE)).isTrue();
        assertThat(embeddedBefore("kettle", Precision.FULL)).isFalse();
    }

    @Test
    void aQuestionInTheDefaultModeIsEmbeddedByThePassagesModel() throws IOException {
        search("the kettle boils water on the stove", SearchMode.HYBRID);

        assertThat(embeddedBefore("the kettle boils water on the stove", Precision.FULL))
                .isTrue();
        assertThat(embeddedBefore("the kettle boils water on the stove", Precision.APPROXIMATE))
                .isFalse();
    }

    @Test
    void theSemanticModeEmbedsEveryQueryByThePassagesModel() throws IOException {
        search("stove", SearchMode.SEMANTIC);

        assertThat(embeddedBefore("stove", Precision.FULL)).isTrue();
    }

    @Test
    void theQuantizedTwinsVectorIsAnotherButLandsBesideTheFullOne() {
        float[] full = embedder.embedQuery("steeping leaves", Precision.FULL)[0];
        float[] approximate = embedder.embedQuery("steeping leaves", Precision.APPROXIMATE)[0];

        assertThat(approximate).isNotEqualTo(full);
        assertThat(cosine(full, approximate)).isGreaterThan(0.95);
    }

    private static void search(String query, SearchMode mode) throws IOException {
        try (SectionSearcher searcher = new SectionSearcher(new QueryPlanner(null), embedder)) {
            searcher.open(generation);
            assertThat(searcher.search(new SearchRequest(query, 5, 0, null, mode))
                            .hits())
                    .isNotEmpty();
        }
    }

    /** Whether this query's vector at this precision was already computed (then it comes from the query cache). */
    private static boolean embeddedBefore(String query, Precision precision) {
        long hits = embedder.queryCache().stats().hitCount();
        embedder.embedQuery(query, precision);
        return embedder.queryCache().stats().hitCount() > hits;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}

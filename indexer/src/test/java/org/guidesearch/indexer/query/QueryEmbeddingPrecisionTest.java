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
 * A keyword-led query (keywords only, no question) is embedded in the default mode as the mean of its words' vectors,
 * each word embedded alone once by MiniLM's quantized twin; a question, and every query in the semantic mode, whole by
 * the model that embedded the passages.
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
    void keywordsInTheDefaultModeAreEmbeddedThroughTheirWords() throws IOException {
        long words = embedder.wordCache().stats().requestCount();
        long queries = embedder.queryCache().stats().requestCount();

        search("kettle stove water leaves", SearchMode.HYBRID);

        assertThat(embedder.wordCache().stats().requestCount() - words).isEqualTo(4);
        assertThat(embedder.queryCache().stats().requestCount()).isEqualTo(queries);
    }

    @Test
    void eachWordIsEmbeddedOnceForEveryQueryThatHoldsIt() {
        embedder.embedQuery("oolong", Precision.APPROXIMATE);
        long misses = embedder.wordCache().stats().missCount();

        embedder.embedQuery("oolong kettle", Precision.APPROXIMATE);
        embedder.embedQuery("kettle oolong", Precision.APPROXIMATE);

        assertThat(embedder.wordCache().stats().missCount() - misses).isLessThanOrEqualTo(1);
    }

    @Test
    void aQuestionInTheDefaultModeIsEmbeddedWholeByThePassagesModel() throws IOException {
        long words = embedder.wordCache().stats().requestCount();

        search("why does the kettle boil", SearchMode.HYBRID);

        assertThat(embeddedBefore("why does the kettle boil")).isTrue();
        assertThat(embedder.wordCache().stats().requestCount()).isEqualTo(words);
    }

    @Test
    void theSemanticModeEmbedsEveryQueryWholeByThePassagesModel() throws IOException {
        search("stove", SearchMode.SEMANTIC);

        assertThat(embeddedBefore("stove")).isTrue();
    }

    @Test
    void theWordsMeanIsAnotherVectorButLandsNearTheWholeQuerys() {
        float[] full = embedder.embedQuery("steeping leaves", Precision.FULL)[0];
        float[] approximate = embedder.embedQuery("steeping leaves", Precision.APPROXIMATE)[0];
        float[] unrelated = embedder.embedQuery("tax return deadline", Precision.FULL)[0];

        assertThat(approximate).isNotEqualTo(full);
        assertThat(cosine(full, approximate)).isGreaterThan(0.7).isGreaterThan(cosine(unrelated, approximate) + 0.3);
    }

    private static void search(String query, SearchMode mode) throws IOException {
        try (SectionSearcher searcher = new SectionSearcher(new QueryPlanner(null), embedder)) {
            searcher.open(generation);
            assertThat(searcher.search(new SearchRequest(query, 5, 0, null, mode))
                            .hits())
                    .isNotEmpty();
        }
    }

    /** Whether this query's whole vector was already computed (then it comes from the query cache). */
    private static boolean embeddedBefore(String query) {
        long hits = embedder.queryCache().stats().hitCount();
        embedder.embedQuery(query, Precision.FULL);
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

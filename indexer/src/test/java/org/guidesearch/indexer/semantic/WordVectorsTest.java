package org.guidesearch.indexer.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.guidesearch.indexer.semantic.SentenceEmbedder.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordVectorsTest {
    @TempDir
    Path dir;

    @Test
    void aGuidesWordsAreItsTokensWithoutTheSentencesPunctuation() {
        assertThat(WordVectors.vocabulary("The kettle, (when boiling) whistles. Use x++ or a[] \"now\"!"))
                .containsExactly("the", "kettle", "when", "boiling", "whistles", "use", "x++", "or", "a[]", "now");
    }

    @Test
    void aGuidesWordsAreEmbeddedOnceWhenLearntAndKeptOnDisk() throws IOException {
        EmbeddingCache cache = new EmbeddingCache(dir.resolve("embeddings.bin"));
        SentenceEmbedder embedder = new SentenceEmbedder(EmbeddingModelChoice.DEFAULT, cache);

        embedder.learnWords(List.of("Kettle boiling.", "The kettle whistles"));
        int learnt = cache.size();
        embedder.learnWords(List.of("kettle whistles"));

        assertThat(learnt).isEqualTo(4); // kettle, boiling, the, whistles
        assertThat(cache.size()).isEqualTo(learnt);
        assertThat(new EmbeddingCache(dir.resolve("embeddings.bin")).size()).isEqualTo(learnt);
    }

    @Test
    void aQueryOfLearntWordsIsTheirVectorsMean() throws IOException {
        SentenceEmbedder embedder =
                new SentenceEmbedder(EmbeddingModelChoice.DEFAULT, new EmbeddingCache(dir.resolve("embeddings.bin")));
        embedder.learnWords(List.of("kettle whistles"));

        float[] one = embedder.embedQuery("Kettle", Precision.APPROXIMATE)[0];
        float[] other = embedder.embedQuery("whistles", Precision.APPROXIMATE)[0];
        float[] both = embedder.embedQuery("kettle   WHISTLES", Precision.APPROXIMATE)[0];

        float[] mean = new float[one.length];
        double norm = 0;
        for (int i = 0; i < one.length; i++) {
            mean[i] = one[i] + other[i];
            norm += mean[i] * mean[i];
        }
        for (int i = 0; i < one.length; i++) {
            assertThat((double) both[i])
                    .isCloseTo(mean[i] / Math.sqrt(norm), org.assertj.core.data.Offset.offset(1e-5));
        }
    }
}

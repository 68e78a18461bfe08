package org.guidesearch.indexer.semantic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * Approximate query vectors: the normalised mean of the vectors of the query's words, each word embedded alone once
 * and kept.
 *
 * <p>Why: a new query costs a transformer pass of about 2–5 ms of CPU, more than the whole keyword search, and a
 * typed query is nearly always new. Its words are not: a guide has a few thousand of them, and readers type those.
 * Where the meaning ranking only breaks the keyword ranking's near-ties (keyword-style queries), the mean of the
 * words' vectors ranked every judged set within 0.004 of the whole query's vector (README, "Search quality"). Words
 * are kept as typed (a cased model tells them apart); the cache is bounded and its statistics are reported.
 * Thread-safe.
 */
final class WordVectors {
    /** About 1.6 kB a word: 20,000 words, some 32 MB, hold several guides' vocabularies and the readers' typos. */
    private static final int MAX_WORDS = 20_000;

    private final Cache<Word, float[]> words = Caffeine.newBuilder()
            .maximumSize(MAX_WORDS)
            .executor(Runnable::run) // evict on the searching thread: no background tasks to own or stop
            .recordStats()
            .build();

    /** A word as one model embeds it: {@code model} tells apart the vectors of several models. */
    private record Word(int model, String text) {}

    /**
     * The normalised mean of the vectors of {@code text}'s whitespace-separated words, each embedded alone by
     * {@code embedding} with {@code prefix}; {@code model} names that model among the caller's.
     */
    float[] mean(String text, int model, EmbeddingModel embedding, String prefix) {
        float[] sum = null;
        for (String w : text.strip().split("\\s+")) {
            if (w.isEmpty()) continue;
            float[] v = words.get(
                    new Word(model, w),
                    k -> embedding.embed(prefix + k.text()).content().vector());
            if (sum == null) sum = new float[v.length];
            for (int i = 0; i < v.length; i++) sum[i] += v[i];
        }
        if (sum == null) throw new IllegalArgumentException("no word to embed in '" + text + "'");
        double norm = 0;
        for (float f : sum) norm += f * f;
        float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-9));
        for (int i = 0; i < sum.length; i++) sum[i] *= scale;
        return sum;
    }

    Cache<?, ?> cache() {
        return words;
    }
}

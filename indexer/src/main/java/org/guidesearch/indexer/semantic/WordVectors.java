package org.guidesearch.indexer.semantic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Approximate query vectors: the normalised mean of the vectors of the query's words, each word embedded alone.
 *
 * <p>Why: a new query costs a transformer pass of about 2–5 ms of CPU, more than the whole keyword search, and a
 * typed query is nearly always new. Its words are not: a guide has a few thousand, embedded when it is indexed
 * ({@link SentenceEmbedder#learnWords}) and kept in the on-disk cache. Where the meaning ranking only breaks the
 * keyword ranking's near-ties (keyword-style queries), the mean of the words' vectors ranked every judged set within
 * 0.004 of the whole query's vector (README, "Search quality"). A word the guide lacks (a typo, a half-typed word) is
 * embedded when first asked and kept in a bounded cache whose statistics are reported.
 *
 * <p>Words are lower-cased: every model shipped ({@link EmbeddingModelChoice}) reads uncased word pieces, so the
 * vector is the same. Thread-safe.
 */
final class WordVectors {
    /** About 1.6 kB a word: 20,000 words, some 32 MB, hold the words readers type beyond the guides' own. */
    private static final int MAX_WORDS = 20_000;

    /** Longer "words" are pasted code or URLs, not worth keeping. */
    private static final int MAX_WORD_LENGTH = 40;

    /** Sentence punctuation around a word of the guide; operators ({@code x++}, {@code a[]}) stay. */
    private static final String TRIMMED = ".,;:!?\"'`()*";

    private final EmbeddingCache stored;
    private final Cache<String, float[]> asked = Caffeine.newBuilder()
            .maximumSize(MAX_WORDS)
            .executor(Runnable::run) // evict on the searching thread: no background tasks to own or stop
            .recordStats()
            .build();

    /** @param stored the on-disk cache that holds the words learnt from the guides */
    WordVectors(EmbeddingCache stored) {
        this.stored = stored;
    }

    /**
     * The normalised mean of the vectors of {@code text}'s whitespace-separated words, as typed but lower-cased, each
     * as {@code model} embeds it alone (with {@code choice}'s query prefix): from the on-disk cache when the word was
     * learnt, else embedded now.
     */
    float[] mean(String text, EmbeddingModelChoice choice, EmbeddingModel model) {
        float[] sum = null;
        for (String typed : text.strip().split("\\s+")) {
            if (typed.isEmpty()) continue;
            String embedded = choice.queryPrefix() + typed.toLowerCase(Locale.ROOT);
            float[] v = asked.get(SentenceEmbedder.key(choice, embedded), key -> {
                float[] learnt = stored.get(key);
                return learnt != null ? learnt : model.embed(embedded).content().vector();
            });
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

    /** The words of a guide's text as readers type them: lower-cased, without the sentence's punctuation. */
    static List<String> vocabulary(String text) {
        List<String> out = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            int from = 0;
            int to = token.length();
            while (from < to && TRIMMED.indexOf(token.charAt(from)) >= 0) from++;
            while (to > from && TRIMMED.indexOf(token.charAt(to - 1)) >= 0) to--;
            if (to > from && to - from <= MAX_WORD_LENGTH) out.add(token.substring(from, to));
        }
        return out;
    }

    Cache<?, ?> cache() {
        return asked;
    }
}

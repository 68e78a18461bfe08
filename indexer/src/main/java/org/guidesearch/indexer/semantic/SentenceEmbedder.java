package org.guidesearch.indexer.semantic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sentence embeddings from one or more in-JVM models ({@link EmbeddingModelChoice}); with several, semantic ranking
 * fuses one ranking per model. Passages go through the on-disk cache (keyed by model and text); whole queries through
 * a small in-memory one ({@link #queryCache()}); approximate queries are made of their words' vectors ({@link
 * WordVectors}), the guides' words learnt at index time ({@link #learnWords}) and kept on disk too. Thread-safe.
 */
public final class SentenceEmbedder {
    /** How closely a query's vectors must follow the models that embedded the passages. */
    public enum Precision {
        /** From the passages' own models. */
        FULL,
        /**
         * The mean of the query's words' vectors ({@link WordVectors}), each word embedded alone by the model's
         * cheaper twin where it has one ({@link EmbeddingModelChoice#forApproximateQueries()}), else by the model
         * itself: for rankings that only break the near-ties of another.
         */
        APPROXIMATE
    }

    private static final int QUERY_CACHE_CAP = 5_000;

    private final List<EmbeddingModelChoice> choices;
    private final List<EmbeddingModel> models = new ArrayList<>();
    /** Per choice, the model for {@link Precision#APPROXIMATE} queries: the same instance when it has no twin. */
    private final List<EmbeddingModel> approximateModels = new ArrayList<>();

    private final EmbeddingCache cache;
    private final WordVectors wordVectors;
    private final Cache<String, float[][]> queryCache = Caffeine.newBuilder()
            .maximumSize(QUERY_CACHE_CAP)
            .executor(Runnable::run) // evict on the searching thread: no background tasks to own or stop
            .recordStats()
            .build();

    public SentenceEmbedder(List<EmbeddingModelChoice> choices, EmbeddingCache cache) {
        if (choices.isEmpty()) throw new IllegalArgumentException("at least one embedding model is needed");
        this.choices = List.copyOf(choices);
        this.cache = cache;
        this.wordVectors = new WordVectors(cache);
        // Each model is loaded once, even when it is both chosen and another's twin.
        Map<EmbeddingModelChoice, EmbeddingModel> loaded = new EnumMap<>(EmbeddingModelChoice.class);
        for (EmbeddingModelChoice c : choices) {
            models.add(loaded.computeIfAbsent(c, EmbeddingModelChoice::create));
            approximateModels.add(loaded.computeIfAbsent(c.forApproximateQueries(), EmbeddingModelChoice::create));
        }
    }

    /** For each text, one vector per model, computing (and caching) only what the cache lacks. */
    public List<float[][]> embedAll(List<String> texts) throws IOException {
        List<float[][]> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(new float[choices.size()][]));
        for (int m = 0; m < choices.size(); m++) {
            EmbeddingModelChoice choice = choices.get(m);
            List<String> keys = texts.stream()
                    .map(t -> key(choice, choice.passagePrefix() + t))
                    .toList();
            embedMissing(models.get(m), keys);
            for (int i = 0; i < texts.size(); i++) out.get(i)[m] = cache.get(keys.get(i));
        }
        return out;
    }

    /**
     * Embeds, for approximate queries, every word of {@code texts} (a guide's titles and prose) that the on-disk cache
     * lacks, so that a query made of the guide's own words costs no transformer pass, however new the query is.
     */
    public void learnWords(List<String> texts) throws IOException {
        Set<String> words = new TreeSet<>();
        texts.forEach(t -> words.addAll(WordVectors.vocabulary(t)));
        for (int m = 0; m < choices.size(); m++) {
            EmbeddingModelChoice twin = choices.get(m).forApproximateQueries();
            embedMissing(
                    approximateModels.get(m),
                    words.stream().map(w -> key(twin, twin.queryPrefix() + w)).toList());
        }
    }

    /** The cache's key of a text as a model embeds it (the text already carries the model's prefix). */
    static String key(EmbeddingModelChoice model, String text) {
        return model.id() + "\u0000" + text;
    }

    private void embedMissing(EmbeddingModel model, List<String> keys) throws IOException {
        List<String> missing =
                keys.stream().filter(k -> cache.get(k) == null).distinct().toList();
        if (missing.isEmpty()) return;
        List<TextSegment> segments = missing.stream()
                .map(k -> TextSegment.from(k.substring(k.indexOf('\u0000') + 1)))
                .toList();
        var embeddings = model.embedAll(segments).content();
        Map<String, float[]> computed = new LinkedHashMap<>();
        for (int i = 0; i < missing.size(); i++)
            computed.put(missing.get(i), embeddings.get(i).vector());
        cache.putAll(computed);
    }

    /** One vector per model for a query, from the passages' own models. */
    public float[][] embedQuery(String query) {
        return embedQuery(query, Precision.FULL);
    }

    /** One vector per model for a query, each comparable with that model's passage vectors. */
    public float[][] embedQuery(String query, Precision precision) {
        // An approximate vector is a sum of kept word vectors: cheaper to add up again than to keep per query.
        return precision == Precision.APPROXIMATE ? fromWords(query) : queryCache.get(query, this::embed);
    }

    /** The embeddings of recent queries, for its statistics; callers must not change it. */
    public Cache<?, ?> queryCache() {
        return queryCache;
    }

    /** The vectors of the words of approximate queries, for its statistics; callers must not change it. */
    public Cache<?, ?> wordCache() {
        return wordVectors.cache();
    }

    private float[][] embed(String query) {
        float[][] v = new float[choices.size()][];
        for (int m = 0; m < choices.size(); m++) {
            v[m] = models.get(m)
                    .embed(choices.get(m).queryPrefix() + query)
                    .content()
                    .vector();
        }
        return v;
    }

    private float[][] fromWords(String query) {
        float[][] v = new float[choices.size()][];
        for (int m = 0; m < choices.size(); m++) {
            v[m] = wordVectors.mean(query, choices.get(m).forApproximateQueries(), approximateModels.get(m));
        }
        return v;
    }
}

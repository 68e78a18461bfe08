package org.guidesearch.indexer.semantic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings from one or more in-JVM models ({@link EmbeddingModelChoice}); with several, semantic ranking
 * fuses one ranking per model. Passages go through the on-disk cache (keyed by model and text); queries through a
 * small in-memory one ({@link #queryCache()}). Thread-safe.
 */
public final class SentenceEmbedder {
    private static final int QUERY_CACHE_CAP = 5_000;

    private final List<EmbeddingModelChoice> choices;
    private final List<EmbeddingModel> models = new ArrayList<>();
    private final EmbeddingCache cache;
    private final Cache<QueryText, float[][]> queryCache = Caffeine.newBuilder()
            .maximumSize(QUERY_CACHE_CAP)
            .executor(Runnable::run) // evict on the searching thread: no background tasks to own or stop
            .recordStats()
            .build();

    public SentenceEmbedder(List<EmbeddingModelChoice> choices, EmbeddingCache cache) {
        if (choices.isEmpty()) throw new IllegalArgumentException("at least one embedding model is needed");
        this.choices = List.copyOf(choices);
        this.cache = cache;
        choices.forEach(c -> models.add(c.create()));
    }

    /** For each text, one vector per model, computing (and caching) only what the cache lacks. */
    public List<float[][]> embedAll(List<String> texts) throws IOException {
        List<float[][]> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(new float[choices.size()][]));
        for (int m = 0; m < choices.size(); m++) {
            EmbeddingModelChoice choice = choices.get(m);
            List<String> keys = texts.stream()
                    .map(t -> choice.id() + "\u0000" + choice.passagePrefix() + t)
                    .toList();
            List<String> missing =
                    keys.stream().filter(k -> cache.get(k) == null).distinct().toList();
            if (!missing.isEmpty()) {
                List<TextSegment> segments = missing.stream()
                        .map(k -> TextSegment.from(k.substring(k.indexOf('\u0000') + 1)))
                        .toList();
                var embeddings = models.get(m).embedAll(segments).content();
                Map<String, float[]> computed = new LinkedHashMap<>();
                for (int i = 0; i < missing.size(); i++)
                    computed.put(missing.get(i), embeddings.get(i).vector());
                cache.putAll(computed);
            }
            for (int i = 0; i < texts.size(); i++) out.get(i)[m] = cache.get(keys.get(i));
        }
        return out;
    }

    /** One vector per model for a query. */
    public float[][] embedQuery(String query) {
        return queryCache.get(new QueryText(query), this::embed);
    }

    /** The embeddings of recent queries, for its statistics; callers must not change it. */
    public Cache<?, ?> queryCache() {
        return queryCache;
    }

    private float[][] embed(QueryText query) {
        float[][] v = new float[choices.size()][];
        for (int m = 0; m < choices.size(); m++) {
            v[m] = models.get(m)
                    .embed(choices.get(m).queryPrefix() + query.text())
                    .content()
                    .vector();
        }
        return v;
    }

    private record QueryText(String text) {}
}

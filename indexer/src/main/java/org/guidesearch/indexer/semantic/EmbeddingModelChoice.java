package org.guidesearch.indexer.semantic;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.util.function.Supplier;

/**
 * The sentence-embedding models that ship inside Maven artifacts (ONNX, run in the JVM; nothing is downloaded), each
 * with the text prefixes its authors prescribe for queries and passages. All produce 384 dimensions.
 */
public enum EmbeddingModelChoice {
    MINILM(
            "all-MiniLM-L6-v2",
            "",
            "",
            () -> new OnnxSentenceModel(
                    AllMiniLmL6V2EmbeddingModel.class,
                    "all-minilm-l6-v2.onnx",
                    "all-minilm-l6-v2-tokenizer.json",
                    PoolingMode.MEAN)),
    /**
     * MiniLM with 8-bit weights: about half the CPU per embedding, and vectors close to MiniLM's own, so it can embed
     * a query that is then compared with MiniLM's passage vectors ({@link #forApproximateQueries()}).
     */
    MINILM_Q(
            "all-MiniLM-L6-v2-q",
            "",
            "",
            () -> new OnnxSentenceModel(
                    AllMiniLmL6V2QuantizedEmbeddingModel.class,
                    "all-minilm-l6-v2-q.onnx",
                    "all-minilm-l6-v2-q-tokenizer.json",
                    PoolingMode.MEAN)),
    BGE_SMALL(
            "bge-small-en-v1.5",
            "Represent this sentence for searching relevant passages: ",
            "",
            () -> new OnnxSentenceModel(
                    BgeSmallEnV15EmbeddingModel.class,
                    "bge-small-en-v1.5.onnx",
                    "bge-small-en-v1.5-tokenizer.json",
                    PoolingMode.CLS)),
    E5_SMALL(
            "e5-small-v2-q",
            "query: ",
            "passage: ",
            () -> new OnnxSentenceModel(
                    E5SmallV2QuantizedEmbeddingModel.class,
                    "e5-small-v2-q.onnx",
                    "e5-small-v2-q-tokenizer.json",
                    PoolingMode.MEAN));

    private final String id;
    private final String queryPrefix;
    private final String passagePrefix;
    private final Supplier<EmbeddingModel> factory;

    EmbeddingModelChoice(String id, String queryPrefix, String passagePrefix, Supplier<EmbeddingModel> factory) {
        this.id = id;
        this.queryPrefix = queryPrefix;
        this.passagePrefix = passagePrefix;
        this.factory = factory;
    }

    /** The default: the set that ranked the judged query set best (README, "Search quality"). */
    public static final java.util.List<EmbeddingModelChoice> DEFAULT = java.util.List.of(MINILM);

    /** Parses a comma-separated list of names such as {@code minilm,bge_small}. */
    public static java.util.List<EmbeddingModelChoice> parseList(String names) {
        if (names == null || names.isBlank()) return DEFAULT;
        return java.util.Arrays.stream(names.split(","))
                .map(String::strip)
                .filter(n -> !n.isEmpty())
                .map(n -> valueOf(n.toUpperCase(java.util.Locale.ROOT).replace('-', '_')))
                .toList();
    }

    public String id() {
        return id;
    }

    /**
     * The model whose query vectors may stand in for this one's where an approximate vector serves: a cheaper twin
     * whose vectors land in this model's space, or this model itself when it has none. Passages are always embedded
     * by this model.
     */
    EmbeddingModelChoice forApproximateQueries() {
        return this == MINILM ? MINILM_Q : this;
    }

    String queryPrefix() {
        return queryPrefix;
    }

    String passagePrefix() {
        return passagePrefix;
    }

    EmbeddingModel create() {
        return factory.get();
    }
}

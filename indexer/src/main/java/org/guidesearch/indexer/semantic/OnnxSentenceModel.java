package org.guidesearch.indexer.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One of the ONNX sentence-embedding models that ship in langchain4j's jars, run with a session that computes each
 * inference on the calling thread alone (one intra-op and one inter-op thread).
 *
 * <p>langchain4j's own model classes open the session with ONNX Runtime's defaults: every inference is split over a
 * pool of one thread per core whose workers spin while they wait. The service embeds queries from many request
 * threads at once, so on a small machine those spinning pools fought the request threads (and each other) for the
 * same cores. Concurrent requests are the parallelism here; passages at index time are embedded in parallel by the
 * model's executor. Thread-safe (ONNX Runtime sessions are).
 */
final class OnnxSentenceModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    /**
     * @param jarClass  a class of the jar that holds the model, whose class loader finds its files
     * @param model     the {@code .onnx} file's resource name in that jar
     * @param tokenizer the tokenizer's resource name in that jar
     */
    OnnxSentenceModel(Class<?> jarClass, String model, String tokenizer, PoolingMode pooling) {
        super(null); // langchain4j's default executor: one thread per core, for embedAll
        try (InputStream modelIn = resource(jarClass, model);
                InputStream tokenizerIn = resource(jarClass, tokenizer);
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            encoder = new OnnxBertBiEncoder(
                    environment, environment.createSession(modelIn.readAllBytes(), options), tokenizerIn, pooling);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + model, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model " + model, e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    /** All the models of {@link EmbeddingModelChoice} make 384 dimensions; known, so no inference is spent asking. */
    @Override
    protected Integer knownDimension() {
        return 384;
    }

    private static InputStream resource(Class<?> jarClass, String name) {
        InputStream in = jarClass.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("no resource " + name + " beside " + jarClass.getName());
        return in;
    }
}

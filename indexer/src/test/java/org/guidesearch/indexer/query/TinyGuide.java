package org.guidesearch.indexer.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.corpus.SectionSplitter;
import org.guidesearch.indexer.index.IndexStore;
import org.guidesearch.indexer.index.SectionIndexer;
import org.guidesearch.indexer.semantic.EmbeddingCache;
import org.guidesearch.indexer.semantic.EmbeddingModelChoice;
import org.guidesearch.indexer.semantic.PassageSplitter;
import org.guidesearch.indexer.semantic.ReaderQuestions;
import org.guidesearch.indexer.semantic.SentenceEmbedder;

/** A made-up guide of one file, read and indexed into a folder the way the service indexes a guide. */
final class TinyGuide {
    /** Two sections about making tea that share the word "water" and little else. */
    static final String TEA = """
            # Guide

            ## Kettles

            A kettle boils water on the stove until it whistles.

            ## Teapots

            A teapot holds leaves while they steep in hot water.
            """;

    private TinyGuide() {}

    /** The default models, caching their vectors in {@code dir}. */
    static SentenceEmbedder embedder(Path dir) throws IOException {
        return new SentenceEmbedder(EmbeddingModelChoice.DEFAULT, new EmbeddingCache(dir.resolve("embeddings.bin")));
    }

    /** Writes {@code markdown} as {@code guide.md} under {@code dir}, indexes it there, and returns the generation. */
    static Path index(Path dir, String markdown, SentenceEmbedder embedder, ReaderQuestions questions)
            throws IOException {
        Path corpusDir = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpusDir.resolve("guide.md"), markdown);
        return new SectionIndexer(new IndexStore(dir.resolve("index")), new PassageSplitter(), embedder, questions)
                .build(new CorpusReader(new SectionSplitter()).read(corpusDir).sections());
    }
}

package org.guidesearch.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.corpus.SectionSplitter;
import org.guidesearch.indexer.index.IndexStore;
import org.guidesearch.indexer.index.SectionIndexer;
import org.guidesearch.indexer.semantic.EmbeddingCache;
import org.guidesearch.indexer.semantic.EmbeddingModelChoice;
import org.guidesearch.indexer.semantic.PassageSplitter;
import org.guidesearch.indexer.semantic.ReaderQuestions;
import org.guidesearch.indexer.semantic.SentenceEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flag or operator typed as the guide writes it finds the section that writes it so, although its words alone (the
 * flag's letters) are in several headings.
 */
class SymbolSearchTest {
    @TempDir
    Path dir;

    @Test
    void aFlagWrittenWholeOutranksHeadingsThatOnlyShareItsLetters() throws IOException {
        Path corpusDir = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpusDir.resolve("guide.md"), """
        # Guide

        ## Level O2 Explained

        The optimiser's level O2 trades compile time for speed.

        ## When O2 Is Not Enough

        Profile first; O2 is rarely the bottleneck.

        ## The Release Command

        Release builds pass `-O2` to the compiler, together with the warnings.
        """);
        Corpus corpus = new CorpusReader(new SectionSplitter()).read(corpusDir);
        SentenceEmbedder embedder =
                new SentenceEmbedder(EmbeddingModelChoice.DEFAULT, new EmbeddingCache(dir.resolve("embeddings.bin")));
        Path generation = new SectionIndexer(
                        new IndexStore(dir.resolve("index")), new PassageSplitter(), embedder, ReaderQuestions.none())
                .build(corpus.sections());
        try (SectionSearcher searcher = new SectionSearcher(new QueryPlanner(null), embedder)) {
            searcher.open(generation);
            assertThat(searcher.search(new SearchRequest("-O2 ", 5, 0, null, SearchMode.KEYWORD))
                            .hits()
                            .get(0)
                            .anchor())
                    .isEqualTo("the-release-command");
            assertThat(searcher.search(new SearchRequest("O2 ", 5, 0, null, SearchMode.KEYWORD))
                            .hits()
                            .get(0)
                            .anchor())
                    .as("without the dash, the headings that say O2 lead")
                    .isNotEqualTo("the-release-command");
        }
    }
}

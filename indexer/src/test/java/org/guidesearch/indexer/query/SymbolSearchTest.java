package org.guidesearch.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
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
        SentenceEmbedder embedder = TinyGuide.embedder(dir);
        Path generation = TinyGuide.index(dir, """
        # Guide

        ## Level O2 Explained

        The optimiser's level O2 trades compile time for speed.

        ## When O2 Is Not Enough

        Profile first; O2 is rarely the bottleneck.

        ## The Release Command

        Release builds pass `-O2` to the compiler, together with the warnings.
        """, embedder, ReaderQuestions.none());
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

package org.guidesearch.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.guidesearch.indexer.semantic.ReaderQuestions;
import org.guidesearch.indexer.semantic.SentenceEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader's question filed under a section reaches that section by its words and by its meaning, although the
 * section's own text shares none of them; a question naming a heading the corpus lacks is left out.
 */
class ReaderQuestionsIndexingTest {
    @TempDir
    Path dir;

    @Test
    void aFiledQuestionLeadsToItsSection() throws IOException {
        Path questionsDir = Files.createDirectories(dir.resolve("questions"));
        Files.writeString(questionsDir.resolve("guide.json"), """
        {"doc": "guide.md", "sections": [
          {"section": "guide.md#teapots", "questions": ["where do my oolong brewing vessels belong"]},
          {"section": "guide.md#gone", "questions": ["a heading the guide no longer has"]}
        ]}""");
        SentenceEmbedder embedder = TinyGuide.embedder(dir);
        Path generation = TinyGuide.index(dir, TinyGuide.TEA, embedder, ReaderQuestions.load(questionsDir));

        try (SectionSearcher searcher = new SectionSearcher(new QueryPlanner(null), embedder)) {
            searcher.open(generation);
            SearchResult byWords = searcher.search(new SearchRequest("oolong ", 5, 0, null, SearchMode.KEYWORD));
            assertThat(byWords.hits()).extracting(SearchHit::anchor).containsExactly("teapots");
            SearchResult byMeaning = searcher.search(
                    new SearchRequest("where do my oolong brewing vessels belong", 5, 0, null, SearchMode.SEMANTIC));
            assertThat(byMeaning.hits().get(0).anchor()).isEqualTo("teapots");
            assertThat(searcher.search(new SearchRequest("heading ", 5, 0, null, SearchMode.KEYWORD))
                            .hits())
                    .isEmpty();
        }
        // the switch back to Lucene's own scoring ranks and scores the same
        try (SectionSearcher leaves = new SectionSearcher(new QueryPlanner(null), embedder);
                SectionSearcher lucene = new SectionSearcher(new QueryPlanner(null), embedder, KeywordScoring.LUCENE)) {
            leaves.open(generation);
            lucene.open(generation);
            for (String q : new String[] {"water ", "kettle stove", "hot water leaves", "tea"}) {
                var a = leaves.search(new SearchRequest(q, 5, 0, null, SearchMode.KEYWORD))
                        .hits();
                var b = lucene.search(new SearchRequest(q, 5, 0, null, SearchMode.KEYWORD))
                        .hits();
                assertThat(b)
                        .extracting(SearchHit::anchor)
                        .isEqualTo(a.stream().map(SearchHit::anchor).toList());
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i).score())
                            .isCloseTo(a.get(i).score(), org.assertj.core.data.Offset.offset(1e-4f));
                }
            }
            assertThat(leaves.search(new SearchRequest("water ", 5, 0, null, SearchMode.KEYWORD))
                            .hits())
                    .hasSize(2);
        }
    }
}

package org.guidesearch.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.guidesearch.indexer.eval.QuerySet;
import org.guidesearch.indexer.eval.RankingMetrics;
import org.guidesearch.indexer.query.SearchMode;
import org.guidesearch.indexer.semantic.EmbeddingModelChoice;
import org.guidesearch.server.eval.SearchEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search with no curation at all, the way a new site owner's guide is served: the Python guide with its overlay
 * switched off (on the repository's judged set), and the C++ guide, which nobody curated (on its judged set, written
 * by reading it before any tuning). The floors sit just under today's values (README, "Search quality"), so a change
 * that makes the generic pipeline worse fails the build.
 */
class UncuratedSearchIT {
    @TempDir
    Path state;

    static Map<String, RankingMetrics> hybrid(Path corpus, Path queries, Path index) throws Exception {
        try (SearchEvaluation eval = SearchEvaluation.open(
                corpus,
                null,
                index,
                Path.of(System.getProperty("embedding.cache", "target/embeddings.bin")),
                EmbeddingModelChoice.DEFAULT)) {
            Map<String, RankingMetrics> hybrid =
                    eval.run(QuerySet.load(queries)).byMode().get(SearchMode.HYBRID);
            System.out.printf(
                    "%s without curation, hybrid: keyword nDCG %.3f, questions nDCG %.3f, P@1 %.3f%n",
                    corpus.getFileName(),
                    hybrid.get("keyword").ndcg10(),
                    hybrid.get("question").ndcg10(),
                    hybrid.get("question").p1());
            return hybrid;
        }
    }

    @Test
    void thePythonGuideWithItsCurationSwitchedOff() throws Exception {
        var hybrid = hybrid(
                RunningService.corpusDir(),
                RunningService.repositoryData().resolve("eval/queries.json"),
                Files.createDirectories(state.resolve("python")));
        assertThat(hybrid.get("keyword").ndcg10()).isGreaterThanOrEqualTo(0.96);
        assertThat(hybrid.get("question").ndcg10()).isGreaterThanOrEqualTo(0.83);
        assertThat(hybrid.get("question").p1()).isGreaterThanOrEqualTo(0.77);
    }

    @Test
    void theCppGuideNobodyCurated() throws Exception {
        var hybrid = hybrid(
                RunningService.corpusDir().resolveSibling("cpp-guide"),
                RunningService.repositoryData().resolve("eval/cpp-guide/queries.json"),
                Files.createDirectories(state.resolve("cpp")));
        assertThat(hybrid.get("keyword").ndcg10()).isGreaterThanOrEqualTo(0.94);
        assertThat(hybrid.get("question").ndcg10()).isGreaterThanOrEqualTo(0.74);
        assertThat(hybrid.get("question").p1()).isGreaterThanOrEqualTo(0.59);
    }
}

package org.guidesearch.indexer.query;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Merges the keyword ranking and the meaning ranking into one: half reciprocal rank fusion, half a weighted sum of
 * the two scores, each part scaled so that its best section scores 1.
 *
 * <p>Rank fusion alone flattens the head: a section whose title is the query scores far above the next one by
 * keywords, yet its rank counts for no more than the first place of a vague passage. Scores alone let one lopsided
 * retriever decide. On a guide's judged set that nothing had been tuned on, the half-and-half blend ranked
 * keyword-style queries 0.841 → 0.864 and questions 0.569 → 0.585 (nDCG@10); on another guide's held-out set
 * questions went 0.646 → 0.683 without curation and 0.783 → 0.805 with it (README, "Search quality").
 */
final class HybridFusion {
    /** Reciprocal rank fusion constant: the usual 60 flattens the head too much for a guide of a few hundred sections. */
    static final int RRF_K = 20;

    private final float minCosine;
    private final float cosineMargin;

    /**
     * @param minCosine    the least cosine a meaning hit has (below it the semantic ranking holds nothing)
     * @param cosineMargin how far below the best cosine the semantic ranking reaches
     */
    HybridFusion(float minCosine, float cosineMargin) {
        this.minCosine = minCosine;
        this.cosineMargin = cosineMargin;
    }

    /** Both rankings' sections, best first. Scores of the semantic ranking are Lucene's {@code (1 + cos) / 2}. */
    ScoreDoc[] fuse(ScoreDoc[] keyword, ScoreDoc[] semantic, FusionWeights w) {
        Map<Integer, Float> fused = new LinkedHashMap<>();
        addScaled(fused, byRank(keyword, semantic, w), 0.5f);
        addScaled(fused, byScore(keyword, semantic, w), 0.5f);
        return sorted(fused);
    }

    /** Reciprocal rank fusion of the keyword and meaning rankings with the query shape's weights. */
    static ScoreDoc[] byRank(ScoreDoc[] keyword, ScoreDoc[] semantic, FusionWeights w) {
        return reciprocalRank(List.of(keyword, semantic), List.of(w.keyword(), w.semantic()));
    }

    /** Reciprocal rank fusion: each ranking contributes its weight / (k + rank) for every section it holds. */
    static ScoreDoc[] reciprocalRank(List<ScoreDoc[]> rankings, List<Float> weights) {
        Map<Integer, Float> fused = new LinkedHashMap<>();
        for (int r = 0; r < rankings.size(); r++) {
            ScoreDoc[] ranking = rankings.get(r);
            float weight = weights.get(r);
            for (int i = 0; i < ranking.length; i++) fused.merge(ranking[i].doc, weight / (RRF_K + i + 1), Float::sum);
        }
        return sorted(fused);
    }

    /**
     * A weighted sum: the keyword score as a share of the best one, the semantic score as its place between the
     * semantic ranking's floor (the least cosine it admits) and its best.
     */
    private ScoreDoc[] byScore(ScoreDoc[] keyword, ScoreDoc[] semantic, FusionWeights w) {
        Map<Integer, Float> fused = new LinkedHashMap<>();
        float share = w.keywordShare();
        if (keyword.length > 0 && keyword[0].score > 0) {
            float best = keyword[0].score;
            for (ScoreDoc sd : keyword) fused.merge(sd.doc, share * sd.score / best, Float::sum);
        }
        if (semantic.length > 0) {
            float best = semantic[0].score;
            float floor = Math.max((1 + minCosine) / 2, best - cosineMargin / 2);
            float span = Math.max(1e-6f, best - floor);
            for (ScoreDoc sd : semantic) {
                fused.merge(sd.doc, (1 - share) * Math.max(0f, sd.score - floor) / span, Float::sum);
            }
        }
        return sorted(fused);
    }

    private static void addScaled(Map<Integer, Float> into, ScoreDoc[] ranking, float weight) {
        if (ranking.length == 0 || ranking[0].score <= 0) return;
        float best = ranking[0].score;
        for (ScoreDoc sd : ranking) into.merge(sd.doc, weight * sd.score / best, Float::sum);
    }

    private static ScoreDoc[] sorted(Map<Integer, Float> scores) {
        ScoreDoc[] out = scores.entrySet().stream()
                .map(e -> new ScoreDoc(e.getKey(), e.getValue()))
                .toArray(ScoreDoc[]::new);
        Arrays.sort(out, Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc));
        return out;
    }
}

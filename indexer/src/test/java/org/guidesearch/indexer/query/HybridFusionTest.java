package org.guidesearch.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

class HybridFusionTest {
    private final HybridFusion fusion = new HybridFusion(0.3f, 0.35f);

    private static ScoreDoc[] ranking(float... docAndScore) {
        ScoreDoc[] out = new ScoreDoc[docAndScore.length / 2];
        for (int i = 0; i < out.length; i++) out[i] = new ScoreDoc((int) docAndScore[2 * i], docAndScore[2 * i + 1]);
        return out;
    }

    /** Lucene's semantic score for a cosine. */
    private static float cos(double cosine) {
        return (float) ((1 + cosine) / 2);
    }

    private static int[] docs(ScoreDoc[] ranked) {
        return Arrays.stream(ranked).mapToInt(sd -> sd.doc).toArray();
    }

    @Test
    void aSectionFarAheadByKeywordsKeepsFirstPlaceThatRankFusionAloneGivesAway() {
        // Section 1's title is the query (keyword score five times the next); by meaning it is third, a close third.
        ScoreDoc[] keyword = ranking(1, 10f, 2, 2f, 3, 1.9f);
        ScoreDoc[] semantic = ranking(2, cos(0.90), 3, cos(0.89), 1, cos(0.85));
        FusionWeights question = FusionWeights.of("how does this thing work");

        assertThat(docs(HybridFusion.byRank(keyword, semantic, question))[0]).isEqualTo(2);
        assertThat(docs(fusion.fuse(keyword, semantic, question))).startsWith(1, 2);
    }

    @Test
    void aSectionOnlyOneRankingHoldsIsStillRanked() {
        ScoreDoc[] keyword = ranking(1, 3f);
        ScoreDoc[] semantic = ranking(2, cos(0.7));
        assertThat(docs(fusion.fuse(keyword, semantic, FusionWeights.of("name"))))
                .containsExactlyInAnyOrder(1, 2);
        assertThat(docs(fusion.fuse(new ScoreDoc[0], semantic, FusionWeights.of("name"))))
                .containsExactly(2);
        assertThat(fusion.fuse(new ScoreDoc[0], new ScoreDoc[0], FusionWeights.of("name")))
                .isEmpty();
    }

    @Test
    void aMeaningHitFarBelowTheBestAddsNothingByScore() {
        // cosine 0.40 is more than the margin (0.35) below 0.80: the score part gives it 0, only its rank counts
        ScoreDoc[] semantic = ranking(1, cos(0.80), 2, cos(0.40));
        ScoreDoc[] fused = fusion.fuse(new ScoreDoc[0], semantic, FusionWeights.of("how does this thing work"));
        float rankOnly = 0.5f * (1f / (HybridFusion.RRF_K + 2)) / (1f / (HybridFusion.RRF_K + 1));
        assertThat(fused[1].score).isCloseTo(rankOnly, org.assertj.core.data.Offset.offset(1e-6f));
    }
}

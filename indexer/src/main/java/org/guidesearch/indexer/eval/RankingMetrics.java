package org.guidesearch.indexer.eval;

import java.util.List;

/**
 * Mean ranking quality over a set of queries, at a cut-off of 10.
 *
 * @param ndcg10   normalised discounted cumulative gain with gains 2^grade − 1
 * @param mrr10    reciprocal rank of the first section graded 3 (the answer)
 * @param p1       share of queries whose first hit is graded 3
 * @param recall10 share of all judged sections (grade ≥ 1) found in the top 10
 */
public record RankingMetrics(int queries, double ndcg10, double mrr10, double p1, double recall10) {
    private static final int K = 10;

    /** Scores one ranking (section ids, best first) against one query's grades. */
    public static RankingMetrics of(JudgedQuery q, List<String> ranking) {
        double dcg = 0;
        double rr = 0;
        int found = 0;
        for (int i = 0; i < Math.min(K, ranking.size()); i++) {
            int grade = q.grades().getOrDefault(ranking.get(i), 0);
            dcg += (Math.pow(2, grade) - 1) / log2(i + 2);
            if (grade >= 3 && rr == 0) rr = 1.0 / (i + 1);
            if (grade >= 1) found++;
        }
        List<Integer> ideal =
                q.grades().values().stream().sorted((a, b) -> b - a).limit(K).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
        boolean p1 = !ranking.isEmpty() && q.grades().getOrDefault(ranking.get(0), 0) >= 3;
        long relevant = q.grades().values().stream().filter(g -> g >= 1).count();
        return new RankingMetrics(
                1, idcg == 0 ? 0 : dcg / idcg, rr, p1 ? 1 : 0, relevant == 0 ? 0 : (double) found / relevant);
    }

    public static RankingMetrics mean(List<RankingMetrics> all) {
        int n = all.size();
        if (n == 0) return new RankingMetrics(0, 0, 0, 0, 0);
        return new RankingMetrics(
                n,
                all.stream().mapToDouble(RankingMetrics::ndcg10).sum() / n,
                all.stream().mapToDouble(RankingMetrics::mrr10).sum() / n,
                all.stream().mapToDouble(RankingMetrics::p1).sum() / n,
                all.stream().mapToDouble(RankingMetrics::recall10).sum() / n);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

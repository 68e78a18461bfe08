package org.guidesearch.graph.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guidesearch.graph.vocabulary.RelationType;

/**
 * RELATED_TO by normalised pointwise mutual information over paragraphs, a tighter window than whole sections: two
 * concepts are related when they share at least {@value #MIN_SHARED} paragraphs and their NPMI reaches
 * {@value #MIN_NPMI}; each concept keeps its {@value #TOP_K} best partners by NPMI discounted for pairs seen in
 * fewer than {@value #FULL_SUPPORT} paragraphs. Thread-safe.
 */
final class ParagraphCooccurrence {
    private static final int MIN_SHARED = 2;
    private static final double MIN_NPMI = 0.2;
    private static final int TOP_K = 6;
    /** Shared paragraphs at which a pair's NPMI counts in full. */
    private static final int FULL_SUPPORT = 6;

    /**
     * @param paragraphs the set of concept indexes each paragraph mentions
     * @param paragraphSection the section id of each paragraph
     */
    void collect(
            List<Set<Integer>> paragraphs, List<String> paragraphSection, List<String> ids, RelationCollector into) {
        int n = paragraphs.size();
        Map<Integer, Integer> df = new HashMap<>();
        Map<Long, List<Integer>> shared = new HashMap<>();
        for (int p = 0; p < n; p++) {
            List<Integer> cs = paragraphs.get(p).stream().sorted().toList();
            cs.forEach(c -> df.merge(c, 1, Integer::sum));
            for (int i = 0; i < cs.size(); i++) {
                for (int j = i + 1; j < cs.size(); j++) {
                    shared.computeIfAbsent(((long) cs.get(i) << 32) | cs.get(j), k -> new ArrayList<>())
                            .add(p);
                }
            }
        }
        Map<Integer, List<double[]>> partners = new HashMap<>();
        for (var e : shared.entrySet()) {
            int together = e.getValue().size();
            if (together < MIN_SHARED) continue;
            int a = (int) (e.getKey() >> 32);
            int b = (int) (e.getKey() & 0xffffffffL);
            double pab = (double) together / n;
            double npmi = pab >= 1 ? 1 : Math.log(pab / ((double) df.get(a) / n * df.get(b) / n)) / -Math.log(pab);
            if (npmi < MIN_NPMI) continue;
            // NPMI alone ranks two rare concepts that meet twice above two central ones that meet twenty times; the
            // weight discounts pairs seen in few paragraphs, so a concept's strongest partners are its best-supported.
            double weight = npmi * Math.sqrt(Math.min(1.0, together / (double) FULL_SUPPORT));
            partners.computeIfAbsent(a, k -> new ArrayList<>()).add(new double[] {b, weight, e.getKey()});
            partners.computeIfAbsent(b, k -> new ArrayList<>()).add(new double[] {a, weight, e.getKey()});
        }
        Comparator<double[]> best =
                Comparator.<double[]>comparingDouble(x -> -x[1]).thenComparingDouble(x -> x[0]);
        partners.keySet().stream().sorted().forEach(a -> {
            List<double[]> list = partners.get(a);
            list.sort(best);
            for (double[] p : list.subList(0, Math.min(TOP_K, list.size()))) {
                int b = (int) p[0];
                int lo = Math.min(a, b);
                int hi = Math.max(a, b);
                if (into.has(ids.get(lo), RelationType.RELATED_TO, ids.get(hi))) continue;
                List<String> evidence = shared.get((long) lo << 32 | hi).stream()
                        .map(paragraphSection::get)
                        .toList();
                into.addOnce(
                        ids.get(lo), RelationType.RELATED_TO, ids.get(hi), Math.round(p[1] * 1000) / 1000.0, evidence);
            }
        });
    }
}

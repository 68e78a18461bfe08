package org.guidesearch.graph.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.guidesearch.graph.vocabulary.RelationType;

/**
 * RELATED_TO by the cosine of two concepts' section profiles (mentions per section, log-scaled, times inverse section
 * frequency): concepts that the same few sections discuss at length are related even when no paragraph names both.
 * Each concept keeps its {@value #TOP_K} best partners with a cosine of at least {@value #MIN_COSINE}. Thread-safe.
 */
final class SectionAssociation {
    private static final int TOP_K = 30;
    private static final double MIN_COSINE = 0.15;

    /** @param mentions per concept index, section index → mention count */
    void collect(
            List<Map<Integer, Integer>> mentions,
            int sectionCount,
            List<String> ids,
            List<String> sectionIds,
            RelationCollector into) {
        int n = mentions.size();
        List<Map<Integer, Double>> vectors = new ArrayList<>();
        double[] norms = new double[n];
        Map<Integer, List<Integer>> conceptsOfSection = new java.util.TreeMap<>();
        for (int c = 0; c < n; c++) {
            double idf = Math.log((double) sectionCount / mentions.get(c).size()) + 1;
            Map<Integer, Double> v = new HashMap<>();
            for (var e : mentions.get(c).entrySet()) {
                double w = (1 + Math.log(e.getValue())) * idf;
                v.put(e.getKey(), w);
                norms[c] += w * w;
                conceptsOfSection
                        .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(c);
            }
            norms[c] = Math.sqrt(norms[c]);
            vectors.add(v);
        }
        for (int a = 0; a < n; a++) {
            Map<Integer, Double> dot = new java.util.TreeMap<>();
            for (var e : vectors.get(a).entrySet()) {
                for (int b : conceptsOfSection.get(e.getKey())) {
                    if (b != a) dot.merge(b, e.getValue() * vectors.get(b).get(e.getKey()), Double::sum);
                }
            }
            int concept = a;
            List<double[]> best = dot.entrySet().stream()
                    .map(e -> new double[] {e.getKey(), e.getValue() / (norms[concept] * norms[e.getKey()])})
                    .filter(x -> x[1] >= MIN_COSINE)
                    .sorted(Comparator.<double[]>comparingDouble(x -> -x[1]).thenComparingDouble(x -> x[0]))
                    .limit(TOP_K)
                    .toList();
            for (double[] x : best) {
                int b = (int) x[0];
                int lo = Math.min(a, b);
                int hi = Math.max(a, b);
                if (into.has(ids.get(lo), RelationType.RELATED_TO, ids.get(hi))) continue;
                List<String> evidence = vectors.get(a).keySet().stream()
                        .filter(vectors.get(b)::containsKey)
                        .sorted()
                        .map(sectionIds::get)
                        .toList();
                into.addOnce(
                        ids.get(lo), RelationType.RELATED_TO, ids.get(hi), Math.round(x[1] * 1000) / 1000.0, evidence);
            }
        }
    }
}

package org.guidesearch.graph.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.guidesearch.graph.vocabulary.RelationType;

/**
 * Prerequisites by reference distance (RefD, Liang et al., EMNLP 2015), with sections as the articles: the articles
 * of a concept are the sections that mention it, weighted by how much (its home section counts triple). B is a
 * prerequisite of A when A's articles refer to B much more than B's articles refer to A:
 *
 * <pre>RefD(A, B) = Σ_a r(a, B)·w(a, A) / Σ_a w(a, A) − Σ_b r(b, A)·w(b, B) / Σ_b w(b, B)</pre>
 *
 * An edge is kept only when RefD reaches {@value #MIN_REFD} and B's home comes before A's in reading order; reading
 * order is a strict order, so the relation is acyclic by construction. Each concept keeps its
 * {@value #TOP_K} strongest prerequisites. Thread-safe.
 */
final class ReferenceDistance {
    private static final double MIN_REFD = 0.35;
    private static final int TOP_K = 2;
    private static final double PREREQUISITE_WEIGHT = 0.3;

    /**
     * @param mentions per concept index, section index → mention count
     * @param homeOrder per concept index, the reading-order position of its home section
     * @param homeSection per concept index, the index of its home section
     */
    void collect(
            List<Map<Integer, Integer>> mentions,
            int[] homeOrder,
            int[] homeSection,
            List<String> ids,
            List<String> sectionIds,
            RelationCollector into) {
        int n = mentions.size();
        double[] totalWeight = new double[n];
        for (int c = 0; c < n; c++) {
            for (var e : mentions.get(c).entrySet()) totalWeight[c] += weight(c, e.getKey(), e.getValue(), homeSection);
        }
        // Sections → concepts they mention, so each concept visits only the concepts it shares a section with.
        Map<Integer, List<Integer>> conceptsOfSection = new java.util.TreeMap<>();
        for (int c = 0; c < n; c++) {
            for (int section : mentions.get(c).keySet()) {
                conceptsOfSection
                        .computeIfAbsent(section, k -> new ArrayList<>())
                        .add(c);
            }
        }
        for (int a = 0; a < n; a++) {
            if (totalWeight[a] == 0) continue;
            Map<Integer, double[]> refer = new java.util.TreeMap<>();
            for (var e : mentions.get(a).entrySet()) {
                double wa = weight(a, e.getKey(), e.getValue(), homeSection);
                for (int b : conceptsOfSection.get(e.getKey())) {
                    if (b == a || homeOrder[b] >= homeOrder[a]) continue;
                    double[] r = refer.computeIfAbsent(b, k -> new double[2]);
                    r[0] += wa;
                    r[1] += weight(b, e.getKey(), mentions.get(b).get(e.getKey()), homeSection);
                }
            }
            List<double[]> found = new ArrayList<>();
            for (var e : refer.entrySet()) {
                int b = e.getKey();
                double refd = e.getValue()[0] / totalWeight[a] - e.getValue()[1] / totalWeight[b];
                if (refd >= MIN_REFD) found.add(new double[] {b, refd});
            }
            found.sort(Comparator.<double[]>comparingDouble(x -> -x[1]).thenComparingDouble(x -> x[0]));
            for (double[] f : found.subList(0, Math.min(TOP_K, found.size()))) {
                int b = (int) f[0];
                // Reference distance orders two concepts in reading; it says little about how closely they are tied.
                // Weighted below a typical co-occurrence, so in a neighbourhood view, which keeps the strongest ties,
                // reading-order edges do not crowd out the concepts the text relates sentence by sentence.
                into.add(
                        ids.get(b),
                        RelationType.PREREQUISITE_OF,
                        ids.get(a),
                        Math.min(1.0, f[1]) * PREREQUISITE_WEIGHT,
                        sectionIds.get(homeSection[a]));
            }
        }
    }

    private static double weight(int concept, int section, int count, int[] homeSection) {
        return (section == homeSection[concept] ? 3.0 : 1.0) * (1 + Math.log(count));
    }
}

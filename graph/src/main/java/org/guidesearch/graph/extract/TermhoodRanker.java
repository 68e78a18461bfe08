package org.guidesearch.graph.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks noun phrases by termhood: C-value (Frantzi, Ananiadou & Mima 2000), which rewards longer phrases that occur
 * on their own and not only nested in one longer phrase, times section-level TF-IDF, which rewards phrases that a few
 * sections use heavily over phrases spread thinly over the whole guide.
 */
final class TermhoodRanker {
    /** Occurrences of one phrase key: in total and per section. */
    static final class Counts {
        int total;
        final Map<String, Integer> bySection = new HashMap<>();
    }

    private final Map<String, Counts> counts = new HashMap<>();

    void count(String key, String sectionId) {
        Counts c = counts.computeIfAbsent(key, k -> new Counts());
        c.total++;
        c.bySection.merge(sectionId, 1, Integer::sum);
    }

    /** Keys seen in at least {@code minSections} sections, best first, with their scores. */
    List<Map.Entry<String, Double>> ranked(int sectionCount, int minSections) {
        Map<String, Double> nestedSum = new HashMap<>();
        Map<String, Integer> nestedBy = new HashMap<>();
        for (var e : counts.entrySet()) {
            String[] words = e.getKey().split(" ");
            for (int from = 0; from < words.length; from++) {
                for (int to = from + 1; to <= words.length; to++) {
                    if (to - from == words.length) continue;
                    String sub = String.join(" ", java.util.Arrays.copyOfRange(words, from, to));
                    sub = TermKey.of(sub);
                    if (!counts.containsKey(sub)) continue;
                    nestedSum.merge(sub, (double) e.getValue().total, Double::sum);
                    nestedBy.merge(sub, 1, Integer::sum);
                }
            }
        }
        List<Map.Entry<String, Double>> out = new ArrayList<>();
        for (var e : counts.entrySet()) {
            Counts c = e.getValue();
            int df = c.bySection.size();
            if (df < minSections) continue;
            int words = TermKey.length(e.getKey());
            double frequency = c.total;
            if (nestedBy.containsKey(e.getKey())) frequency -= nestedSum.get(e.getKey()) / nestedBy.get(e.getKey());
            double cValue = Math.log(words + 1) / Math.log(2) * Math.max(frequency, 0.5);
            int maxTf = c.bySection.values().stream()
                    .mapToInt(Integer::intValue)
                    .max()
                    .orElse(1);
            double tfIdf = (1 + Math.log(maxTf)) * Math.log((double) sectionCount / df + 1);
            out.add(Map.entry(e.getKey(), cValue * tfIdf));
        }
        out.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out;
    }
}

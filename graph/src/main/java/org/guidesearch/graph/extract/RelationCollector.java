package org.guidesearch.graph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.guidesearch.graph.vocabulary.RelationType;

/**
 * Gathers extracted relations by (from, type, to): each observation adds its section to the evidence and raises the
 * confidence, so a relation the text states five times outweighs one it states once. Not thread-safe.
 */
final class RelationCollector {
    /** A relation being gathered; weight is the best single observation, raised by repetition. */
    static final class Draft {
        final String from;
        final RelationType type;
        final String to;
        double weight;
        int observations;
        final Set<String> evidence = new TreeSet<>();

        Draft(String from, RelationType type, String to) {
            this.from = from;
            this.type = type;
            this.to = to;
        }

        /** Repetition raises confidence towards 1: each further observation closes a quarter of the gap. */
        double confidence() {
            double w = weight;
            for (int i = 1; i < observations; i++) w += (1 - w) * 0.25;
            return Math.min(1.0, Math.round(w * 1000) / 1000.0);
        }
    }

    private final Map<String, Draft> drafts = new TreeMap<>();

    void add(String from, RelationType type, String to, double weight, String sectionId) {
        if (from.equals(to)) return;
        Draft d = drafts.computeIfAbsent(from + "\u0000" + type + "\u0000" + to, k -> new Draft(from, type, to));
        d.weight = Math.max(d.weight, weight);
        d.observations++;
        if (sectionId != null) d.evidence.add(sectionId);
    }

    /** One observation supported by several sections at once (a statistical relation). */
    void addOnce(String from, RelationType type, String to, double weight, java.util.Collection<String> sectionIds) {
        if (from.equals(to)) return;
        Draft d = drafts.computeIfAbsent(from + "\u0000" + type + "\u0000" + to, k -> new Draft(from, type, to));
        d.weight = Math.max(d.weight, weight);
        d.observations = Math.max(d.observations, 1);
        d.evidence.addAll(sectionIds);
    }

    boolean has(String from, RelationType type, String to) {
        return drafts.containsKey(from + "\u0000" + type + "\u0000" + to);
    }

    List<Draft> drafts() {
        return new ArrayList<>(drafts.values());
    }
}

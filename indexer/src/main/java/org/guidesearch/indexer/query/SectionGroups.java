package org.guidesearch.indexer.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.apache.lucene.search.ScoreDoc;

/**
 * Collapses a ranking so each numbered section appears once: its best-ranked part (the section itself or one of its
 * subsections, whichever matched best) leads, and the other matching parts follow it as a group. Without this a
 * question about one feature can fill a first page with three subsections of the same section.
 */
final class SectionGroups {
    private SectionGroups() {}

    /** One numbered section's matching parts, the best first. */
    record Group(ScoreDoc lead, List<ScoreDoc> others) {}

    /**
     * @param ranked best first
     * @param root   the document number of the numbered section a section belongs to (itself at the top)
     * @return the groups in the order of their best part
     */
    static List<Group> of(ScoreDoc[] ranked, IntUnaryOperator root) {
        Map<Integer, List<ScoreDoc>> byRoot = new LinkedHashMap<>();
        for (ScoreDoc sd : ranked)
            byRoot.computeIfAbsent(root.applyAsInt(sd.doc), k -> new ArrayList<>())
                    .add(sd);
        List<Group> groups = new ArrayList<>(byRoot.size());
        byRoot.values()
                .forEach(parts -> groups.add(new Group(parts.get(0), List.copyOf(parts.subList(1, parts.size())))));
        return groups;
    }
}

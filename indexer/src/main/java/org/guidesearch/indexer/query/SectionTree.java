package org.guidesearch.indexer.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outline of one index generation by document number: each section's enclosing section and its numbered section
 * (a heading of level 2 or above: itself, or its nearest such ancestor), its file, and whether it is a summary, in
 * arrays read once when the generation opens.
 *
 * <p>Grouping, facets and the summaries' discount ask these of every section a ranking matched, often hundreds for a
 * query of common words: a read of an array each, where maps of boxed numbers took a boxing and a look-up each.
 * Grouping's own array spans the sections alone ({@link #sectionBound}), not every passage too: with the boxes,
 * it was about a tenth of what a new keyword search allocated (JFR), though no throughput change showed side by side.
 */
final class SectionTree {
    private static final int MAX_HOPS = 8;

    private final int[] parent;
    private final int[] numbered;
    /** Each section's file as its number in {@link #files}; -1 for a document that is no section. */
    private final int[] fileOf;

    private final List<String> files;
    private final BitSet summaries;
    /** Every section's document number is below it. */
    private final int sectionBound;

    /**
     * @param docs    the generation's document count (sections and passages)
     * @param levels  each section's heading level, by document number
     * @param parents each section's enclosing section, by document number (top-level sections have none)
     * @param fileOf  each section's file, by document number
     * @param summaries the sections that summarise others (ranked below them)
     */
    SectionTree(
            int docs,
            Map<Integer, Integer> levels,
            Map<Integer, Integer> parents,
            Map<Integer, String> fileOf,
            Set<Integer> summaries) {
        parent = new int[docs];
        numbered = new int[docs];
        Arrays.fill(parent, -1);
        Arrays.setAll(numbered, doc -> doc); // a document that is no section stands for itself
        parents.forEach((doc, p) -> parent[doc] = p);
        levels.forEach((doc, level) -> {
            int at = doc;
            for (int hops = 0; hops < MAX_HOPS; hops++) {
                Integer l = levels.get(at);
                if (l == null || l <= 2 || parent[at] < 0) break;
                at = parent[at];
            }
            numbered[doc] = at;
        });
        this.fileOf = new int[docs];
        Arrays.fill(this.fileOf, -1);
        List<String> names = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        fileOf.forEach((doc, file) -> this.fileOf[doc] = numbers.computeIfAbsent(file, f -> {
            names.add(f);
            return names.size() - 1;
        }));
        this.files = List.copyOf(names);
        this.summaries = new BitSet(docs);
        summaries.forEach(this.summaries::set);
        this.sectionBound = levels.keySet().stream().mapToInt(d -> d + 1).max().orElse(0);
    }

    /** The section enclosing section {@code doc}, or -1. */
    int parent(int doc) {
        return parent[doc];
    }

    /** The numbered section section {@code doc} belongs to: itself at level 2 or above, else its nearest such ancestor. */
    int numbered(int doc) {
        return numbered[doc];
    }

    /** Every section's document number is below it (passages may come after). */
    int sectionBound() {
        return sectionBound;
    }

    /** The number of section {@code doc}'s file among {@link #files()}, or -1 for a document that is no section. */
    int fileNumber(int doc) {
        return fileOf[doc];
    }

    /** The guide's files, by their number. */
    List<String> files() {
        return files;
    }

    /** Whether section {@code doc} summarises others (a "Key Takeaways", chapter furniture). */
    boolean isSummary(int doc) {
        return summaries.get(doc);
    }
}

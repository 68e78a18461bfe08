package org.guidesearch.indexer.query;

import java.util.Arrays;
import java.util.Map;

/**
 * The outline of one index generation by document number: each section's enclosing section and its numbered section
 * (a heading of level 2 or above: itself, or its nearest such ancestor), in arrays read once when the generation
 * opens.
 *
 * <p>Grouping a ranking asks both for every section it matched, often hundreds for a query of common words: a read
 * of an array each, where walking maps of boxed numbers took a look-up per level.
 */
final class SectionTree {
    private static final int MAX_HOPS = 8;

    private final int[] parent;
    private final int[] numbered;

    /**
     * @param docs    the generation's document count (sections and passages)
     * @param levels  each section's heading level, by document number
     * @param parents each section's enclosing section, by document number (top-level sections have none)
     */
    SectionTree(int docs, Map<Integer, Integer> levels, Map<Integer, Integer> parents) {
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
    }

    /** Document count the arrays span: every document number is below it. */
    int docs() {
        return parent.length;
    }

    /** The section enclosing section {@code doc}, or -1. */
    int parent(int doc) {
        return parent[doc];
    }

    /** The numbered section section {@code doc} belongs to: itself at level 2 or above, else its nearest such ancestor. */
    int numbered(int doc) {
        return numbered[doc];
    }
}

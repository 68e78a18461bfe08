package org.guidesearch.indexer.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.apache.lucene.search.ScoreDoc;

/**
 * Collapses a ranking so each numbered section appears once: its best-ranked part (the section itself or one of its
 * subsections, whichever matched best) leads, and the other matching parts follow it as a group. Without this a
 * question about one feature can fill a first page with three subsections of the same section.
 *
 * <p>Listed under the lead are the parts on its own line of headings (the sections enclosing it and those it
 * encloses), which say more about what the lead matched, and other parts only when they would have made the page on
 * their own. A reader reads the parts under a hit before the next hit, so a sibling that matched far worse, listed
 * there, would push better sections down the page.
 */
final class SectionGroups {
    private SectionGroups() {}

    /** One numbered section's matching parts, the best first. */
    record Group(ScoreDoc lead, List<ScoreDoc> others) {}

    /**
     * @param ranked  best first
     * @param root    the document number of the numbered section a section belongs to (itself at the top)
     * @param parent  the document number of the section enclosing a section, or -1
     * @param docs    every document number (of {@code ranked} and of {@code root}'s answers) is below it
     * @param pageEnd where the requested page ends (offset + limit), in sections of {@code ranked} and in groups: a part
     *                ranked after that is listed under its lead only when one of the two encloses the other, and a
     *                group after it, which no page shows, lists none
     * @return the groups in the order of their best part
     */
    static List<Group> of(ScoreDoc[] ranked, IntUnaryOperator root, IntUnaryOperator parent, int docs, int pageEnd) {
        // a numbered section's group number plus one, by its document number (0: no group yet); an array, not a map
        // of boxed numbers, as a query of common words matches hundreds of sections
        int[] groupOf = new int[docs];
        List<ScoreDoc> leads = new ArrayList<>();
        List<List<ScoreDoc>> others = new ArrayList<>();
        for (int i = 0; i < ranked.length; i++) {
            int r = root.applyAsInt(ranked[i].doc);
            int group = groupOf[r] - 1;
            if (group < 0) {
                groupOf[r] = leads.size() + 1;
                leads.add(ranked[i]);
                others.add(leads.size() <= pageEnd ? new ArrayList<>() : List.of());
                continue;
            }
            // A query of common words matches most of a guide: asking every part beyond the page how it relates to
            // its lead, for groups no page shows, was about half of grouping's cost (JFR).
            if (group >= pageEnd) continue;
            ScoreDoc lead = leads.get(group);
            if (i < pageEnd || encloses(lead.doc, ranked[i].doc, parent) || encloses(ranked[i].doc, lead.doc, parent)) {
                others.get(group).add(ranked[i]);
            }
        }
        List<Group> groups = new ArrayList<>(leads.size());
        for (int g = 0; g < leads.size(); g++) groups.add(new Group(leads.get(g), List.copyOf(others.get(g))));
        return groups;
    }

    private static boolean encloses(int outer, int inner, IntUnaryOperator parent) {
        int at = inner;
        for (int hops = 0; hops < 8 && at >= 0; hops++) {
            at = parent.applyAsInt(at);
            if (at == outer) return true;
        }
        return false;
    }
}

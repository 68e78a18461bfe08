package org.guidesearch.graph.extract;

import java.util.List;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.CuratedRelation;
import org.guidesearch.indexer.corpus.SectionRef;

/**
 * What extraction found that a curated overlay lacks or contradicts.
 *
 * @param unmatched        extracted concepts no curated concept claims, the most connected first
 * @param missingRelations extracted relations between two curated concepts the overlay does not relate at all, in
 *                         curated ids, the surest first
 * @param contradictions   where the text and the overlay disagree, by kind
 */
public record OverlayReport(
        List<Concept> unmatched, List<CuratedRelation> missingRelations, List<Contradiction> contradictions) {
    public OverlayReport {
        unmatched = List.copyOf(unmatched);
        missingRelations = List.copyOf(missingRelations);
        contradictions = List.copyOf(contradictions);
    }

    public enum Kind {
        /** The overlay relates a to b; the text relates b to a with the same directed type. */
        REVERSED,
        /** One extracted concept carries forms of two or more curated concepts: the overlay may split one thing. */
        ONE_IN_THE_TEXT,
        /** The overlay's home section is not the one extraction picked (heading naming it, else densest mention). */
        OTHER_HOME
    }

    /**
     * @param curated  what the overlay says
     * @param text     what the text says instead
     * @param evidence the sections that show it
     */
    public record Contradiction(Kind kind, String curated, String text, List<SectionRef> evidence) {
        public Contradiction {
            evidence = List.copyOf(evidence);
        }
    }
}

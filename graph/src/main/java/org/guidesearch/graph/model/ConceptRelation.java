package org.guidesearch.graph.model;

import java.util.List;
import org.guidesearch.graph.vocabulary.RelationType;
import org.guidesearch.indexer.corpus.SectionRef;

/**
 * An edge of the concept graph with the sections that support it; curated edges weigh 1. Edges not written down by a
 * person (statistical or extracted) are {@code curated == false}: their source is "extracted".
 */
public record ConceptRelation(
        String from, RelationType type, String to, double weight, List<SectionRef> evidence, boolean curated) {
    public ConceptRelation {
        evidence = List.copyOf(evidence);
    }

    /** Where the edge came from, as the store and the API show it. */
    public String source() {
        return curated
                ? org.guidesearch.graph.vocabulary.Concept.CURATED
                : org.guidesearch.graph.vocabulary.Concept.EXTRACTED;
    }
}

package org.guidesearch.graph.vocabulary;

import java.util.List;
import java.util.Objects;
import org.guidesearch.indexer.corpus.SectionRef;

/**
 * A typed relation between two concepts of a {@link Vocabulary}, with the sections that show it: written down by a
 * person ({@code source} {@value Concept#CURATED}, weight 1) or found in the text ({@value Concept#EXTRACTED}, weighted
 * by how sure the extractor is, in (0, 1]).
 */
public record CuratedRelation(
        String from, RelationType type, String to, List<SectionRef> evidence, double weight, String source) {
    public CuratedRelation {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(to, "to");
        evidence = List.copyOf(evidence);
        if (from.equals(to)) {
            throw new VocabularyException("relation " + from + " " + type + " " + to + " points at itself");
        }
        if (!(weight > 0 && weight <= 1)) {
            throw new VocabularyException(
                    "relation " + from + " " + type + " " + to + " has weight " + weight + ", not in (0, 1]");
        }
        source = source == null ? Concept.CURATED : source;
    }

    /** A relation a person wrote down: fully sure. */
    public CuratedRelation(String from, RelationType type, String to, List<SectionRef> evidence) {
        this(from, type, to, evidence, 1.0, Concept.CURATED);
    }

    public boolean isCurated() {
        return source.equals(Concept.CURATED);
    }

    @Override
    public String toString() {
        return from + " " + type + " " + to;
    }
}

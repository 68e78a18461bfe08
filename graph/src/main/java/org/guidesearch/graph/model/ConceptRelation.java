package org.guidesearch.graph.model;

import java.util.List;
import org.guidesearch.graph.vocabulary.RelationType;
import org.guidesearch.indexer.corpus.SectionRef;

/** An edge of the concept graph with the sections that support it; curated edges weigh 1. */
public record ConceptRelation(
    String from, RelationType type, String to, double weight, List<SectionRef> evidence, boolean curated) {
  public ConceptRelation {
    evidence = List.copyOf(evidence);
  }
}

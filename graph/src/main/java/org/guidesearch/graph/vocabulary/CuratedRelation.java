package org.guidesearch.graph.vocabulary;

import java.util.List;
import java.util.Objects;
import org.guidesearch.indexer.corpus.SectionRef;

/** A typed relation a person wrote down, with the sections that show it. */
public record CuratedRelation(String from, RelationType type, String to, List<SectionRef> evidence) {
  public CuratedRelation {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(to, "to");
    evidence = List.copyOf(evidence);
    if (from.equals(to)) {
      throw new VocabularyException("relation " + from + " " + type + " " + to + " points at itself");
    }
  }

  @Override
  public String toString() {
    return from + " " + type + " " + to;
  }
}

package org.guidesearch.graph.model;

import java.util.List;
import java.util.Map;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.indexer.corpus.Section;
import org.guidesearch.indexer.corpus.SectionRef;

/**
 * Everything the graph store holds, computed in memory from the corpus and the vocabulary before any write, so a
 * bad vocabulary fails the build without touching the serving graph.
 */
public record ConceptModel(
    List<Section> sections,
    List<Concept> concepts,
    List<Mention> mentions,
    List<ConceptRelation> relations,
    Map<SectionRef, List<SectionRef>> links) {
  public ConceptModel {
    sections = List.copyOf(sections);
    concepts = List.copyOf(concepts);
    mentions = List.copyOf(mentions);
    relations = List.copyOf(relations);
    links = Map.copyOf(links);
  }
}

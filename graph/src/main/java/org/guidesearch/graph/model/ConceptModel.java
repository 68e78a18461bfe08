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

    /**
     * The same model with every concept id qualified as {@code prefix + id}, so the concepts of several guides can
     * share one store (and one id space) without two guides' "threads" meeting.
     */
    public ConceptModel withConceptIdPrefix(String prefix) {
        if (prefix.isEmpty()) return this;
        return new ConceptModel(
                sections,
                concepts.stream()
                        .map(c -> new Concept(
                                prefix + c.id(), c.name(), c.aliases(), c.kind(), c.definition(), c.home(), c.source()))
                        .toList(),
                mentions.stream()
                        .map(m -> new Mention(m.sectionId(), prefix + m.conceptId(), m.count(), m.inTitle()))
                        .toList(),
                relations.stream()
                        .map(r -> new ConceptRelation(
                                prefix + r.from(), r.type(), prefix + r.to(), r.weight(), r.evidence(), r.curated()))
                        .toList(),
                links);
    }
}

package org.guidesearch.graph.vocabulary;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.guidesearch.indexer.semantic.Passage;

/**
 * The curated concepts and typed relations. Construction checks what needs no corpus: unique ids, no alias shared by
 * two concepts, relations between known concepts.
 */
public record Vocabulary(List<Concept> concepts, List<CuratedRelation> relations) {
    public Vocabulary {
        concepts = List.copyOf(concepts);
        relations = List.copyOf(relations);
        Map<String, String> ownerOfForm = new HashMap<>();
        Map<String, Concept> byId = new HashMap<>();
        for (Concept c : concepts) {
            if (byId.put(c.id(), c) != null) {
                throw new VocabularyException("concept id '" + c.id() + "' is defined twice");
            }
            for (String form : c.surfaceForms()) {
                String key = form.toLowerCase(Locale.ROOT).strip();
                String owner = ownerOfForm.putIfAbsent(key, c.id());
                if (owner != null && !owner.equals(c.id())) {
                    throw new VocabularyException("alias '" + form + "' belongs to both '" + owner + "' and '" + c.id()
                            + "': merge them or drop one");
                }
            }
        }
        for (CuratedRelation r : relations) {
            for (String end : List.of(r.from(), r.to())) {
                if (!byId.containsKey(end)) {
                    throw new VocabularyException("relation " + r + " names unknown concept '" + end + "'");
                }
            }
        }
    }

    public Map<String, Concept> byId() {
        Map<String, Concept> map = new LinkedHashMap<>();
        concepts.forEach(c -> map.put(c.id(), c));
        return map;
    }

    public Optional<Concept> concept(String id) {
        return concepts.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * Each concept's definition as a passage of its home section, so a question phrased like the definition finds the
     * section that teaches the concept even when it shares no words with it.
     */
    public List<Passage> guideposts() {
        return concepts.stream()
                .filter(c -> c.home() != null && !c.definition().isBlank())
                .map(c -> new Passage(c.home().id(), Passage.GUIDEPOST, c.name() + ": " + c.definition(), ""))
                .toList();
    }

    /** Each concept's surface forms: the query-time synonym groups. */
    public List<List<String>> synonymGroups() {
        return concepts.stream()
                .map(Concept::surfaceForms)
                .filter(f -> f.size() > 1)
                .toList();
    }
}

package org.guidesearch.graph.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.CuratedRelation;
import org.guidesearch.graph.vocabulary.RelationType;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.indexer.corpus.SectionRef;

/**
 * Lays curated files over an extracted vocabulary. Curated concepts keep their ids, names, aliases, homes and
 * relations. An extracted concept that shares a form with a curated one (by normalised key) merges into it and
 * brings only its relations; one named in the blocklist (by id, name or alias) is dropped. Extracted prerequisites
 * touching a curated concept are left out, because the curated prerequisites define that reading order. Stateless
 * and thread-safe.
 */
public final class VocabularyOverlay {
    private static final int MAX_EVIDENCE = 5;

    public Vocabulary apply(Vocabulary extracted, Vocabulary curated, Set<String> blocklist) {
        CuratedForms forms = new CuratedForms(curated, blocklist);
        Set<String> curatedIds = new HashSet<>();
        curated.concepts().forEach(c -> curatedIds.add(c.id()));
        Set<String> ids = new HashSet<>(curatedIds);
        Map<String, String> idOf = new HashMap<>();
        List<Concept> concepts = new ArrayList<>(curated.concepts());
        for (Concept e : extracted.concepts()) {
            if (forms.blocks(e)) continue;
            List<String> claimants = forms.claimants(e);
            if (!claimants.isEmpty()) {
                idOf.put(e.id(), claimants.get(0));
                continue;
            }
            String id = e.id();
            for (int n = 2; ids.contains(id); n++) id = e.id() + "-" + n;
            ids.add(id);
            idOf.put(e.id(), id);
            concepts.add(new Concept(id, e.name(), e.aliases(), e.kind(), e.definition(), e.home(), Concept.EXTRACTED));
        }
        Set<String> taken = new HashSet<>();
        curated.relations().forEach(r -> taken.add(r.toString()));
        Map<String, CuratedRelation> merged = new LinkedHashMap<>();
        for (CuratedRelation r : extracted.relations()) {
            String from = idOf.get(r.from());
            String to = idOf.get(r.to());
            if (from == null || to == null || from.equals(to)) continue;
            if (r.type() == RelationType.PREREQUISITE_OF && (curatedIds.contains(from) || curatedIds.contains(to)))
                continue;
            CuratedRelation moved =
                    new CuratedRelation(from, r.type(), to, r.evidence(), r.weight(), Concept.EXTRACTED);
            if (taken.contains(moved.toString())) continue;
            merged.merge(moved.toString(), moved, VocabularyOverlay::combine);
        }
        List<CuratedRelation> relations = new ArrayList<>(curated.relations());
        relations.addAll(merged.values());
        return new Vocabulary(concepts, relations);
    }

    /** Two extracted relations that land on the same curated pair: the surer weight, the evidence of both. */
    private static CuratedRelation combine(CuratedRelation a, CuratedRelation b) {
        List<SectionRef> evidence = new ArrayList<>(a.evidence());
        b.evidence().stream().filter(e -> !evidence.contains(e)).forEach(evidence::add);
        return new CuratedRelation(
                a.from(),
                a.type(),
                a.to(),
                evidence.subList(0, Math.min(MAX_EVIDENCE, evidence.size())),
                Math.max(a.weight(), b.weight()),
                Concept.EXTRACTED);
    }
}

package org.guidesearch.graph.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.CuratedRelation;
import org.guidesearch.graph.vocabulary.RelationType;
import org.guidesearch.graph.vocabulary.Vocabulary;

/**
 * Compares what extraction found in a guide with the guide's curated overlay, for the owner to review
 * ({@code ./discover}): the concepts and relations the overlay lacks, and where the text and the overlay disagree.
 * Matching is the overlay's own ({@link CuratedForms}), so what the report calls missing is exactly what the service
 * adds as extracted. Stateless and thread-safe.
 */
public final class OverlayReview {
    /** Relations that read the same both ways: a reversed one says nothing new. */
    private static final Set<RelationType> SYMMETRIC =
            Set.of(RelationType.RELATED_TO, RelationType.ALTERNATIVE_TO, RelationType.CONTRASTS_WITH);

    public OverlayReport review(Vocabulary extracted, Vocabulary curated, Set<String> blocklist) {
        CuratedForms forms = new CuratedForms(curated, blocklist);
        Map<String, Concept> curatedById = curated.byId();
        Map<String, String> curatedIdOf = new HashMap<>();
        List<Concept> unmatched = new ArrayList<>();
        List<OverlayReport.Contradiction> contradictions = new ArrayList<>();
        for (Concept e : extracted.concepts()) {
            if (forms.blocks(e)) continue;
            List<String> claimants = forms.claimants(e);
            if (claimants.isEmpty()) {
                unmatched.add(e);
                continue;
            }
            curatedIdOf.put(e.id(), claimants.get(0));
            if (claimants.size() > 1) {
                contradictions.add(new OverlayReport.Contradiction(
                        OverlayReport.Kind.ONE_IN_THE_TEXT,
                        String.join(", ", claimants),
                        "the text uses " + e.surfaceForms() + " for one thing",
                        e.home() == null ? List.of() : List.of(e.home())));
            }
            Concept c = curatedById.get(claimants.get(0));
            if (c.home() != null && e.home() != null && !c.home().equals(e.home())) {
                contradictions.add(new OverlayReport.Contradiction(
                        OverlayReport.Kind.OTHER_HOME,
                        c.id() + " is taught in " + c.home(),
                        "the text teaches it in " + e.home(),
                        List.of(e.home())));
            }
        }

        Set<String> curatedPairs = new HashSet<>();
        Set<String> curatedEdges = new HashSet<>();
        for (CuratedRelation r : curated.relations()) {
            curatedPairs.add(pair(r.from(), r.to()));
            curatedEdges.add(r.toString());
        }
        Map<String, CuratedRelation> missing = new LinkedHashMap<>();
        for (CuratedRelation r : extracted.relations()) {
            String from = curatedIdOf.get(r.from());
            String to = curatedIdOf.get(r.to());
            if (from == null || to == null || from.equals(to)) continue;
            CuratedRelation mapped = new CuratedRelation(from, r.type(), to, r.evidence(), r.weight(), r.source());
            String reversed = to + " " + r.type() + " " + from;
            if (!SYMMETRIC.contains(r.type())
                    && curatedEdges.contains(reversed)
                    && !curatedEdges.contains(mapped.toString())) {
                contradictions.add(new OverlayReport.Contradiction(
                        OverlayReport.Kind.REVERSED, reversed, "the text says " + mapped, r.evidence()));
            } else if (!curatedPairs.contains(pair(from, to))) {
                String key = SYMMETRIC.contains(r.type()) ? r.type() + " " + pair(from, to) : mapped.toString();
                missing.merge(key, mapped, (a, b) -> a.weight() >= b.weight() ? a : b);
            }
        }

        Map<String, Integer> degree = new HashMap<>();
        for (CuratedRelation r : extracted.relations()) {
            degree.merge(r.from(), 1, Integer::sum);
            degree.merge(r.to(), 1, Integer::sum);
        }
        unmatched.sort(Comparator.comparing((Concept c) -> -degree.getOrDefault(c.id(), 0))
                .thenComparing(Concept::id));
        List<CuratedRelation> relations = new ArrayList<>(missing.values());
        // typed relations say more than co-occurrence, so a reviewer sees them first
        relations.sort(Comparator.comparing((CuratedRelation r) -> r.type() == RelationType.RELATED_TO)
                .thenComparing(r -> -r.weight())
                .thenComparing(CuratedRelation::toString));
        // two extracted concepts claimed by one curated concept may disagree with it in the same way
        List<OverlayReport.Contradiction> distinct = new ArrayList<>(new LinkedHashSet<>(contradictions));
        distinct.sort(Comparator.comparing(OverlayReport.Contradiction::kind)
                .thenComparing(OverlayReport.Contradiction::curated)
                .thenComparing(OverlayReport.Contradiction::text));
        return new OverlayReport(unmatched, relations, distinct);
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
    }
}

package org.guidesearch.graph.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.CuratedRelation;
import org.guidesearch.graph.vocabulary.RelationType;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.Section;
import org.guidesearch.indexer.corpus.SectionRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes mentions, statistical and curated relations, and section links from a corpus and a vocabulary.
 *
 * <p>Statistical relations use normalised pointwise mutual information over content sections: two concepts are
 * related when they share at least {@code minShared} sections and their NPMI reaches {@code minNpmi}. Curated
 * relations are checked against the corpus: each evidence section must exist and mention both ends.
 */
public final class ConceptModelBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ConceptModelBuilder.class);
    private static final int MIN_SHARED_SECTIONS = 2;
    private static final double MIN_NPMI = 0.25;
    private static final int MAX_EVIDENCE = 5;

    private final List<String> skipped = new ArrayList<>();

    /** What the last {@link #build} left out of the curated vocabulary, and why; empty when all of it held. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** A skipped entry: a curation problem worth a warning, or (extracted) the extractor's own loose end. */
    private void skip(boolean curated, String message) {
        if (curated) {
            skip(message);
        } else {
            LOG.debug("extraction: {}", message);
        }
    }

    private void skip(String message) {
        LOG.warn("curation: {}", message);
        skipped.add(message);
    }

    public ConceptModel build(Corpus corpus, Vocabulary vocabulary) {
        skipped.clear();
        List<Section> content = corpus.contentSections();
        MentionMatcher matcher = new MentionMatcher(vocabulary.concepts());
        List<Mention> mentions = new ArrayList<>();
        Map<String, Map<String, Integer>> bySection = new LinkedHashMap<>();
        for (Section s : content) {
            Map<String, Integer> counts = matcher.mentions(s.fullText());
            Set<String> inTitle = matcher.mentions(s.title()).keySet();
            bySection.put(s.id(), counts);
            counts.forEach((concept, n) -> mentions.add(new Mention(s.id(), concept, n, inTitle.contains(concept))));
        }
        List<Concept> concepts = withKnownHomes(vocabulary, corpus);
        List<ConceptRelation> relations = new ArrayList<>(curated(vocabulary, corpus, bySection));
        relations.addAll(cooccurrence(bySection, curatedIds(vocabulary)));
        relations.addAll(anchorOrphans(concepts, relations, bySection));
        return new ConceptModel(corpus.sections(), concepts, mentions, relations, links(corpus));
    }

    /**
     * The concepts with their home sections checked: a home that names a navigation section is a vocabulary error; a
     * home the corpus no longer has (the section was removed or renamed) is dropped with a warning, so the rest of
     * the vocabulary keeps working.
     */
    private List<Concept> withKnownHomes(Vocabulary vocabulary, Corpus corpus) {
        List<Concept> out = new ArrayList<>();
        for (Concept c : vocabulary.concepts()) {
            if (c.home() == null) {
                out.add(c);
                continue;
            }
            Section home = corpus.find(c.home()).orElse(null);
            if (home == null) {
                skip(
                        Concept.CURATED.equals(c.source()),
                        "concept '" + c.id() + "': home " + c.home() + " is not in the guide; kept without a home");
                out.add(new Concept(c.id(), c.name(), c.aliases(), c.kind(), c.definition(), null, c.source()));
            } else if (home.isNavigation()) {
                skip(
                        Concept.CURATED.equals(c.source()),
                        "concept '" + c.id() + "': home " + c.home()
                                + " is navigation, not content; kept without a home");
                out.add(new Concept(c.id(), c.name(), c.aliases(), c.kind(), c.definition(), null, c.source()));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private List<ConceptRelation> curated(
            Vocabulary vocabulary, Corpus corpus, Map<String, Map<String, Integer>> bySection) {
        List<ConceptRelation> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CuratedRelation r : vocabulary.relations()) {
            if (!seen.add(r.toString())) {
                skip(r.isCurated(), "relation " + r + " is listed twice; the second is skipped");
                continue;
            }
            if (r.evidence().isEmpty()) {
                skip(r.isCurated(), "relation " + r + " names no evidence section; skipped");
                continue;
            }
            List<SectionRef> kept = new ArrayList<>();
            for (SectionRef e : r.evidence()) {
                Map<String, Integer> mentioned = bySection.get(e.id());
                if (mentioned == null) {
                    // navigation, or a section that left the guide: its evidence goes with it
                    skip(
                            r.isCurated(),
                            "relation " + r + ": evidence " + e
                                    + (corpus.find(e).isPresent()
                                            ? " is navigation, not content"
                                            : " is not in the guide")
                                    + "; that evidence is skipped");
                    continue;
                }
                if (!r.isCurated() && !(mentioned.containsKey(r.from()) && mentioned.containsKey(r.to()))) {
                    // Extracted evidence was found with the extractor's own forms; once curated names and aliases
                    // replace
                    // them (the overlay), a section may no longer mention both ends. That weakens the edge, it is no
                    // error.
                    continue;
                }
                List<String> unmentioned = List.of(r.from(), r.to()).stream()
                        .filter(end -> !mentioned.containsKey(end))
                        .toList();
                if (!unmentioned.isEmpty()) {
                    skip("relation " + r + ": evidence " + e + " does not mention '" + String.join("', '", unmentioned)
                            + "' (by its name or an alias); that evidence is skipped");
                    continue;
                }
                kept.add(e);
            }
            if (kept.isEmpty()) {
                if (r.isCurated()) {
                    skip("relation " + r + " has no evidence left in the guide; not stored");
                } else {
                    LOG.debug("extracted relation {} has no evidence under the overlaid names; not stored", r);
                }
                continue;
            }
            out.add(new ConceptRelation(r.from(), r.type(), r.to(), r.weight(), kept, r.isCurated()));
        }
        return out;
    }

    /**
     * A concept with no relation yet (mentioned in too few sections for co-occurrence to count) is tied to the concept
     * it shares most sections with, preferring its home section, so no concept is unreachable in the graph.
     */
    private static List<ConceptRelation> anchorOrphans(
            List<Concept> concepts, List<ConceptRelation> relations, Map<String, Map<String, Integer>> bySection) {
        Set<String> connected = new HashSet<>();
        relations.forEach(r -> {
            connected.add(r.from());
            connected.add(r.to());
        });
        Map<String, Integer> sectionCounts = new HashMap<>();
        bySection.values().forEach(m -> m.keySet().forEach(c -> sectionCounts.merge(c, 1, Integer::sum)));
        List<ConceptRelation> out = new ArrayList<>();
        for (Concept c : concepts) {
            if (connected.contains(c.id())) continue;
            Map<String, Double> partners = new HashMap<>();
            Map<String, SectionRef> evidence = new HashMap<>();
            bySection.forEach((section, counts) -> {
                if (!counts.containsKey(c.id())) return;
                boolean home = c.home() != null && c.home().id().equals(section);
                counts.keySet().stream().filter(o -> !o.equals(c.id())).forEach(o -> {
                    // Rarer partners say more; the home section counts double.
                    double score = (home ? 2.0 : 1.0) / Math.log(2 + sectionCounts.getOrDefault(o, 1));
                    partners.merge(o, score, Double::sum);
                    evidence.putIfAbsent(o, SectionRef.parse(section));
                });
            });
            partners.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .ifPresent(best -> out.add(new ConceptRelation(
                            c.id(),
                            RelationType.RELATED_TO,
                            best.getKey(),
                            MIN_NPMI,
                            List.of(evidence.get(best.getKey())),
                            false)));
        }
        return out;
    }

    /**
     * Section-level co-occurrence is computed for curated concepts only: extracted concepts come with their own
     * RELATED_TO edges (paragraph-level, top-k per concept), and a thousand extracted concepts related by whole
     * sections would bury every typed edge in the neighbourhood view.
     */
    private static Set<String> curatedIds(Vocabulary vocabulary) {
        return vocabulary.concepts().stream()
                .filter(c -> Concept.CURATED.equals(c.source()))
                .map(Concept::id)
                .collect(Collectors.toSet());
    }

    private static List<ConceptRelation> cooccurrence(
            Map<String, Map<String, Integer>> bySection, Set<String> curated) {
        int n = bySection.size();
        Map<String, Set<String>> sectionsOf = new HashMap<>();
        bySection.forEach((section, counts) -> counts.keySet()
                .forEach(c -> sectionsOf
                        .computeIfAbsent(c, k -> new LinkedHashSet<>())
                        .add(section)));
        List<String> ids =
                sectionsOf.keySet().stream().filter(curated::contains).sorted().toList();
        List<ConceptRelation> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = ids.get(i);
                String b = ids.get(j);
                Set<String> sa = sectionsOf.get(a);
                Set<String> sb = sectionsOf.get(b);
                List<String> shared = sa.stream().filter(sb::contains).toList();
                if (shared.size() < MIN_SHARED_SECTIONS) continue;
                double pab = (double) shared.size() / n;
                double pa = (double) sa.size() / n;
                double pb = (double) sb.size() / n;
                double npmi = pab >= 1.0 ? 1.0 : Math.log(pab / (pa * pb)) / -Math.log(pab);
                if (npmi < MIN_NPMI) continue;
                List<SectionRef> evidence = shared.stream()
                        .sorted(Comparator.comparingInt((String s) ->
                                -(bySection.get(s).get(a) + bySection.get(s).get(b))))
                        .limit(MAX_EVIDENCE)
                        .map(SectionRef::parse)
                        .collect(Collectors.toList());
                out.add(new ConceptRelation(
                        a, RelationType.RELATED_TO, b, Math.round(npmi * 1000) / 1000.0, evidence, false));
            }
        }
        return out;
    }

    /**
     * The guide's cross-references as section-to-section links. A link made inside navigation (a table of contents,
     * "Where to Go Next") is credited to the content section that encloses it, and only when it leaves the file: within
     * a file, such links only restate the outline. A link to a whole file points at its first section.
     */
    private static Map<SectionRef, List<SectionRef>> links(Corpus corpus) {
        Map<SectionRef, Section> known = new HashMap<>();
        Map<String, Section> firstOfDoc = new HashMap<>();
        for (Section s : corpus.sections()) {
            known.put(s.ref(), s);
            if (!s.isNavigation()) firstOfDoc.putIfAbsent(s.doc(), s);
        }
        Map<SectionRef, List<SectionRef>> out = new LinkedHashMap<>();
        for (Section s : corpus.sections()) {
            Section source = s;
            while (source != null && source.isNavigation()) {
                source = source.parent() == null ? null : known.get(new SectionRef(source.doc(), source.parent()));
            }
            if (source == null) continue;
            for (SectionRef link : s.links()) {
                Section target = link.anchor().isEmpty() ? firstOfDoc.get(link.doc()) : known.get(link);
                if (target == null || target.isNavigation() || target.ref().equals(source.ref())) continue;
                if (s.isNavigation() && target.doc().equals(s.doc())) continue;
                List<SectionRef> targets = out.computeIfAbsent(source.ref(), k -> new ArrayList<>());
                if (!targets.contains(target.ref())) targets.add(target.ref());
            }
        }
        return out;
    }
}

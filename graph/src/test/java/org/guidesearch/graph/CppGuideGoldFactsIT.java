package org.guidesearch.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.guidesearch.graph.extract.ConceptExtractor;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.corpus.SectionSplitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A guide nobody curated, extracted with no overlay, against gold facts a reader wrote without seeing the extractor:
 * pairs expected near each other (within 2 hops, either way, in the default view at limit 25), home sections
 * expected among a concept's top 3 sections, and paths expected to exist. Each name list holds alternative names; a
 * fact whose concept extraction did not find fails. Prints every fact's outcome.
 */
class CppGuideGoldFactsIT {
    static final int LIMIT = 25;
    static GuideGraph g;
    static Vocabulary extracted;
    static JsonNode gold;

    @BeforeAll
    static void build() throws Exception {
        Path folder = Path.of(System.getProperty("cpp.corpus.dir", "../../shared/corpus/cpp-guide"));
        Corpus corpus = new CorpusReader(new SectionSplitter()).read(folder);
        long t0 = System.nanoTime();
        extracted = new ConceptExtractor().extract(corpus, folder);
        System.out.printf("C++ guide extracted in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        g = GuideGraph.start(corpus, extracted);
        System.out.printf(
                "C++ guide: %d concepts, %d relations; graph %s%n",
                extracted.concepts().size(), extracted.relations().size(), g.graph.stats());
        Path goldFile = Path.of(System.getProperty("cpp.graph.gold", "../data/eval/cpp-guide/graph-gold.json"));
        assertThat(goldFile)
                .as("gold facts for the C++ guide (system property cpp.graph.gold)")
                .isRegularFile();
        gold = new ObjectMapper().readTree(Files.readString(goldFile));
    }

    @AfterAll
    static void stop() {
        if (g != null) g.close();
    }

    /** The extracted concept carrying one of the names (case-insensitive), first name first. */
    static Optional<String> resolve(JsonNode names) {
        for (JsonNode n : names) {
            String name = n.asText().strip().toLowerCase(Locale.ROOT);
            for (Concept c : extracted.concepts()) {
                if (c.surfaceForms().stream()
                        .anyMatch(f -> f.toLowerCase(Locale.ROOT).equals(name))) return Optional.of(c.id());
            }
        }
        return Optional.empty();
    }

    static boolean near(String a, String b) {
        return g.graph.neighbours(a, 2, LIMIT, null).orElseThrow().nodes().stream()
                        .anyMatch(n -> n.id().equals(b))
                || g.graph.neighbours(b, 2, LIMIT, null).orElseThrow().nodes().stream()
                        .anyMatch(n -> n.id().equals(a));
    }

    @Test
    void mostPairsAReaderExpectsNearAreNear() {
        List<String> outcomes = new ArrayList<>();
        int held = 0;
        for (JsonNode fact : gold.path("near")) {
            Optional<String> a = resolve(fact.path("a"));
            Optional<String> b = resolve(fact.path("b"));
            boolean ok = a.isPresent() && b.isPresent() && !a.get().equals(b.get()) && near(a.get(), b.get());
            if (ok) held++;
            outcomes.add((ok ? "HOLDS " : "FAILS ") + fact.path("a") + " ~ " + fact.path("b") + " (resolved "
                    + a.orElse("-") + ", " + b.orElse("-") + ")");
        }
        int total = gold.path("near").size();
        outcomes.forEach(System.out::println);
        System.out.printf("near: %d/%d hold%n", held, total);
        assertThat(held).isGreaterThanOrEqualTo((int) Math.ceil(0.7 * total));
    }

    @Test
    void mostHomesAreAmongAConceptsTopThreeSections() {
        List<String> outcomes = new ArrayList<>();
        int held = 0;
        for (JsonNode fact : gold.path("homes")) {
            Optional<String> c = resolve(fact.path("concept"));
            String section = fact.path("section").asText();
            List<String> top3 = c.flatMap(id -> g.graph.concept(id, 3))
                    .map(d -> d.sections().stream()
                            .map(s -> s.doc() + "#" + s.anchor())
                            .toList())
                    .orElse(List.of());
            boolean ok = top3.contains(section);
            if (ok) held++;
            outcomes.add((ok ? "HOLDS " : "FAILS ") + fact.path("concept") + " at " + section + " (resolved "
                    + c.orElse("-") + ", top 3 " + top3 + ")");
        }
        int total = gold.path("homes").size();
        outcomes.forEach(System.out::println);
        System.out.printf("homes: %d/%d hold%n", held, total);
        assertThat(held).isGreaterThanOrEqualTo((int) Math.ceil(0.7 * total));
    }

    @Test
    void pathsAreReportedAndEveryHopOfAFoundPathHasEvidence() {
        int held = 0;
        for (JsonNode fact : gold.path("paths")) {
            Optional<String> from = resolve(fact.path("from"));
            Optional<String> to = resolve(fact.path("to"));
            var path = from.isPresent() && to.isPresent()
                    ? g.graph.path(from.get(), to.get())
                    : Optional.<org.guidesearch.graph.read.ConceptPath>empty();
            path.ifPresent(p -> assertThat(p.edges())
                    .allSatisfy(e -> assertThat(e.evidence()).isNotEmpty()));
            if (path.isPresent()) held++;
            System.out.println((path.isPresent() ? "HOLDS " : "FAILS ") + fact.path("from") + " -> " + fact.path("to"));
        }
        System.out.printf("paths: %d/%d hold%n", held, gold.path("paths").size());
    }
}

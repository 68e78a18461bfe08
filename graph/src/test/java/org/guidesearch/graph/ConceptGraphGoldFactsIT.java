package org.guidesearch.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.guidesearch.graph.read.ConceptPath;
import org.guidesearch.graph.read.GraphEdge;
import org.guidesearch.graph.read.GraphNode;
import org.guidesearch.graph.read.Neighbourhood;
import org.guidesearch.graph.read.ReadingStep;
import org.guidesearch.graph.vocabulary.RelationType;
import org.guidesearch.indexer.corpus.Section;
import org.guidesearch.indexer.corpus.SectionRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Facts a reader of the guide knows, asserted against the graph stored in the real Neo4j. */
class ConceptGraphGoldFactsIT {
    static GuideGraph g;

    @BeforeAll
    static void build() throws Exception {
        g = GuideGraph.start();
    }

    @AfterAll
    static void stop() {
        g.close();
    }

    static Neighbourhood around(String id, int depth, RelationType type) {
        return g.graph.neighbours(id, depth, 500, type).orElseThrow();
    }

    static boolean edgeBetween(String a, String b, RelationType type) {
        return around(a, 1, type).edges().stream()
                .anyMatch(e ->
                        (e.from().equals(a) && e.to().equals(b)) || (e.from().equals(b) && e.to().equals(a)));
    }

    static boolean directed(String from, RelationType type, String to) {
        return around(from, 1, type).edges().stream().anyMatch(e -> e.from().equals(from) && e.to().equals(to));
    }

    @Test
    void theGilReachesAsyncioInAtMostTwoHopsThroughThreads() {
        ConceptPath path = g.graph.path("gil", "asyncio").orElseThrow();
        assertThat(path.edges()).hasSizeLessThanOrEqualTo(2);
        assertThat(edgeBetween("gil", "threads", null)).isTrue();
        assertThat(edgeBetween("threads", "asyncio", null)).isTrue();
        assertThat(around("gil", 2, null).nodes()).extracting(GraphNode::id).contains("asyncio", "threads");
    }

    @Test
    void everyHopOfAPathCarriesEvidenceThatMentionsBothEnds() {
        ConceptPath path = g.graph.path("metaclasses", "asyncio").orElseThrow();
        assertThat(path.nodes().get(0).id()).isEqualTo("metaclasses");
        assertThat(path.nodes().get(path.nodes().size() - 1).id()).isEqualTo("asyncio");
        for (GraphEdge e : path.edges()) {
            assertThat(e.evidence()).isNotEmpty();
            for (SectionRef ref : e.evidence()) {
                Section s = g.corpus.find(ref).orElseThrow();
                var mentions = g.model.mentions().stream()
                        .filter(m -> m.sectionId().equals(s.id()))
                        .map(m -> m.conceptId())
                        .toList();
                assertThat(mentions).as("evidence %s of %s", ref, e).contains(e.from(), e.to());
            }
        }
    }

    @ParameterizedTest(name = "{0} is taught in {1}")
    @CsvSource({
        "gil, part5.md#131-the-global-interpreter-lock-gil",
        "dunder-slots, part2.md#68-slotted-classes",
        "metaclasses, part2.md#66-metaclasses",
        "mro, part2.md#63-method-resolution-order-and-super",
        "legb, part2.md#33-the-legb-name-resolution-rule",
        "faulthandler, part5.md#156-diagnosing-unexpected-crashes-faulthandler",
        "weak-references, part4.md#114-weak-references",
        "virtual-environments, part6.md#163-virtual-environments",
        "event-loop, part5.md#135-the-event-loop-of-asyncio",
        "bytecode, part1.md#22-understanding-python-bytecode"
    })
    void aConceptsHomeSectionComesFirst(String id, String home) {
        var first = g.graph.concept(id, 5).orElseThrow().sections().get(0);
        assertThat(first.doc() + "#" + first.anchor()).isEqualTo(home);
        assertThat(first.home()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "gil, LIMITS, threads",
        "event-loop, PART_OF, asyncio",
        "generational-gc, PART_OF, garbage-collector",
        "multiprocessing, CONTRASTS_WITH, gil",
        "properties, IS_A, descriptors",
        "closures, PREREQUISITE_OF, decorators",
        "pypy, USES, jit",
        "async-await, IMPLEMENTS, coroutines",
        "weak-references, USES, reference-counting",
        "free-threading, ALTERNATIVE_TO, gil",
        "cython, OPTIMIZES, numpy",
        "wheels, ALTERNATIVE_TO, sdist"
    })
    void curatedTypedRelationsAreStoredWithTheirDirection(String from, String type, String to) {
        assertThat(directed(from, RelationType.valueOf(type), to)).isTrue();
    }

    @Test
    void slotsRelateToTheInstanceDictionary() {
        assertThat(edgeBetween("dunder-slots", "dunder-dict", null)).isTrue();
    }

    @Test
    void referenceCountingAndTheGarbageCollectorAreAdjacent() {
        assertThat(around("reference-counting", 1, null).nodes())
                .extracting(GraphNode::id)
                .contains("garbage-collector");
    }

    @Test
    void multiprocessingIsConnectedToThreadsAndTheGil() {
        assertThat(around("multiprocessing", 1, null).nodes())
                .extracting(GraphNode::id)
                .contains("threads", "gil");
    }

    @Test
    void theReadingListForMetaclassesStartsBeforeSection66AndEndsThere() {
        List<ReadingStep> steps =
                g.graph.prerequisites("metaclasses").orElseThrow().steps();
        assertThat(steps).hasSizeGreaterThan(2);
        ReadingStep last = steps.get(steps.size() - 1);
        assertThat(last.anchor()).isEqualTo("66-metaclasses");
        int metaclassOrder = g.corpus
                .find(new SectionRef("part2.md", "66-metaclasses"))
                .orElseThrow()
                .order();
        int firstOrder = g.corpus
                .find(new SectionRef(steps.get(0).doc(), steps.get(0).anchor()))
                .orElseThrow()
                .order();
        assertThat(firstOrder).isLessThan(metaclassOrder);
    }

    @Test
    void statisticalRelationsAreWeightedAndEvidenced() {
        Neighbourhood n = around("gil", 1, RelationType.RELATED_TO);
        assertThat(n.edges()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.type()).isEqualTo("RELATED_TO");
            assertThat(e.weight()).isBetween(0.0, 1.0);
            assertThat(e.evidence()).isNotEmpty();
        });
        assertThat(n.edges()).isSortedAccordingTo((a, b) -> Double.compare(b.weight(), a.weight()));
    }

    @Test
    void aTypeFilterKeepsOnlyThatType() {
        // non-empty first: on no edges at all, allMatch would hold whatever the filter did
        assertThat(around("garbage-collector", 2, RelationType.PART_OF).edges())
                .isNotEmpty()
                .allMatch(e -> e.type().equals("PART_OF"));
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource({
        "global interpreter lock, gil",
        "threading, threads",
        "multithreading, threads",
        "GC, garbage-collector",
        "method resolution order, mro",
        "venv, virtual-environments",
        "sdist, sdist",
        "just-in-time, jit"
    })
    void lookupResolvesAliasesToOneConcept(String alias, String id) {
        assertThat(g.graph.lookup(alias, null, 5).get(0).id()).isEqualTo(id);
    }

    @Test
    void sectionsLinkToSectionsTheGuideCrossReferences() {
        assertThat(g.graph.stats().sectionLinks()).isPositive();
        // Part V's "Where to Go Next" points at Part VI: credited to the content section enclosing it.
        assertThat(g.model.links().entrySet())
                .anyMatch(e -> e.getKey().doc().equals("part5.md")
                        && e.getValue()
                                .contains(new SectionRef(
                                        "part6.md", "part-vi-building-deploying-and-the-developer-ecosystem")));
        var related = g.graph.relatedSections(
                GuideGraph.GUIDE, new SectionRef("part5.md", "131-the-global-interpreter-lock-gil"), 10);
        assertThat(related).isPresent();
        assertThat(related.get()).extracting(r -> r.anchor()).contains("132-multithreading-vs-multiprocessing");
    }

    @Test
    void unknownConceptsHaveNoNeighbourhoodPathOrReadingList() {
        assertThat(g.graph.neighbours("no-such-concept", 1, 10, null)).isEmpty();
        assertThat(g.graph.path("gil", "no-such-concept")).isEmpty();
        assertThat(g.graph.prerequisites("no-such-concept")).isEqualTo(Optional.empty());
    }
}

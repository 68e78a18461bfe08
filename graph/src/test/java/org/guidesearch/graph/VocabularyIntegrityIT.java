package org.guidesearch.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.guidesearch.graph.model.ConceptModel;
import org.guidesearch.graph.model.ConceptModelBuilder;
import org.guidesearch.graph.model.ConceptRelation;
import org.guidesearch.graph.model.Mention;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.CuratedRelation;
import org.guidesearch.graph.vocabulary.RelationType;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.graph.vocabulary.VocabularyException;
import org.guidesearch.graph.vocabulary.VocabularyLoader;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.corpus.SectionRef;
import org.guidesearch.indexer.corpus.SectionSplitter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The curated vocabulary against the guide: coverage, no orphans, no duplicates, evidence that holds. */
class VocabularyIntegrityIT {
    static Vocabulary vocabulary;
    static Corpus corpus;
    static ConceptModel model;
    static List<String> skipped;

    @BeforeAll
    static void load() throws Exception {
        vocabulary = new VocabularyLoader().load(GuideGraph.dataDir());
        corpus = new CorpusReader(new SectionSplitter()).read(GuideGraph.corpusDir());
        ConceptModelBuilder builder = new ConceptModelBuilder();
        model = builder.build(corpus, vocabulary);
        skipped = builder.skipped();
    }

    @Test
    void everyCuratedEntryHoldsInTheGuide() {
        // at run time a bad entry is only skipped with a warning; for the shipped curation that would be a bug
        assertThat(skipped).isEmpty();
    }

    @Test
    void theVocabularyIsLargeAndEveryConceptHasAKindAndADefinition() {
        assertThat(vocabulary.concepts()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(vocabulary.concepts()).allSatisfy(c -> {
            assertThat(c.kind()).isNotBlank();
            assertThat(c.definition()).as(c.id()).isNotBlank();
        });
        assertThat(vocabulary.relations()).hasSizeGreaterThanOrEqualTo(150);
    }

    @Test
    void everyConceptIsMentionedByAtLeastOneSection() {
        Set<String> mentioned =
                model.mentions().stream().map(Mention::conceptId).collect(Collectors.toSet());
        assertThat(vocabulary.concepts().stream()
                        .map(Concept::id)
                        .filter(id -> !mentioned.contains(id))
                        .toList())
                .isEmpty();
    }

    @Test
    void everyChapterAndTheAppendixTeachSomeConcept() {
        Set<String> homeChapters = vocabulary.concepts().stream()
                .filter(c -> c.home() != null)
                .map(c -> corpus.find(c.home()).orElseThrow().breadcrumb())
                .map(crumbs -> crumbs.size() > 1 ? crumbs.get(1) : crumbs.get(0))
                .collect(Collectors.toSet());
        for (int chapter = 1; chapter <= 20; chapter++) {
            String prefix = chapter + ". ";
            assertThat(homeChapters).as("chapter %d", chapter).anyMatch(t -> t.startsWith(prefix));
        }
        assertThat(vocabulary.concepts())
                .anyMatch(c -> c.home() != null && c.home().doc().equals("appendix.md"));
    }

    @Test
    void noConceptIsAnOrphan() {
        Set<String> connected = new HashSet<>();
        for (ConceptRelation r : model.relations()) {
            connected.add(r.from());
            connected.add(r.to());
        }
        assertThat(vocabulary.concepts().stream()
                        .map(Concept::id)
                        .filter(id -> !connected.contains(id))
                        .toList())
                .isEmpty();
    }

    @Test
    void noTwoConceptsShareAnAlias() {
        Map<String, Long> owners = vocabulary.concepts().stream()
                .flatMap(c -> c.surfaceForms().stream()
                        .map(f -> f.toLowerCase(Locale.ROOT))
                        .distinct())
                .collect(Collectors.groupingBy(f -> f, Collectors.counting()));
        assertThat(owners.entrySet())
                .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isEqualTo(1L));
    }

    @Test
    void aSharedAliasFailsTheLoadWithAClearMessage() {
        assertThatThrownBy(() -> new Vocabulary(
                        List.of(
                                new Concept("threads", "Threads", List.of("threading"), "concurrency", "d", null),
                                new Concept("threading-module", "threading", List.of(), "library", "d", null)),
                        List.of()))
                .isInstanceOf(VocabularyException.class)
                .hasMessageContaining("'threading'")
                .hasMessageContaining("threads")
                .hasMessageContaining("threading-module");
    }

    @Test
    void evidenceThatDoesNotMentionBothConceptsIsSkippedWithAWarningNamingIt() {
        Concept gil = vocabulary.concept("gil").orElseThrow();
        Concept wheels = vocabulary.concept("wheels").orElseThrow();
        Vocabulary bad = new Vocabulary(
                List.of(gil, wheels),
                List.of(new CuratedRelation(
                        "gil",
                        RelationType.USES,
                        "wheels",
                        List.of(new SectionRef("part5.md", "131-the-global-interpreter-lock-gil")))));
        ConceptModelBuilder builder = new ConceptModelBuilder();
        var model = builder.build(corpus, bad);
        assertThat(model.relations()).noneMatch(r -> r.curated() && r.from().equals("gil") && r.to().equals("wheels"));
        assertThat(builder.skipped())
                .hasSize(2)
                .allMatch(m -> m.contains("gil USES wheels"))
                .anyMatch(m -> m.contains("does not mention 'wheels'"));
    }

    @Test
    void aSectionRemovedFromTheCorpusTakesItsMentionsAndEvidenceWithIt() {
        SectionRef gilHome = new SectionRef("part5.md", "131-the-global-interpreter-lock-gil");
        Corpus without = new Corpus(
                corpus.sections().stream().filter(s -> !s.ref().equals(gilHome)).toList(), List.of());
        ConceptModel smaller = new ConceptModelBuilder().build(without, vocabulary);
        assertThat(smaller.mentions()).noneMatch(m -> m.sectionId().equals(gilHome.id()));
        assertThat(smaller.relations()).allSatisfy(r -> assertThat(r.evidence()).doesNotContain(gilHome));
        assertThat(smaller.mentions().size()).isLessThan(model.mentions().size());
    }
}

package org.guidesearch.graph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.CuratedRelation;
import org.guidesearch.graph.vocabulary.RelationType;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConceptExtractorTest {
    // A made-up subject, so that nothing here can lean on a word list about a real one.
    static final String GUIDE = """
      # Part I: Orchards

      ## Table of Contents

      - **[1.1. The Grafting Union](#11-the-grafting-union)** - Joins.

      ## 1. Orchard Basics

      An orchard has trees. The **rootstock** decides the vigour of a tree. Every tree uses a rootstock.

      ### 1.1. The Grafting Union

      The Cambium Contact Zone (CCZ) forms where scion and rootstock meet. A grafting union is a joint that heals
      slowly. The CCZ limits water flow. A cleft graft uses the CCZ, and a whip graft uses the CCZ too.
      Grafting methods such as cleft graft and whip graft differ in speed.

      Use `seal_wound()` after cutting.

      ### 1.2. Pruning vs. Thinning

      Pruning removes wood. Thinning removes fruit. Pruning is a practice that shapes the tree.
      The grafting union needs care after pruning. Call `seal_wound()` again after pruning.
      A cleft graft heals faster than a whip graft, and good water flow helps both. Each grafting method needs a
      sharp knife.

      ## 2. Glossary

      - **Scion**: The upper part of a graft, which bears the fruit.
      - **Rootstock**: The lower part of a graft, which bears the roots.
      """;

    static Vocabulary vocabulary;
    static Map<String, Concept> byName;

    @BeforeAll
    static void extract() throws Exception {
        SmallGuide guide = SmallGuide.of(GUIDE);
        vocabulary = new ConceptExtractor().extract(guide.corpus(), guide.folder());
        byName = vocabulary.concepts().stream()
                .collect(Collectors.toMap(c -> c.name().toLowerCase(java.util.Locale.ROOT), Function.identity()));
    }

    static Concept named(String form) {
        return vocabulary.concepts().stream()
                .filter(c -> c.surfaceForms().stream().anyMatch(f -> f.equalsIgnoreCase(form)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no concept '" + form + "' in " + byName.keySet()));
    }

    static boolean related(String from, RelationType type, String to) {
        String a = named(from).id();
        String b = named(to).id();
        return vocabulary.relations().stream()
                .anyMatch(r -> r.from().equals(a) && r.type() == type && r.to().equals(b));
    }

    @Test
    void everyConceptAndRelationIsMarkedExtracted() {
        assertThat(vocabulary.concepts()).isNotEmpty().allMatch(c -> c.source().equals(Concept.EXTRACTED));
        assertThat(vocabulary.relations())
                .isNotEmpty()
                .allMatch(r -> r.source().equals(Concept.EXTRACTED))
                .allMatch(r -> r.weight() > 0 && r.weight() <= 1)
                .allMatch(r -> !r.evidence().isEmpty());
    }

    @Test
    void anAbbreviationBecomesAnAliasOfItsExpansion() {
        Concept zone = named("CCZ");
        assertThat(zone.name()).isEqualTo("Cambium Contact Zone");
        assertThat(zone.aliases()).contains("CCZ");
    }

    @Test
    void aHeadingEveryChapterRepeatsIsFurnitureNotAConcept() throws Exception {
        StringBuilder md = new StringBuilder("# Part I: Orchards\n\n");
        for (String chapter : new String[] {"Cleft Grafting", "Whip Grafting", "Bark Grafting"}) {
            md.append("## ")
                    .append(chapter)
                    .append("\n\n")
                    .append(chapter)
                    .append(" joins a scion to a rootstock in spring.\n\n")
                    .append("### The Budding Knife and ")
                    .append(chapter)
                    .append("\n\nA budding knife cuts the bark.\n\n")
                    .append("### Practice Drills\n\nTry ")
                    .append(chapter.toLowerCase(java.util.Locale.ROOT))
                    .append(" on an old tree. **Practice drills** close every chapter.\n\n");
        }
        SmallGuide guide = SmallGuide.of(md.toString());
        Vocabulary v = new ConceptExtractor().extract(guide.corpus(), guide.folder());
        assertThat(v.concepts())
                .flatExtracting(Concept::surfaceForms)
                .contains("Bark Grafting", "Budding Knife")
                .noneMatch(f -> f.toLowerCase(java.util.Locale.ROOT).startsWith("practice drill"));
    }

    @Test
    void aHeadingThatNamesAConceptIsItsHome() {
        assertThat(named("grafting union").home().anchor()).isEqualTo("11-the-grafting-union");
    }

    @Test
    void versusHeadingsSplitIntoTwoConceptsThatContrast() {
        assertThat(named("pruning").home().anchor()).isEqualTo("12-pruning-vs-thinning");
        assertThat(related("pruning", RelationType.CONTRASTS_WITH, "thinning")).isTrue();
    }

    @Test
    void theGlossaryGivesTheDefinitionAndBoldTermsAreCandidates() {
        assertThat(named("scion").definition()).startsWith("The upper part of a graft");
        assertThat(named("rootstock").definition()).startsWith("The lower part of a graft");
    }

    @Test
    void withoutAGlossaryTheFirstIsASentenceDefines() {
        assertThat(named("grafting union").definition())
                .isEqualTo("A grafting union is a joint that heals\nslowly.".replace("\n", " "));
    }

    @Test
    void inlineCodeUsedInTwoSectionsIsAConcept() {
        assertThat(named("seal_wound()").kind()).isEqualTo("code");
    }

    @Test
    void cueVerbsAndHearstPatternsBecomeTypedRelations() {
        assertThat(related("CCZ", RelationType.LIMITS, "water flow")).isTrue();
        assertThat(related("cleft graft", RelationType.USES, "CCZ")).isTrue();
        assertThat(related("whip graft", RelationType.IS_A, "grafting method")).isTrue();
        assertThat(related("cleft graft", RelationType.IS_A, "grafting method")).isTrue();
    }

    @Test
    void aLongerNameIsAKindOfTheConceptItEndsWith() {
        assertThat(related("cleft graft", RelationType.IS_A, "graft")).isTrue();
    }

    @Test
    void navigationSectionsProposeNothing() {
        assertThat(vocabulary.concepts())
                .noneMatch(c -> c.home() != null && c.home().anchor().equals("table-of-contents"));
    }

    @Test
    void prerequisitesPointForwardInReadingOrder() {
        Map<String, Integer> order = new java.util.HashMap<>();
        new java.util.ArrayList<>(vocabulary.concepts()).forEach(c -> order.put(c.id(), 0));
        for (CuratedRelation r : vocabulary.relations()) {
            if (r.type() != RelationType.PREREQUISITE_OF) continue;
            Concept from = vocabulary.concept(r.from()).orElseThrow();
            Concept to = vocabulary.concept(r.to()).orElseThrow();
            assertThat(from.home()).isNotEqualTo(to.home());
        }
    }

    @Test
    void theSameGuideGivesTheSameBytes() throws Exception {
        SmallGuide guide = SmallGuide.of(GUIDE);
        VocabularyJson json = new VocabularyJson();
        byte[] first = json.write(new ConceptExtractor().extract(guide.corpus(), guide.folder()));
        byte[] second = json.write(new ConceptExtractor().extract(guide.corpus(), guide.folder()));
        assertThat(second).isEqualTo(first);
        assertThat(json.write(json.read(first))).isEqualTo(first);
    }
}

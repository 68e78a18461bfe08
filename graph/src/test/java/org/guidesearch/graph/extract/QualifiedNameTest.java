package org.guidesearch.graph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QualifiedNameTest {
    // A made-up subject and a made-up library, so that nothing here leans on a real language's names.
    static final String GUIDE = """
      # Part I: Orchards

      ## 1. Tools

      The `kit::prune_branch` call cuts a branch. Call `kit::graft` to join a scion to its stock.

      ## 2. Seasons

      In winter, `kit::prune_branch` is safe. In spring, `kit::graft` heals fast. Every graft needs care.
      Some growers write `prune_branch` alone.
      """;

    static Vocabulary vocabulary;

    @BeforeAll
    static void extract() throws Exception {
        SmallGuide guide = SmallGuide.of(GUIDE);
        vocabulary = new ConceptExtractor().extract(guide.corpus(), guide.folder());
    }

    static Concept named(String form) {
        return vocabulary.concepts().stream()
                .filter(c -> c.surfaceForms().stream().anyMatch(f -> f.equalsIgnoreCase(form)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no concept '" + form + "' in " + vocabulary.concepts()));
    }

    @Test
    void aQualifiedNameInInlineCodeIsAConceptWithItsLastPartAsAlias() {
        Concept prune = named("kit::prune_branch");
        assertThat(prune.name()).isEqualTo("kit::prune_branch");
        assertThat(prune.aliases()).contains("prune_branch");
    }

    @Test
    void aLastPartThatIsAPlainWordIsNotAnAlias() {
        Concept graft = named("kit::graft");
        assertThat(graft.aliases()).doesNotContain("graft");
    }
}

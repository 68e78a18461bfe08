package org.guidesearch.graph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AbbreviationFinderTest {
    final AbbreviationFinder finder = new AbbreviationFinder();

    @Test
    void theShortestLongFormWhoseWordsSpellTheShortFormIsFound() {
        assertThat(finder.find("Every orchard keeps a Cambium Contact Zone (CCZ) at each joint."))
                .containsExactly(new Abbreviation("CCZ", "Cambium Contact Zone"));
    }

    @Test
    void aParenthesisThatIsNoAbbreviationIsIgnored() {
        assertThat(finder.find("The tree grows slowly (see below) in cold soil (2024)."))
                .isEmpty();
        assertThat(finder.find("A lateral bud (XYZ) appears.")).isEmpty();
    }

    @Test
    void aContractionBeforeItsPhraseIsAShortForm() {
        assertThat(finder.find("Each tree keeps a hidden **rtzone** (root transition zone) below the soil."))
                .containsExactly(new Abbreviation("rtzone", "root transition zone"));
        assertThat(finder.find("Water the memory bed (main memory bed) and the pit (see below)."))
                .isEmpty();
    }
}

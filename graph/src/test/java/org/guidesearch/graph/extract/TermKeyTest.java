package org.guidesearch.graph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermKeyTest {
    @ParameterizedTest(name = "\"{0}\" and \"{1}\" share a key")
    @CsvSource({
        "The Reference Cycles, reference-cycle",
        "an Orchard, orchards",
        "Dictionaries, dictionary",
        "process, processes",
        "seal_wound(), seal_wound",
        "Branch  Switches, branch switch"
    })
    void formsOfOneThingShareAKey(String a, String b) {
        assertThat(TermKey.of(a)).isEqualTo(TermKey.of(b));
    }

    @ParameterizedTest(name = "\"{0}\" and \"{1}\" stay apart")
    @CsvSource({"collector, collection", "status, statu", "class, clas", "cyclic collector, collector"})
    void differentThingsKeepDifferentKeys(String a, String b) {
        assertThat(TermKey.of(a)).isNotEqualTo(TermKey.of(b));
    }
}

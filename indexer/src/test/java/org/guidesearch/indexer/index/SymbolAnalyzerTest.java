package org.guidesearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class SymbolAnalyzerTest {
    private static List<String> tokens(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (SymbolAnalyzer analyzer = new SymbolAnalyzer();
                TokenStream ts = analyzer.tokenStream(SectionSchema.SYMBOLS, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        }
        return out;
    }

    @Test
    void punctuationAroundATokenGoesWhilePairedBracketsStay() throws IOException {
        assertThat(tokens("Release builds (see below) pass \"-O2\", call f() and free a[] with = delete."))
                .containsExactly(
                        "release", "builds", "see", "below", "pass", "-o2", "call", "f()", "and", "free", "a[]", "with",
                        "=", "delete");
    }

    @Test
    void aTableRowRenderedAsTextGivesItsCellsTokens() throws IOException {
        assertThat(tokens("\"-O2\"| Optimise: faster code.| Use || for either"))
                .containsExactly("-o2", "optimise", "faster", "code", "use", "||", "for", "either");
    }

    @Test
    void onlyTokensThatBeginOrEndWithAnOperatorAreSymbolic() {
        assertThat(List.of("-O2", "--verbose", "=", "a[]", "x++", "<=>", "(-Wall)"))
                .allSatisfy(t -> assertThat(SymbolAnalyzer.isSymbolic(t)).as(t).isTrue());
        assertThat(List.of("v2", "x.y", "ns::name", "__dunder__", "snake_case", "v2.0-beta", "f()", "word."))
                .allSatisfy(t -> assertThat(SymbolAnalyzer.isSymbolic(t)).as(t).isFalse());
    }
}

package org.guidesearch.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.guidesearch.indexer.index.SectionAnalyzer;
import org.junit.jupiter.api.Test;

/** Snippets: the sentence with the most telling query words, every occurrence marked, HTML escaped, long ones cut. */
class ProseSnippetsTest {
    private static final String PROSE = "Threads share memory. The global interpreter lock lets one thread run Python "
            + "bytecode at a time, so CPU-bound threads <do not> speed up. Use sys.settrace(func) to trace calls.";
    private final ProseSnippets snippets = ProseSnippets.analyse(
            Map.of(1, PROSE, 2, "x ".repeat(400) + "needle " + "y ".repeat(400)), new SectionAnalyzer());

    @Test
    void picksTheSentenceWithTheMostTellingWordsAndMarksThem() {
        String s = snippets.snippet(1, new ProseSnippets.TermWeights(Map.of("thread", 1f, "lock", 3f)));
        assertThat(s)
                .startsWith("The global interpreter <mark>lock</mark> lets one <mark>thread</mark>")
                .contains("CPU-bound <mark>threads</mark> &lt;do not&gt; speed up.");
    }

    @Test
    void aRareWordOutweighsACommonOne() {
        assertThat(snippets.snippet(1, new ProseSnippets.TermWeights(Map.of("thread", 0.1f, "share", 2f))))
                .isEqualTo("<mark>Threads</mark> <mark>share</mark> memory.");
    }

    @Test
    void aCodeTokenIsMarkedWholeOnceEvenWhenItsPartsMatchToo() {
        assertThat(snippets.snippet(
                        1, new ProseSnippets.TermWeights(Map.of("sys.settrac", 1f, "settrac", 1f, "sy", 1f))))
                .isEqualTo("Use <mark>sys.settrace</mark>(func) to trace calls.");
    }

    @Test
    void noMatchingWordGivesNoSnippet() {
        assertThat(snippets.snippet(1, new ProseSnippets.TermWeights(Map.of("asyncio", 1f))))
                .isNull();
        assertThat(snippets.snippet(99, new ProseSnippets.TermWeights(Map.of("thread", 1f))))
                .isNull();
    }

    @Test
    void aSectionIsMarkedOnlyWhereItsOwnProseHasTheWord() {
        // each word is in the other section only
        assertThat(snippets.snippet(1, new ProseSnippets.TermWeights(Map.of("needl", 1f))))
                .isNull();
        assertThat(snippets.snippet(2, new ProseSnippets.TermWeights(Map.of("thread", 1f))))
                .isNull();
    }

    @Test
    void aVeryLongSentenceIsCutAroundItsMatch() {
        String s = snippets.snippet(2, new ProseSnippets.TermWeights(Map.of("needl", 1f)));
        assertThat(s).startsWith("… ").endsWith(" …").contains("<mark>needle</mark>");
        assertThat(s.replace("<mark>", "").replace("</mark>", "").length())
                .isLessThanOrEqualTo(ProseSnippets.MAX_CHARS + 4);
    }
}

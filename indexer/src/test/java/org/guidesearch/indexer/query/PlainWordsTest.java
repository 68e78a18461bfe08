package org.guidesearch.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.guidesearch.indexer.index.SectionAnalyzer;
import org.guidesearch.indexer.index.SectionSchema;

/**
 * The any-word query and the phrases of typed text are exactly what Lucene's query builder makes of it, whether
 * they are built straight from plain words ({@link PlainWords}) or through the builder (synonyms, code parts).
 */
class PlainWordsTest {
    private static final SynonymMap SYNONYMS =
            SynonymGroups.toMap(List.of(List.of("GIL", "global interpreter lock"), List.of("GC", "garbage collector")));

    private final SectionAnalyzer analyzer = new SectionAnalyzer(SYNONYMS);
    private final QueryBuilder builder = new QueryBuilder(analyzer);

    @Property(tries = 400)
    void queriesEqualTheBuilders(@ForAll("typedText") String text) {
        AnalysedQuery analysed = AnalysedQuery.of(analyzer, text);
        sameAsBuilder(
                () -> analysed.anyWord(SectionSchema.TITLE),
                () -> builder.createBooleanQuery(SectionSchema.TITLE, text),
                text);
        sameAsBuilder(
                () -> analysed.anyWord(SectionSchema.PROSE),
                () -> builder.createBooleanQuery(SectionSchema.PROSE, text),
                text + ", copied");
        sameAsBuilder(
                () -> analysed.phrase(SectionSchema.TITLE, 1),
                () -> builder.createPhraseQuery(SectionSchema.TITLE, text, 1),
                text);
        sameAsBuilder(
                () -> analysed.phrase(SectionSchema.PROSE, 3),
                () -> builder.createPhraseQuery(SectionSchema.PROSE, text, 3),
                text + ", copied");
    }

    /** A text jqwik once drew: four synonyms and four identifiers make its phrase too large for the builder. */
    @Example
    void aPhraseTheBuilderRefusesIsRefusedAlike() {
        String text = "GIL GIL GIL GIL sys.settrace sys.settrace sys.settrace sys.settrace";
        assertThatThrownBy(() -> builder.createPhraseQuery(SectionSchema.PROSE, text, 3))
                .isInstanceOf(IndexSearcher.TooManyClauses.class);
        queriesEqualTheBuilders(text);
    }

    /**
     * The same query as the builder's; or, where the builder refuses the text (several multi-word synonyms and
     * identifiers in a phrase multiply its paths past Lucene's clause limit), the same refusal. Unbounded analysis
     * ({@link AnalysedQuery#of}) is what this compares; the searches' own is bounded ({@link ClauseBudgetTest}).
     */
    private static void sameAsBuilder(Supplier<Query> ours, Supplier<Query> builders, String text) {
        Query expected;
        try {
            expected = builders.get();
        } catch (IndexSearcher.TooManyClauses refused) {
            assertThatThrownBy(ours::get).as(text).isInstanceOf(IndexSearcher.TooManyClauses.class);
            return;
        }
        assertThat(ours.get()).as(text).isEqualTo(expected);
    }

    @Property(tries = 100)
    void plainWordsTakeTheDirectPath(@ForAll("plainText") String text) {
        AnalysedQuery analysed = AnalysedQuery.of(analyzer, text);
        // equality with the builder is checked above for every kind of text; here, that plain text takes the direct
        // path
        assertThat(AnalysedQuery.analyse(analyzer, text).plainWords()).as(text).isNotNull();
        assertThat(analysed.anyWord(SectionSchema.TITLE))
                .isEqualTo(builder.createBooleanQuery(SectionSchema.TITLE, text));
    }

    @Provide
    Arbitrary<String> typedText() {
        Arbitrary<String> word = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("thread", "threads", "lock", "heap", "reference", "counting", "wheel")),
                Tuple.of(3, Arbitraries.of("the", "a", "of", "and", "is", "how", "why")),
                Tuple.of(2, Arbitraries.of("GIL", "GC", "global interpreter lock", "garbage collector")),
                Tuple.of(2, Arbitraries.of("sys.settrace", "__slots__", "max_depth", "os.path", "-O2", "a[i]")),
                Tuple.of(1, Arbitraries.of(",", ".", "?", "(", ")", "\"", "'s")));
        return word.list().ofMinSize(1).ofMaxSize(10).map(words -> String.join(" ", words));
    }

    @Provide
    Arbitrary<String> plainText() {
        return Arbitraries.of("thread", "lock", "heap", "reference", "counting", "wheel", "the", "of", "how")
                .list()
                .ofMinSize(1)
                .ofMaxSize(8)
                .filter(words -> words.stream()
                        .anyMatch(w -> !List.of("the", "of", "how").contains(w)))
                .map(words -> String.join(" ", words));
    }
}

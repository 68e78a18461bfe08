package org.guidesearch.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.guidesearch.indexer.corpus.Section;
import org.guidesearch.indexer.corpus.SectionSplitter;
import org.guidesearch.indexer.index.SectionAnalyzer;
import org.guidesearch.indexer.index.SectionSchema;

/**
 * Text crowded with words that have synonyms plans within Lucene's clause limit, keeps the synonyms of its first
 * words, still finds the section those synonyms name, and searches alike through the evaluator and through Lucene's
 * own searcher; text with few such words plans exactly as without a budget.
 */
class ClauseBudgetTest {
    private static final List<List<String>> GROUPS = List.of(
            List.of("global interpreter lock", "GIL"),
            List.of("garbage collector", "GC", "garbage collection", "cycle collector"),
            List.of("method resolution order", "MRO", "__mro__"),
            List.of("just-in-time compilation", "JIT", "JIT compiler", "just-in-time"),
            List.of("virtual environment", "venv", "virtualenv", "python -m venv"),
            List.of("event loop", "asyncio.run", "run_until_complete"),
            List.of("reference counting", "refcount", "reference count", "sys.getrefcount"),
            List.of("lru_cache", "functools.lru_cache", "memoize", "functools.cache"),
            List.of("coroutine", "async def", "awaitable"),
            List.of("bytecode", "code object", "dis module"),
            List.of("slots", "__slots__", "slotted class"),
            List.of("descriptor", "__get__", "data descriptor"));
    private static final SynonymMap SYNONYMS = SynonymGroups.toMap(GROUPS);
    private static final String GUIDE = """
      # Internals

      ## How CPython manages memory and threads

      Each object carries reference counting; the garbage collector finds cycles. The global interpreter lock lets
      one thread run bytecode at a time, the method resolution order decides which class answers, and a
      just-in-time compilation step may speed up hot code. A virtual environment isolates packages.

      ## Threads

      Threads share memory and take turns holding a lock.

      ## Asynchronous code

      An event loop runs each coroutine until it awaits.

      ## Caching results

      The lru_cache decorator keeps results of calls with the same arguments.

      ## Attribute access

      A descriptor defines how an attribute is read; slots save memory per instance.

      ## Packaging

      Install packages with pip, and pin their versions.
      """;
    private static final List<String> ALIASES =
            GROUPS.stream().flatMap(List::stream).toList();
    private static final List<String> PROSE_WORDS = List.of(
            "the",
            "of",
            "and",
            "how",
            "does",
            "why",
            "thread",
            "memory",
            "object",
            "runs",
            "class",
            "packages",
            "cache",
            "code",
            "a",
            "in",
            "is");

    /** Built once: jqwik makes a new instance of the class for every try. */
    private static final Index INDEX = Index.of(new SectionSplitter().split("internals.md", GUIDE, 0));

    private final DirectoryReader reader = INDEX.reader;
    private final Lexicon lexicon = INDEX.lexicon;
    private final QueryEvaluator evaluator = INDEX.evaluator;
    private final IndexSearcher lucene = INDEX.lucene;
    private final List<Section> sections = INDEX.sections;
    private final QueryPlanner planner = new QueryPlanner(SYNONYMS);

    /** The guide indexed in memory, and what searches it: the planner's lexicon, the evaluator, Lucene's searcher. */
    private record Index(
            List<Section> sections,
            DirectoryReader reader,
            Lexicon lexicon,
            QueryEvaluator evaluator,
            IndexSearcher lucene) {
        static Index of(List<Section> sections) {
            try {
                ByteBuffersDirectory dir = new ByteBuffersDirectory();
                try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(SectionSchema.indexAnalyzer()))) {
                    for (Section s : sections) writer.addDocument(SectionSchema.toDocument(s));
                }
                DirectoryReader reader = DirectoryReader.open(dir);
                TermStatesCache termStates = new TermStatesCache(reader, StatsCounter.disabledStatsCounter());
                IndexSearcher lucene = new IndexSearcher(reader);
                lucene.setSimilarity(new BM25Similarity());
                return new Index(
                        sections,
                        reader,
                        new Lexicon(
                                reader,
                                termStates,
                                StatsCounter.disabledStatsCounter(),
                                StatsCounter.disabledStatsCounter()),
                        new QueryEvaluator(new LeafScores(
                                reader,
                                termStates,
                                new TermDocs(reader, termStates, StatsCounter.disabledStatsCounter()),
                                StatsCounter.disabledStatsCounter())),
                        lucene);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Example
    void aLongQueryOfAbbreviationsPlansWithinTheLimitAndFindsTheSectionTheirSynonymsName() throws IOException {
        String query = "why GIL and MRO and GC and JIT in a venv with refcount, lru_cache, event loop, coroutine, "
                + "bytecode, slots and descriptor: GIL MRO GC JIT venv refcount";
        // Unbudgeted, the title phrase alone is one phrase per path through the synonym graph: far over the limit.
        assertThatThrownBy(() ->
                        AnalysedQuery.of(new SectionAnalyzer(SYNONYMS), query).phrase(SectionSchema.TITLE, 1))
                .isInstanceOf(IndexSearcher.TooManyClauses.class);

        Query planned = plan(query);

        assertThat(leafClauses(planned)).isBetween(1, IndexSearcher.getMaxClauseCount());
        assertThat(terms(planned))
                .as("the first words keep their synonyms")
                .contains("global", "interpret", "resolut", "garbag");
        assertThat(topAnchor(evaluator.matches(planned))).isEqualTo("how-cpython-manages-memory-and-threads");
        assertThat(topAnchor(lucene.search(planned, 1).scoreDocs)).isEqualTo("how-cpython-manages-memory-and-threads");
    }

    @Example
    void aQueryWithFewSynonymsPlansAsIfThereWereNoBudget() {
        Analyzer analyzer = new SectionAnalyzer(SYNONYMS);
        ClauseBudget budget = new ClauseBudget(IndexSearcher.getMaxClauseCount(), 6, 2);
        for (String text : List.of(
                "GIL",
                "why does the GIL stop my threads",
                "GC vs refcount",
                "the MRO of a class with slots",
                "venv or virtualenv for a JIT compiler",
                "functools.lru_cache memoize",
                "asyncio.run an event loop")) {
            AnalysedQuery all = AnalysedQuery.of(analyzer, text);
            AnalysedQuery within = AnalysedQuery.within(analyzer, text, budget, true, FieldRetarget.NEW_TERMS);
            assertThat(within.anyWord(SectionSchema.PROSE)).as(text).isEqualTo(all.anyWord(SectionSchema.PROSE));
            assertThat(within.phrase(SectionSchema.TITLE, 1)).as(text).isEqualTo(all.phrase(SectionSchema.TITLE, 1));
        }
    }

    @Example
    void aPastedWallOfShortWordsLosesItsPhrasesAndLastWordsButNotItsAnswer() throws IOException {
        StringBuilder text = new StringBuilder("GIL");
        for (int i = 0; i < 240; i++) text.append(' ').append((char) ('b' + i % 20));
        Query planned = plan(text.toString());

        assertThat(leafClauses(planned)).isBetween(1, IndexSearcher.getMaxClauseCount());
        assertThat(planned.toString()).as("no phrase").doesNotContain("\"");
        assertThat(topAnchor(lucene.search(planned, 1).scoreDocs)).isEqualTo("how-cpython-manages-memory-and-threads");
    }

    @Property(tries = 100)
    void anyTextOfAliasesPlansWithinTheLimitTheSameEachTimeAndSearchesAlikeBothWays(
            @ForAll("aliasHeavyText") String text) throws IOException {
        Query planned = plan(text);
        if (planned == null) return; // only stop words and punctuation
        assertThat(leafClauses(planned)).as(text).isLessThanOrEqualTo(IndexSearcher.getMaxClauseCount());
        assertThat(plan(text)).as("planned again").isEqualTo(planned);
        ScoreDoc[] evaluated = evaluator.matches(planned);
        TopDocs searched = lucene.search(planned, Math.max(1, reader.maxDoc()));
        assertThat(searched.totalHits.value).isEqualTo(evaluated.length);
    }

    @Provide
    Arbitrary<String> aliasHeavyText() {
        Arbitrary<String> word = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(ALIASES)),
                Tuple.of(3, Arbitraries.of(PROSE_WORDS)),
                Tuple.of(1, Arbitraries.of(",", ".", "?", "(", ")", ":", "-", "\"")));
        return word.list().ofMinSize(4).ofMaxSize(60).map(words -> String.join(" ", words));
    }

    private Query plan(String text) {
        QueryPlan plan = planner.plan(new SearchRequest(text + " ", 10, 0, null, SearchMode.KEYWORD), lexicon);
        return plan == null ? null : plan.query();
    }

    /** Leaf clauses as Lucene's searcher counts them against its limit: every term, phrase or synonym group once. */
    private int leafClauses(Query query) throws IOException {
        int[] n = {0};
        lucene.rewrite(query).visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }

            @Override
            public void consumeTerms(Query q, Term... terms) {
                n[0]++;
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                n[0]++;
            }

            @Override
            public void visitLeaf(Query q) {
                n[0]++;
            }
        });
        return n[0];
    }

    private static List<String> terms(Query query) {
        List<String> out = new ArrayList<>();
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }

            @Override
            public void consumeTerms(Query q, Term... terms) {
                for (Term t : terms) out.add(t.text());
            }
        });
        return out;
    }

    private String topAnchor(ScoreDoc[] hits) {
        assertThat(hits).isNotEmpty();
        ScoreDoc best = hits[0];
        for (ScoreDoc sd : hits) {
            if (sd.score > best.score || sd.score == best.score && sd.doc < best.doc) best = sd;
        }
        try {
            String id = lucene.storedFields().document(best.doc).get(SectionSchema.ID);
            return sections.stream()
                    .filter(s -> s.id().equals(id))
                    .findFirst()
                    .orElseThrow()
                    .anchor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

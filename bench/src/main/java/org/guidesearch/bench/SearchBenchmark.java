package org.guidesearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.graph.vocabulary.VocabularyLoader;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.corpus.SectionSplitter;
import org.guidesearch.indexer.index.IndexStore;
import org.guidesearch.indexer.index.SectionIndexer;
import org.guidesearch.indexer.query.QueryPlanner;
import org.guidesearch.indexer.query.SearchMode;
import org.guidesearch.indexer.query.SearchRequest;
import org.guidesearch.indexer.query.SearchResult;
import org.guidesearch.indexer.query.SectionSearcher;
import org.guidesearch.indexer.query.SynonymGroups;
import org.guidesearch.indexer.semantic.EmbeddingCache;
import org.guidesearch.indexer.semantic.EmbeddingModelChoice;
import org.guidesearch.indexer.semantic.PassageSplitter;
import org.guidesearch.indexer.semantic.ReaderQuestions;
import org.guidesearch.indexer.semantic.SentenceEmbedder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** {@link SectionSearcher#search} on the guide's index, wired as the service wires it, over the judged queries. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchBenchmark {
    /** More than a run makes, so none repeats: each one's phrases and its whole are new to the searcher. */
    private static final int UNSEEN_QUERIES = 1_000_000;

    private Path dir;
    private SectionSearcher searcher;
    private List<String> queries;
    private List<String> unseen;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Vocabulary vocabulary = new VocabularyLoader().load(Fixtures.guideDataDir());
        Corpus corpus = new CorpusReader(new SectionSplitter()).read(Fixtures.corpusDir());
        dir = Files.createTempDirectory("bench-index");
        SentenceEmbedder embedder = new SentenceEmbedder(
                EmbeddingModelChoice.DEFAULT,
                new EmbeddingCache(Fixtures.dataDir()
                        .toAbsolutePath()
                        .resolveSibling("var")
                        .resolve("embeddings.bin")));
        Path generation = new SectionIndexer(
                        new IndexStore(dir),
                        new PassageSplitter(),
                        embedder,
                        ReaderQuestions.load(Fixtures.guideDataDir().resolve(ReaderQuestions.FOLDER)))
                .build(corpus.sections(), vocabulary.guideposts());
        searcher = new SectionSearcher(new QueryPlanner(SynonymGroups.toMap(vocabulary.synonymGroups())), embedder);
        searcher.open(generation);
        queries = Fixtures.keywordQueries();
        unseen = Fixtures.unseenQueries(corpus.sections(), UNSEEN_QUERIES);
    }

    @Benchmark
    public SearchResult keywordSearch(Cursor cursor) {
        return searcher.search(
                new SearchRequest(queries.get(cursor.next++ % queries.size()), 10, 0, null, SearchMode.KEYWORD));
    }

    /**
     * Keyword search for text the searcher has never seen: two words of the guide drawn at random. Its phrase, exact
     * title and pair are new to every per-generation cache; its single words repeat, as readers' words do.
     */
    @Benchmark
    public SearchResult keywordSearchUnseen(Cursor cursor) {
        return searcher.search(
                new SearchRequest(unseen.get(cursor.next++ % unseen.size()), 10, 0, null, SearchMode.KEYWORD));
    }

    /** Hybrid over the same queries; query embeddings are cached after the first pass, as in the service. */
    @Benchmark
    public SearchResult hybridSearch(Cursor cursor) {
        return searcher.search(
                new SearchRequest(queries.get(cursor.next++ % queries.size()), 10, 0, null, SearchMode.HYBRID));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        searcher.close();
        Fixtures.deleteRecursively(dir);
    }
}

package org.guidesearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.guidesearch.graph.model.ConceptModel;
import org.guidesearch.graph.model.ConceptModelBuilder;
import org.guidesearch.graph.read.ConceptGraph;
import org.guidesearch.graph.read.Neighbourhood;
import org.guidesearch.graph.store.EmbeddedNeo4j;
import org.guidesearch.graph.store.GraphWriter;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.graph.vocabulary.VocabularyLoader;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.corpus.SectionSplitter;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link ConceptGraph#neighbours} at depth 2 over every concept of the vocabulary, against the embedded Neo4j over
 * Bolt: as served (answers cached until the next re-index) and with the cache emptied before each call (the Cypher).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GraphBenchmark {
    private Path dir;
    private EmbeddedNeo4j store;
    private Driver driver;
    private ConceptGraph graph;
    private List<String> ids;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Vocabulary vocabulary = new VocabularyLoader().load(Fixtures.guideDataDir());
        Corpus corpus = new CorpusReader(new SectionSplitter()).read(Fixtures.corpusDir());
        ConceptModel model = new ConceptModelBuilder().build(corpus, vocabulary);
        dir = Files.createTempDirectory("bench-neo4j");
        store = EmbeddedNeo4j.start(dir, 0);
        driver = GraphDatabase.driver(store.boltUri(), store.authToken());
        GraphWriter writer = new GraphWriter(driver, "neo4j");
        writer.ensureSchema();
        writer.replaceGuide(Fixtures.guide().id(), model);
        graph = new ConceptGraph(driver, "neo4j");
        ids = vocabulary.concepts().stream().map(Concept::id).toList();
    }

    @Benchmark
    public Optional<Neighbourhood> neighboursDepth2(Cursor cursor) {
        return graph.neighbours(ids.get(cursor.next++ % ids.size()), 2, 25, null);
    }

    @Benchmark
    public Optional<Neighbourhood> neighboursDepth2Uncached(Cursor cursor) {
        graph.invalidate();
        return graph.neighbours(ids.get(cursor.next++ % ids.size()), 2, 25, null);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        driver.close();
        store.close();
        Fixtures.deleteRecursively(dir);
    }
}

package org.guidesearch.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.guidesearch.graph.extract.ConceptExtractor;
import org.guidesearch.graph.extract.ExtractionCache;
import org.guidesearch.graph.extract.VocabularyOverlay;
import org.guidesearch.graph.model.ConceptModel;
import org.guidesearch.graph.model.ConceptModelBuilder;
import org.guidesearch.graph.read.ConceptGraph;
import org.guidesearch.graph.store.EmbeddedNeo4j;
import org.guidesearch.graph.store.GraphWriter;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.graph.vocabulary.VocabularyLoader;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.corpus.SectionSplitter;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The guide's concept graph in a real embedded Neo4j, reached over Bolt through the driver, for tests. By default it
 * is what the service builds for a curated guide: the extracted vocabulary with the curated files laid over it.
 */
final class GuideGraph implements AutoCloseable {
    static final String GUIDE = "python-under-the-hood";
    final EmbeddedNeo4j neo4j;
    final Driver driver;
    final GraphWriter writer;
    final ConceptGraph graph;
    final Vocabulary vocabulary;
    final Corpus corpus;
    final ConceptModel model;
    final long buildMillis;

    private GuideGraph(Path dir, Corpus corpus) throws IOException {
        this(dir, corpus, overlaid(corpus));
    }

    /** The default for a curated guide: what extraction finds, with the curated files laid over it. */
    static Vocabulary overlaid(Corpus corpus) throws IOException {
        VocabularyLoader loader = new VocabularyLoader();
        Vocabulary extracted =
                new ExtractionCache(extractionCache(), new ConceptExtractor()).vocabulary(corpus, corpusDir());
        return new VocabularyOverlay().apply(extracted, loader.load(dataDir()), loader.blocklist(dataDir()));
    }

    private GuideGraph(Path dir, Corpus corpus, Vocabulary vocabulary) throws IOException {
        neo4j = EmbeddedNeo4j.start(dir, 0);
        driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
        writer = new GraphWriter(driver, "neo4j");
        graph = new ConceptGraph(driver, "neo4j");
        this.vocabulary = vocabulary;
        this.corpus = corpus;
        long t0 = System.nanoTime();
        model = new ConceptModelBuilder().build(corpus, vocabulary);
        writer.ensureSchema();
        writer.replaceGuide(GUIDE, model);
        buildMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    static GuideGraph start() throws IOException {
        return new GuideGraph(
                Files.createTempDirectory("guide-graph"), new CorpusReader(new SectionSplitter()).read(corpusDir()));
    }

    /** The graph of {@code corpus} with {@code vocabulary} instead of the curated files. */
    static GuideGraph start(Corpus corpus, Vocabulary vocabulary) throws IOException {
        return new GuideGraph(Files.createTempDirectory("guide-graph"), corpus, vocabulary);
    }

    static Path corpusDir() {
        return Path.of(System.getProperty("corpus.dir", "../../shared/corpus/python-under-the-hood"));
    }

    static Path extractionCache() {
        return Path.of(System.getProperty("extraction.cache", "target/extraction-cache"));
    }

    static Path dataDir() {
        return Path.of(System.getProperty("data.dir", "../data")).resolve(GUIDE);
    }

    @Override
    public void close() {
        driver.close();
        neo4j.close();
    }
}

package org.guidesearch.server.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.guidesearch.graph.extract.ConceptExtractor;
import org.guidesearch.graph.extract.ExtractionCache;
import org.guidesearch.graph.read.ConceptGraph;
import org.guidesearch.graph.store.GraphConnection;
import org.guidesearch.graph.store.GraphVersion;
import org.guidesearch.graph.store.GraphWriter;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.graph.vocabulary.VocabularyException;
import org.guidesearch.graph.vocabulary.VocabularyLoader;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.corpus.SectionSplitter;
import org.guidesearch.indexer.guide.FetchedGuide;
import org.guidesearch.indexer.guide.Guide;
import org.guidesearch.indexer.guide.GuideFetchException;
import org.guidesearch.indexer.guide.GuideFetcher;
import org.guidesearch.indexer.index.IndexStore;
import org.guidesearch.indexer.index.SectionIndexer;
import org.guidesearch.indexer.query.QueryPlanner;
import org.guidesearch.indexer.query.SectionSearcher;
import org.guidesearch.indexer.query.SynonymGroups;
import org.guidesearch.indexer.semantic.EmbeddingCache;
import org.guidesearch.indexer.semantic.PassageSplitter;
import org.guidesearch.indexer.semantic.ReaderQuestions;
import org.guidesearch.indexer.semantic.SentenceEmbedder;
import org.guidesearch.server.api.ConceptRoutes;
import org.guidesearch.server.api.GuideRoutes;
import org.guidesearch.server.api.HealthRoutes;
import org.guidesearch.server.api.JsonAnswer;
import org.guidesearch.server.api.PageRoutes;
import org.guidesearch.server.api.SearchRoutes;
import org.guidesearch.server.api.SectionRoutes;
import org.guidesearch.server.serving.GuideCatalog;
import org.guidesearch.server.serving.GuideVocabulary;
import org.guidesearch.server.serving.Reindexer;
import org.guidesearch.server.serving.ServedGuide;
import org.guidesearch.server.web.HttpApi;
import org.guidesearch.server.web.WebEdge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: gets every guide's files, wires the parts, starts HTTP, the graph store and the first
 * re-index, and closes them in reverse order. Owns every resource it opens.
 */
public final class GuideSearchService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GuideSearchService.class);

    private final GraphConnection graphConnection;
    private final GuideCatalog catalog;
    private final HttpApi http;
    private final HealthRoutes health;
    private final ScheduledExecutorService background;
    private final WebEdge edge;

    private GuideSearchService(
            GraphConnection graphConnection,
            GuideCatalog catalog,
            HttpApi http,
            HealthRoutes health,
            ScheduledExecutorService background,
            WebEdge edge) {
        this.graphConnection = graphConnection;
        this.catalog = catalog;
        this.http = http;
        this.health = health;
        this.background = background;
        this.edge = edge;
    }

    /**
     * Starts everything and returns once the first re-index of every guide is done (search and graph ready).
     *
     * @throws GuideFetchException when a guide has no usable copy anywhere; nothing has been started then
     */
    public static GuideSearchService start(ServiceConfig config) throws IOException {
        long t0 = System.nanoTime();
        // Guides first: a guide that cannot be had stops the start within seconds, before any store is started.
        GuideFetcher fetcher = GuideFetcher.withDefaultLimits(config.stateDir().resolve("guides"));
        List<FetchedGuide> fetched = new ArrayList<>();
        for (Guide guide : config.guides().guides()) {
            FetchedGuide f = fetcher.fetch(guide);
            LOG.info("guide '{}' from {}", guide.id(), f.origin());
            fetched.add(f);
        }
        // The graph store and the embedding models take seconds each to start and need nothing from each other.
        ExecutorService starter = Executors.newSingleThreadExecutor(r -> new Thread(r, "graph-store-start"));
        Future<GraphConnection> graphStart = starter.submit(() -> GraphConnection.open(config.graphStore()));
        starter.shutdown();
        SentenceEmbedder embedder;
        try {
            embedder = new SentenceEmbedder(config.embeddingModels(), new EmbeddingCache(config.embeddingCache()));
        } catch (RuntimeException e) {
            closeOnceStarted(graphStart);
            throw e;
        }
        LOG.info("embedding models loaded at {} ms", (System.nanoTime() - t0) / 1_000_000);
        GraphConnection graphConnection = started(graphStart);
        LOG.info(
                "graph store at {} ({}) at {} ms",
                graphConnection.uri(),
                graphConnection.embedded() ? "embedded" : "external",
                (System.nanoTime() - t0) / 1_000_000);
        ConceptGraph graph = new ConceptGraph(graphConnection.driver(), config.neo4jDatabase());
        GraphWriter writer = new GraphWriter(graphConnection.driver(), config.neo4jDatabase());
        List<ServedGuide> served = new ArrayList<>();
        for (int i = 0; i < fetched.size(); i++) {
            served.add(serve(
                    config,
                    fetched.get(i),
                    i == 0 ? "" : fetched.get(i).guide().id() + ":",
                    embedder,
                    graphConnection,
                    graph,
                    writer));
        }
        GuideCatalog catalog = new GuideCatalog(served);
        for (ServedGuide g : served) g.reindexer().openPrevious();
        HealthRoutes health =
                new HealthRoutes(catalog, graph, graphConnection.uri().toString());
        WebEdge edge = new WebEdge(config.web(), config.corsOrigins(), config.adminToken(), graph, catalog);
        ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        HttpApi http = new HttpApi(
                mapper,
                edge,
                new GuideRoutes(catalog),
                new SearchRoutes(catalog, new JsonAnswer(mapper)),
                new SectionRoutes(catalog),
                new ConceptRoutes(graph, catalog),
                health,
                new PageRoutes());
        ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "graph-recovery");
            t.setDaemon(true);
            return t;
        });
        GuideSearchService service = new GuideSearchService(graphConnection, catalog, http, health, background, edge);
        try {
            catalog.reindexAll();
            http.start("0.0.0.0", config.port());
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
        // A graph write that failed because the store was down is retried until it lands; a store that came back
        // without the graph gets it again.
        background.scheduleWithFixedDelay(
                () -> {
                    try {
                        catalog.flushPendingGraphs();
                    } catch (RuntimeException e) {
                        LOG.debug("graph still unavailable: {}", e.getMessage());
                    }
                },
                2,
                2,
                TimeUnit.SECONDS);
        LOG.info(
                "serving {} guide(s) on port {}, healthy in {} ms",
                served.size(),
                http.port(),
                (System.nanoTime() - t0) / 1_000_000);
        return service;
    }

    /** The started graph store, or what stopped it, as {@link GraphConnection#open} would have thrown it. */
    private static GraphConnection started(Future<GraphConnection> start) throws IOException {
        try {
            return start.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            start.cancel(true);
            throw new IOException("interrupted while the graph store was starting", e);
        }
    }

    /** A start that failed elsewhere must not leave the graph store running. */
    private static void closeOnceStarted(Future<GraphConnection> start) {
        try {
            start.get().close();
        } catch (ExecutionException e) {
            // it did not start either: nothing to close
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One guide's index, searcher and re-indexer; its curated overlay, if any, refines what the text gives. */
    private static ServedGuide serve(
            ServiceConfig config,
            FetchedGuide fetched,
            String conceptIdPrefix,
            SentenceEmbedder embedder,
            GraphConnection graphConnection,
            ConceptGraph graph,
            GraphWriter writer)
            throws IOException {
        Guide guide = fetched.guide();
        Vocabulary curated = overlay(guide);
        Path questions = guide.dataDir() == null ? null : guide.dataDir().resolve(ReaderQuestions.FOLDER);
        // until the first re-index extracts the vocabulary, a previous index is searched with the curated synonyms
        SectionSearcher searcher = new SectionSearcher(
                new QueryPlanner(SynonymGroups.toMap(curated.synonymGroups())), embedder, config.keywordScoring());
        GuideVocabulary vocabulary = new GuideVocabulary(
                new ExtractionCache(config.stateDir().resolve("extracted").resolve(guide.id()), new ConceptExtractor()),
                curated,
                blocklist(guide));
        SectionIndexer indexer = new SectionIndexer(
                new IndexStore(config.stateDir().resolve("index").resolve(guide.id())),
                new PassageSplitter(),
                embedder,
                questions != null && Files.isDirectory(questions)
                        ? ReaderQuestions.load(questions)
                        : ReaderQuestions.none());
        Reindexer reindexer = new Reindexer(
                guide.id(),
                fetched.folder(),
                conceptIdPrefix,
                new CorpusReader(new SectionSplitter()),
                vocabulary,
                indexer,
                searcher,
                writer,
                graph,
                new GraphVersion(graphConnection.driver(), config.neo4jDatabase(), guide.id()));
        return new ServedGuide(guide, conceptIdPrefix, searcher, reindexer);
    }

    /** Extracted names or ids the guide's overlay drops ({@code blocklist.json}); none without one. */
    private static java.util.Set<String> blocklist(Guide guide) {
        try {
            return new VocabularyLoader().blocklist(guide.dataDir());
        } catch (IOException | RuntimeException e) {
            LOG.error("guide '{}': its blocklist in {} is not used: {}", guide.id(), guide.dataDir(), e.getMessage());
            return java.util.Set.of();
        }
    }

    /** The guide's curated vocabulary, or none; an overlay that cannot be used is reported and left out, not fatal. */
    private static Vocabulary overlay(Guide guide) {
        try {
            return new VocabularyLoader().loadIfPresent(guide.dataDir());
        } catch (VocabularyException | IOException e) {
            LOG.error(
                    "guide '{}': its curated overlay in {} is not used: {}",
                    guide.id(),
                    guide.dataDir(),
                    e.getMessage());
            return new Vocabulary(List.of(), List.of());
        }
    }

    public int port() {
        return http.port();
    }

    public GuideCatalog catalog() {
        return catalog;
    }

    /** The first guide's re-indexer (the only one with a single guide). */
    public Reindexer reindexer() {
        return catalog.first().reindexer();
    }

    public HealthRoutes.Health health() {
        return health.check();
    }

    @Override
    public void close() {
        background.shutdownNow();
        http.close();
        edge.close();
        for (ServedGuide g : catalog.all()) {
            try {
                g.searcher().close();
            } catch (IOException e) {
                LOG.warn("closing the index of '{}': {}", g.id(), e.getMessage());
            }
        }
        graphConnection.close();
    }
}

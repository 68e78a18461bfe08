package org.guidesearch.server.app;

import org.guidesearch.graph.store.GraphConnection;
import org.guidesearch.graph.store.GraphVersion;
import org.guidesearch.server.serving.Reindexer;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.guidesearch.graph.read.ConceptGraph;
import org.guidesearch.graph.store.GraphWriter;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.graph.vocabulary.VocabularyLoader;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.corpus.SectionSplitter;
import org.guidesearch.indexer.index.IndexStore;
import org.guidesearch.indexer.index.SectionIndexer;
import org.guidesearch.indexer.semantic.ReaderQuestions;
import org.guidesearch.indexer.semantic.EmbeddingCache;
import org.guidesearch.indexer.semantic.PassageSplitter;
import org.guidesearch.indexer.semantic.SentenceEmbedder;
import org.guidesearch.indexer.query.QueryPlanner;
import org.guidesearch.indexer.query.SectionSearcher;
import org.guidesearch.indexer.query.SynonymGroups;
import org.guidesearch.server.api.ConceptRoutes;
import org.guidesearch.server.api.HealthRoutes;
import org.guidesearch.server.web.HttpApi;
import org.guidesearch.server.api.PageRoutes;
import org.guidesearch.server.api.SearchRoutes;
import org.guidesearch.server.api.SectionRoutes;
import org.guidesearch.server.api.SiteLinks;
import org.guidesearch.server.web.WebEdge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: wires the parts, starts HTTP, the graph store and the first re-index, and closes them in
 * reverse order. Owns every resource it opens.
 */
public final class GuideSearchService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GuideSearchService.class);

  private final GraphConnection graphConnection;
  private final SectionSearcher searcher;
  private final Reindexer reindexer;
  private final HttpApi http;
  private final HealthRoutes health;
  private final ScheduledExecutorService background;
  private final WebEdge edge;

  private GuideSearchService(GraphConnection graphConnection, SectionSearcher searcher, Reindexer reindexer,
      HttpApi http, HealthRoutes health, ScheduledExecutorService background, WebEdge edge) {
    this.graphConnection = graphConnection;
    this.searcher = searcher;
    this.reindexer = reindexer;
    this.http = http;
    this.health = health;
    this.background = background;
    this.edge = edge;
  }

  /** Starts everything and returns once the first re-index is done (search and graph ready). */
  public static GuideSearchService start(ServiceConfig config) throws IOException {
    long t0 = System.nanoTime();
    Vocabulary vocabulary = new VocabularyLoader().load(config.dataDir());
    SentenceEmbedder embedder = new SentenceEmbedder(config.embeddingModels(), new EmbeddingCache(config.embeddingCache()));
    SectionSearcher searcher =
        new SectionSearcher(new QueryPlanner(SynonymGroups.toMap(vocabulary.synonymGroups())), embedder);
    GraphConnection graphConnection = GraphConnection.open(config.graphStore());
    LOG.info("graph store at {} ({}) in {} ms", graphConnection.uri(), graphConnection.embedded() ? "embedded" : "external",
        (System.nanoTime() - t0) / 1_000_000);
    ConceptGraph graph = new ConceptGraph(graphConnection.driver(), config.neo4jDatabase());
    Reindexer reindexer = new Reindexer(config.corpusDir(), new CorpusReader(new SectionSplitter()), vocabulary,
        new SectionIndexer(new IndexStore(config.stateDir().resolve("index")), new PassageSplitter(), embedder,
            ReaderQuestions.load(config.dataDir().resolve(ReaderQuestions.FOLDER))), searcher,
        new GraphWriter(graphConnection.driver(), config.neo4jDatabase()), graph,
        new GraphVersion(graphConnection.driver(), config.neo4jDatabase()));
    reindexer.openPrevious();
    SiteLinks links = new SiteLinks(config.siteBaseUrl());
    HealthRoutes health = new HealthRoutes(searcher, reindexer::snapshot, reindexer::pendingGraph, graph, graphConnection.uri().toString());
    WebEdge edge = new WebEdge(config.web(), config.corsOrigins(), config.adminToken(), searcher, graph, reindexer);
    HttpApi http = new HttpApi(edge,
        new SearchRoutes(searcher, reindexer::snapshot, links),
        new SectionRoutes(reindexer::snapshot, searcher, links),
        new ConceptRoutes(graph, links),
        health, new PageRoutes());
    ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "graph-recovery");
      t.setDaemon(true);
      return t;
    });
    GuideSearchService service = new GuideSearchService(graphConnection, searcher, reindexer, http, health, background, edge);
    try {
      reindexer.reindex();
      http.start("0.0.0.0", config.port());
    } catch (IOException | RuntimeException e) {
      service.close();
      throw e;
    }
    // A graph write that failed because the store was down is retried until it lands; a store that came back
    // without the graph gets it again.
    background.scheduleWithFixedDelay(() -> {
      try {
        reindexer.flushPendingGraph();
      } catch (RuntimeException e) {
        LOG.debug("graph still unavailable: {}", e.getMessage());
      }
    }, 2, 2, TimeUnit.SECONDS);
    LOG.info("serving on port {}, healthy in {} ms", http.port(), (System.nanoTime() - t0) / 1_000_000);
    return service;
  }

  public int port() {
    return http.port();
  }

  public Reindexer reindexer() {
    return reindexer;
  }

  public HealthRoutes.Health health() {
    return health.check();
  }

  @Override
  public void close() {
    background.shutdownNow();
    http.close();
    edge.close();
    try {
      searcher.close();
    } catch (IOException e) {
      LOG.warn("closing the index: {}", e.getMessage());
    }
    graphConnection.close();
  }
}

package org.guidesearch.server.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.guidesearch.graph.model.ConceptModel;
import org.guidesearch.graph.model.ConceptModelBuilder;
import org.guidesearch.graph.model.Mention;
import org.guidesearch.graph.read.ConceptGraph;
import org.guidesearch.graph.store.GraphWriter;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.search.SectionIndexer;
import org.guidesearch.indexer.search.SectionSearcher;
import org.guidesearch.indexer.suggest.Suggester;
import org.guidesearch.indexer.suggest.Suggestion;
import org.guidesearch.server.app.IndexSnapshot.ConceptChip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the search index and the graph from the corpus, one re-index at a time.
 *
 * <p>Nothing serving is touched until the new data is complete: the corpus and vocabulary are read and checked
 * first, the Lucene generation is written beside the serving one and switched atomically, and the graph is replaced
 * in one transaction. A failure at any step leaves the previous index and graph serving. If the graph store is down,
 * the model waits in {@link #pendingGraph()} and is written when the store is back.
 */
public final class Reindexer {
  private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);

  private final ServiceConfig config;
  private final CorpusReader corpusReader;
  private final Vocabulary vocabulary;
  private final SectionIndexer indexer;
  private final SectionSearcher searcher;
  private final GraphWriter graphWriter;
  private final ConceptGraph graph;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicReference<IndexSnapshot> snapshot = new AtomicReference<>();
  private final AtomicReference<ConceptModel> pendingGraph = new AtomicReference<>();

  public Reindexer(ServiceConfig config, CorpusReader corpusReader, Vocabulary vocabulary, SectionIndexer indexer,
      SectionSearcher searcher, GraphWriter graphWriter, ConceptGraph graph) {
    this.config = config;
    this.corpusReader = corpusReader;
    this.vocabulary = vocabulary;
    this.indexer = indexer;
    this.searcher = searcher;
    this.graphWriter = graphWriter;
    this.graph = graph;
  }

  /** Serves the index the last run left, if any, so search answers before the first re-index ends. */
  public boolean openPrevious() throws IOException {
    var previous = indexer.store().current();
    if (previous.isPresent()) {
      searcher.open(previous.get());
      return true;
    }
    return false;
  }

  public IndexSnapshot reindex() throws IOException {
    lock.lock();
    try {
      long t0 = System.nanoTime();
      Corpus corpus = corpusReader.read(config.corpusDir());
      if (corpus.contentSections().isEmpty()) {
        throw new IOException("the corpus at " + config.corpusDir() + " has no sections; keeping the previous index");
      }
      ConceptModel model = new ConceptModelBuilder().build(corpus, vocabulary);
      long t1 = System.nanoTime();
      Path generation = indexer.build(corpus.sections(), vocabulary.guideposts());
      searcher.open(generation);
      indexer.store().deleteOtherGenerations(generation);
      long t2 = System.nanoTime();
      long graphMs = writeGraph(model) ? (System.nanoTime() - t2) / 1_000_000 : -1;
      ReindexTimings timings = new ReindexTimings((t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, graphMs,
          corpus.contentSections().size(), model.concepts().size(), model.mentions().size(), model.relations().size());
      IndexSnapshot next = new IndexSnapshot(corpus, chips(model), suggester(corpus), Instant.now(), timings);
      snapshot.set(next);
      LOG.info("re-indexed {}: {}", config.corpusDir(), timings);
      return next;
    } finally {
      lock.unlock();
    }
  }

  /** Writes the model to the graph store; on failure keeps it pending and returns false. */
  private boolean writeGraph(ConceptModel model) {
    try {
      graphWriter.ensureSchema();
      graphWriter.replaceWith(model);
      graph.invalidate();
      pendingGraph.set(null);
      return true;
    } catch (RuntimeException e) {
      LOG.warn("graph store not written ({}); search is updated, the graph will follow when the store is back",
          e.getMessage());
      pendingGraph.set(model);
      return false;
    }
  }

  /** Writes a graph that could not be written earlier; true when nothing is pending any more. */
  public boolean flushPendingGraph() {
    lock.lock();
    try {
      ConceptModel model = pendingGraph.get();
      return model == null || writeGraph(model);
    } finally {
      lock.unlock();
    }
  }

  public boolean pendingGraph() {
    return pendingGraph.get() != null;
  }

  /** The last successful re-index, or null before the first. */
  public IndexSnapshot snapshot() {
    return snapshot.get();
  }

  /** Completions: section titles in reading order, then concepts with their aliases as further forms. */
  private Suggester suggester(Corpus corpus) {
    List<Suggestion> entries = new ArrayList<>();
    List<List<String>> forms = new ArrayList<>();
    for (var s : corpus.contentSections()) {
      entries.add(new Suggestion("section", s.title(), s.doc(), s.anchor(), null));
      forms.add(List.of());
    }
    for (Concept c : vocabulary.concepts()) {
      entries.add(new Suggestion("concept", c.name(), null, null, c.id()));
      forms.add(c.aliases());
    }
    return new Suggester(entries, forms);
  }

  private Map<String, List<ConceptChip>> chips(ConceptModel model) {
    Map<String, Concept> concepts = vocabulary.byId();
    Map<String, List<Mention>> bySection = new HashMap<>();
    model.mentions().forEach(m -> bySection.computeIfAbsent(m.sectionId(), k -> new ArrayList<>()).add(m));
    Map<String, List<ConceptChip>> out = new HashMap<>();
    bySection.forEach((section, mentions) -> out.put(section, mentions.stream()
        .sorted(Comparator.comparingDouble(Mention::weight).reversed())
        .limit(5)
        .map(m -> new ConceptChip(m.conceptId(), concepts.get(m.conceptId()).name()))
        .toList()));
    return out;
  }
}

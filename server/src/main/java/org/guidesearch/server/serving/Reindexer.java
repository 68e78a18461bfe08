package org.guidesearch.server.serving;

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
import org.guidesearch.graph.store.GraphUnavailableException;
import org.guidesearch.graph.store.GraphVersion;
import org.guidesearch.graph.store.GraphWriter;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.index.SectionIndexer;
import org.guidesearch.indexer.query.QueryPlanner;
import org.guidesearch.indexer.query.SectionSearcher;
import org.guidesearch.indexer.query.SynonymGroups;
import org.guidesearch.indexer.suggest.Suggester;
import org.guidesearch.indexer.suggest.Suggestion;
import org.guidesearch.server.serving.IndexSnapshot.ConceptChip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the search index and the graph from the corpus, one re-index at a time.
 *
 * <p>Nothing serving is touched until the new data is complete: the corpus and vocabulary are read and checked
 * first, the Lucene generation is written beside the serving one and switched atomically, and the graph is replaced
 * in one transaction. A failure at any step leaves the previous index and graph serving. If the graph store is down,
 * the model waits in {@link #pendingGraph()} and is written when the store is back. A graph the store already holds
 * (same {@link GraphVersion} fingerprint: a restart, another replica) is not rewritten.
 */
public final class Reindexer {
    private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);

    private final String guideId;
    private final Path corpusDir;
    private final String conceptIdPrefix;
    private final CorpusReader corpusReader;
    private final GuideVocabulary vocabularies;
    private final SectionIndexer indexer;
    private final SectionSearcher searcher;
    private final GraphWriter graphWriter;
    private final ConceptGraph graph;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicReference<IndexSnapshot> snapshot = new AtomicReference<>();
    private final AtomicReference<ConceptModel> pendingGraph = new AtomicReference<>();
    private final GraphVersion graphVersion;
    private final AtomicReference<String> writtenGraph = new AtomicReference<>();
    private final AtomicReference<ConceptModel> lastModel = new AtomicReference<>();

    public Reindexer(
            String guideId,
            Path corpusDir,
            String conceptIdPrefix,
            CorpusReader corpusReader,
            GuideVocabulary vocabularies,
            SectionIndexer indexer,
            SectionSearcher searcher,
            GraphWriter graphWriter,
            ConceptGraph graph,
            GraphVersion graphVersion) {
        this.guideId = guideId;
        this.corpusDir = corpusDir;
        this.conceptIdPrefix = conceptIdPrefix;
        this.corpusReader = corpusReader;
        this.vocabularies = vocabularies;
        this.indexer = indexer;
        this.searcher = searcher;
        this.graphWriter = graphWriter;
        this.graph = graph;
        this.graphVersion = graphVersion;
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
            Corpus corpus = corpusReader.read(corpusDir);
            if (corpus.contentSections().isEmpty()) {
                throw new IOException("the corpus at " + corpusDir + " has no sections; keeping the previous index");
            }
            Vocabulary vocabulary = vocabularies.of(corpus, corpusDir);
            GuideVocabulary.ForSearch forSearch = vocabularies.forSearch(vocabulary);
            ConceptModelBuilder builder = new ConceptModelBuilder();
            ConceptModel model = builder.build(corpus, vocabulary).withConceptIdPrefix(conceptIdPrefix);
            long t1 = System.nanoTime();
            Path generation = indexer.build(corpus.sections(), forSearch.guideposts());
            searcher.open(generation, new QueryPlanner(SynonymGroups.toMap(forSearch.synonymGroups())));
            indexer.store().deleteOtherGenerations(generation);
            long t2 = System.nanoTime();
            long graphMs = writeGraph(model) ? (System.nanoTime() - t2) / 1_000_000 : -1;
            ReindexTimings timings = new ReindexTimings(
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    graphMs,
                    corpus.contentSections().size(),
                    model.concepts().size(),
                    model.mentions().size(),
                    model.relations().size());
            IndexSnapshot next = new IndexSnapshot(
                    corpus, chips(model), suggester(corpus, model), Instant.now(), timings, builder.skipped());
            snapshot.set(next);
            LOG.info("re-indexed guide '{}' from {}: {}", guideId, corpusDir, timings);
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** Writes the model to the graph store; on failure keeps it pending and returns false. */
    private boolean writeGraph(ConceptModel model) {
        try {
            graphWriter.ensureSchema();
            String fingerprint = GraphVersion.fingerprint(model);
            if (!graphVersion.holds(fingerprint)) {
                graphWriter.replaceGuide(guideId, model);
                graphVersion.record(fingerprint);
            }
            graph.invalidate();
            pendingGraph.set(null);
            writtenGraph.set(fingerprint);
            lastModel.set(model);
            return true;
        } catch (RuntimeException e) {
            LOG.warn(
                    "graph store not written ({}); search is updated, the graph will follow when the store is back",
                    reason(e));
            pendingGraph.set(model);
            return false;
        }
    }

    /**
     * Writes a graph that could not be written earlier, or writes the last graph again when the store no longer holds
     * it (it came back empty); true when the store holds the current graph. Throws when the store is unreachable.
     */
    public boolean flushPendingGraph() {
        lock.lock();
        try {
            ConceptModel model = pendingGraph.get();
            if (model == null) {
                String written = writtenGraph.get();
                if (written == null || graphVersion.holds(written)) return true;
                LOG.warn("the graph store no longer holds the graph (restored without it?); writing it again");
                model = lastModel.get();
            }
            return writeGraph(model);
        } finally {
            lock.unlock();
        }
    }

    /** The store's own account of why it is unavailable, when the driver wraps it in one of its exceptions. */
    private static String reason(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GraphUnavailableException) return t.getMessage();
        }
        return e.getMessage();
    }

    public boolean pendingGraph() {
        return pendingGraph.get() != null;
    }

    /** The last successful re-index, or null before the first. */
    public IndexSnapshot snapshot() {
        return snapshot.get();
    }

    /** Completions: section titles in reading order, then concepts with their aliases as further forms. */
    private Suggester suggester(Corpus corpus, ConceptModel model) {
        List<Suggestion> entries = new ArrayList<>();
        List<List<String>> forms = new ArrayList<>();
        for (var s : corpus.contentSections()) {
            entries.add(new Suggestion("section", s.title(), s.doc(), s.anchor(), null));
            forms.add(List.of());
        }
        for (Concept c : model.concepts()) {
            entries.add(new Suggestion("concept", c.name(), null, null, c.id()));
            forms.add(c.aliases());
        }
        return new Suggester(entries, forms);
    }

    private Map<String, List<ConceptChip>> chips(ConceptModel model) {
        Map<String, Concept> concepts = new HashMap<>();
        model.concepts().forEach(c -> concepts.put(c.id(), c));
        Map<String, List<Mention>> bySection = new HashMap<>();
        model.mentions()
                .forEach(m -> bySection
                        .computeIfAbsent(m.sectionId(), k -> new ArrayList<>())
                        .add(m));
        Map<String, List<ConceptChip>> out = new HashMap<>();
        bySection.forEach((section, mentions) -> out.put(
                section,
                mentions.stream()
                        .sorted(Comparator.comparingDouble(Mention::weight).reversed())
                        .limit(5)
                        .map(m -> new ConceptChip(
                                m.conceptId(), concepts.get(m.conceptId()).name()))
                        .toList()));
        return out;
    }
}

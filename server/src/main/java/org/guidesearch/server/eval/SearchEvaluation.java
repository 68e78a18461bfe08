package org.guidesearch.server.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidesearch.graph.extract.ConceptExtractor;
import org.guidesearch.graph.extract.ExtractionCache;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.graph.vocabulary.VocabularyLoader;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.corpus.SectionSplitter;
import org.guidesearch.indexer.eval.JudgedQuery;
import org.guidesearch.indexer.eval.QuerySet;
import org.guidesearch.indexer.eval.RankingMetrics;
import org.guidesearch.indexer.index.IndexStore;
import org.guidesearch.indexer.index.SectionIndexer;
import org.guidesearch.indexer.query.QueryPlanner;
import org.guidesearch.indexer.query.SearchHit;
import org.guidesearch.indexer.query.SearchMode;
import org.guidesearch.indexer.query.SearchRequest;
import org.guidesearch.indexer.query.SectionSearcher;
import org.guidesearch.indexer.query.SynonymGroups;
import org.guidesearch.indexer.semantic.EmbeddingCache;
import org.guidesearch.indexer.semantic.EmbeddingModelChoice;
import org.guidesearch.indexer.semantic.PassageSplitter;
import org.guidesearch.indexer.semantic.ReaderQuestions;
import org.guidesearch.indexer.semantic.SentenceEmbedder;
import org.guidesearch.server.serving.GuideVocabulary;

/**
 * Runs the judged query set against the same index and ranking the service uses (no graph store needed) and
 * scores every mode. Owns the searcher it opens.
 */
public final class SearchEvaluation implements AutoCloseable {
    private static final int TOP = 10;

    private final SectionSearcher searcher;
    private final long indexMillis;

    private SearchEvaluation(SectionSearcher searcher, long indexMillis) {
        this.searcher = searcher;
        this.indexMillis = indexMillis;
    }

    /** How long building the evaluation index took, embeddings included. */
    public long indexMillis() {
        return indexMillis;
    }

    /**
     * Indexes {@code corpusDir} into {@code indexDir} with the curated overlay in {@code dataDir} (its synonyms and
     * reader questions), or with none when {@code dataDir} is null.
     */
    public static SearchEvaluation open(
            Path corpusDir, Path dataDir, Path indexDir, Path embeddingCache, List<EmbeddingModelChoice> models)
            throws IOException {
        return open(
                corpusDir,
                dataDir,
                indexDir,
                embeddingCache,
                models,
                dataDir == null
                        ? ReaderQuestions.none()
                        : ReaderQuestions.load(dataDir.resolve(ReaderQuestions.FOLDER)));
    }

    /** As above, with the reader questions given (a filtered set, say). */
    public static SearchEvaluation open(
            Path corpusDir,
            Path dataDir,
            Path indexDir,
            Path embeddingCache,
            List<EmbeddingModelChoice> models,
            ReaderQuestions questions)
            throws IOException {
        return open(corpusDir, dataDir, indexDir, embeddingCache, models, questions, true);
    }

    /**
     * As above; with {@code extraction} the vocabulary is what the service uses (extracted from the text, the overlay
     * laid over it), without it the curated files alone, as before extraction existed.
     */
    public static SearchEvaluation open(
            Path corpusDir,
            Path dataDir,
            Path indexDir,
            Path embeddingCache,
            List<EmbeddingModelChoice> models,
            ReaderQuestions questions,
            boolean extraction)
            throws IOException {
        VocabularyLoader loader = new VocabularyLoader();
        Vocabulary curated = loader.loadIfPresent(dataDir);
        Corpus corpus = new CorpusReader(new SectionSplitter()).read(corpusDir);
        GuideVocabulary guide = new GuideVocabulary(
                new ExtractionCache(
                        embeddingCache.toAbsolutePath().getParent().resolve("extraction-cache"),
                        new ConceptExtractor()),
                curated,
                loader.blocklist(dataDir));
        GuideVocabulary.ForSearch vocabulary = extraction
                ? guide.forSearch(guide.of(corpus, corpusDir))
                : new GuideVocabulary.ForSearch(curated.synonymGroups(), curated.guideposts());
        SentenceEmbedder embedder = new SentenceEmbedder(models, new EmbeddingCache(embeddingCache));
        long t0 = System.nanoTime();
        Path generation = new SectionIndexer(new IndexStore(indexDir), new PassageSplitter(), embedder, questions)
                .build(corpus.sections(), vocabulary.guideposts());
        SectionSearcher searcher =
                new SectionSearcher(new QueryPlanner(SynonymGroups.toMap(vocabulary.synonymGroups())), embedder);
        searcher.open(generation);
        return new SearchEvaluation(searcher, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The searcher over the evaluation index, for tests that pin single behaviours. */
    public SectionSearcher searcher() {
        return searcher;
    }

    /** One query's ranking and its scores. */
    public record QueryOutcome(JudgedQuery query, List<String> ranking, RankingMetrics metrics, double millis) {}

    /** Scores per mode, overall and per kind of query. */
    public record Report(
            Map<SearchMode, Map<String, RankingMetrics>> byMode, Map<SearchMode, List<QueryOutcome>> outcomes) {}

    /**
     * Diversity of a first screen: over the set's queries, the mean number of distinct numbered sections among the
     * first five hits (a grouped hit counts once, whatever it lists under it).
     */
    public double distinctSectionsInTop5(QuerySet set, SearchMode mode, boolean grouped) {
        double sum = 0;
        for (JudgedQuery q : set.queries()) {
            List<SearchHit> hits = searcher.search(new SearchRequest(q.query(), 5, 0, null, mode, grouped, false))
                    .hits();
            sum += hits.stream()
                    .map(SearchEvaluation::numberedSection)
                    .distinct()
                    .count();
        }
        return set.queries().isEmpty() ? 0 : sum / set.queries().size();
    }

    /** The numbered section (level 2) a hit belongs to, from its breadcrumb of enclosing titles. */
    private static String numberedSection(SearchHit hit) {
        if (hit.level() <= 2 || hit.breadcrumb().size() < hit.level() - 2) return hit.id();
        return hit.doc() + "#" + hit.breadcrumb().get(hit.breadcrumb().size() - (hit.level() - 2));
    }

    /** A hit and the parts grouped under it, in the order a reader sees them listed. */
    private static java.util.stream.Stream<String> asListed(SearchHit hit) {
        return java.util.stream.Stream.concat(
                java.util.stream.Stream.of(hit.id()), hit.related().stream().map(r -> r.doc() + "#" + r.anchor()));
    }

    /** Scores the ranking as the service serves it: grouped by numbered section. */
    public Report run(QuerySet set) {
        return run(set, true);
    }

    /** @param grouped one hit per numbered section, as served; false for every matching section in rank order */
    public Report run(QuerySet set, boolean grouped) {
        Map<SearchMode, Map<String, RankingMetrics>> byMode = new LinkedHashMap<>();
        Map<SearchMode, List<QueryOutcome>> outcomes = new LinkedHashMap<>();
        for (SearchMode mode : SearchMode.values()) {
            List<QueryOutcome> all = new ArrayList<>();
            for (JudgedQuery q : set.queries()) {
                long t0 = System.nanoTime();
                List<String> ranking =
                        searcher
                                .search(new SearchRequest(q.query(), TOP, 0, null, mode, grouped, false))
                                .hits()
                                .stream()
                                .flatMap(SearchEvaluation::asListed)
                                .toList();
                double ms = (System.nanoTime() - t0) / 1e6;
                all.add(new QueryOutcome(q, ranking, RankingMetrics.of(q, ranking), ms));
            }
            Map<String, RankingMetrics> summary = new LinkedHashMap<>();
            summary.put(
                    "all",
                    RankingMetrics.mean(all.stream().map(QueryOutcome::metrics).toList()));
            for (String kind : List.of("keyword", "question")) {
                summary.put(
                        kind,
                        RankingMetrics.mean(all.stream()
                                .filter(o -> o.query().kind().equals(kind))
                                .map(QueryOutcome::metrics)
                                .toList()));
            }
            byMode.put(mode, summary);
            outcomes.put(mode, all);
        }
        return new Report(byMode, outcomes);
    }

    /** The table the README shows: one row per mode and kind. */
    public static String table(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("| mode | queries | nDCG@10 | MRR@10 | P@1 | Recall@10 |\n| --- | --- | --- | --- | --- | --- |\n");
        report.byMode()
                .forEach((mode, kinds) -> kinds.forEach((kind, m) -> out.append(String.format(
                        "| %s · %s | %d | %.3f | %.3f | %.3f | %.3f |%n",
                        mode.name().toLowerCase(), kind, m.queries(), m.ndcg10(), m.mrr10(), m.p1(), m.recall10()))));
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        searcher.close();
    }
}

package org.guidesearch.indexer.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.guidesearch.indexer.index.SectionSchema;
import org.guidesearch.indexer.semantic.SentenceEmbedder;
import org.guidesearch.indexer.semantic.SentenceEmbedder.Precision;

/**
 * Answers searches against the current index generation and switches generations without a pause.
 *
 * <p>Thread-safe. Each search pins the generation it started on ({@link DirectoryReader#tryIncRef()}), so a switch
 * never closes a reader under a running search; the old reader closes when its last search ends.
 */
public final class SectionSearcher implements Closeable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SectionSearcher.class);
    /** "Key Takeaways" repeat the chapter: scaled down so they never outrank the section that teaches. */
    private static final float SUMMARY_FACTOR = 0.3f;

    /** Passages fetched for semantic ranking; several usually come from the same section. */
    private static final int KNN_PASSAGES = 80;

    /**
     * The query's vector moves toward the mean of its best three passages of the guide's prose, by half that mean
     * ({@link VectorFeedback}; README, "Search quality", for the other counts and weights measured).
     */
    private static final int FEEDBACK_PASSAGES = 3;

    private static final float FEEDBACK_WEIGHT = 0.5f;
    /**
     * Semantic hits must be this similar (cosine) to the query, and within {@link #SEMANTIC_MARGIN} of the best one:
     * nearest neighbours always exist, but a section that shares no word with the query and is only vaguely near it
     * is noise, not an answer.
     */
    private static final float SEMANTIC_MIN_COSINE = 0.3f;

    private static final float SEMANTIC_MARGIN = 0.35f;

    private static final int PREFER_SUBSECTION_WITHIN = 3;
    /**
     * A subsection goes before its section at this share of the section's score. A question usually asks about one
     * detail, which a subsection teaches; a name is often best answered by the section whose heading it is, so there
     * its subsection must score nearly as well. At 0.9 for names instead of 0.8: the uncurated guide's keyword half
     * 0.939 → 0.944 (P@1 0.907 → 0.926), the curated guide's sets unchanged; 0.95 and above (or never) cost the
     * curated guide's keyword half 0.005 (README, "Search quality").
     */
    private static final float QUESTION_SUBSECTION_RATIO = 0.8f;

    private static final float NAME_SUBSECTION_RATIO = 0.9f;

    /** At most this many other parts of a numbered section are listed under its hit. */
    private static final int MAX_RELATED = 4;

    /** Best score first, then document order; one comparison of primitives per pair (no boxing key extractors). */
    private static final Comparator<ScoreDoc> BEST_FIRST =
            (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc);

    /** Each index generation's caches ({@link #cache(String)}). */
    public static final String TERM_STATES = "term_states";

    public static final String LEAF_SCORES = "leaf_scores";
    public static final String TERM_DOCS = "term_docs";
    public static final String CLOSEST_WORDS = "closest_words";
    public static final String COMPLETIONS = "word_completions";
    /** The embedder's cache of query embeddings, which outlives the generations. */
    public static final String QUERY_EMBEDDINGS = "query_embeddings";
    /** The embedder's cache of the vectors of approximate queries' words, which outlives the generations. */
    public static final String WORD_EMBEDDINGS = "word_embeddings";
    /** The caches that belong to the embedder, which every guide shares, rather than to one index generation. */
    public static final List<String> EMBEDDER_CACHES = List.of(QUERY_EMBEDDINGS, WORD_EMBEDDINGS);
    /** Every cache a search goes through, by name. */
    public static final List<String> CACHES =
            List.of(TERM_STATES, LEAF_SCORES, TERM_DOCS, CLOSEST_WORDS, COMPLETIONS, QUERY_EMBEDDINGS, WORD_EMBEDDINGS);

    private final AtomicReference<IndexGeneration> current = new AtomicReference<>();
    private final QueryPlanner planner;
    private final KeywordScoring scoring;
    private final SentenceEmbedder embedder;
    private final HybridFusion fusion = new HybridFusion(SEMANTIC_MIN_COSINE, SEMANTIC_MARGIN);
    private final VectorFeedback feedback = new VectorFeedback(FEEDBACK_PASSAGES, FEEDBACK_WEIGHT);
    /** One counter per cache name, which every generation's cache of that name counts into. */
    private final Map<String, StatsCounter> cacheStats = Map.of(
            TERM_STATES,
            new ConcurrentStatsCounter(),
            LEAF_SCORES,
            new ConcurrentStatsCounter(),
            TERM_DOCS,
            new ConcurrentStatsCounter(),
            CLOSEST_WORDS,
            new ConcurrentStatsCounter(),
            COMPLETIONS,
            new ConcurrentStatsCounter());

    public SectionSearcher(QueryPlanner planner, SentenceEmbedder embedder) {
        this(planner, embedder, KeywordScoring.LEAF_CACHE);
    }

    public SectionSearcher(QueryPlanner planner, SentenceEmbedder embedder, KeywordScoring scoring) {
        this.planner = planner;
        this.embedder = embedder;
        this.scoring = scoring;
    }

    /** Starts serving the index in {@code folder} with the planner this searcher was made with. */
    public void open(Path folder) throws IOException {
        open(folder, planner);
    }

    /**
     * Starts serving the index in {@code folder}, planned with {@code planner} (its synonyms belong to the vocabulary
     * that index was built with); the previous one closes when its searches finish.
     */
    public void open(Path folder, QueryPlanner planner) throws IOException {
        IndexGeneration next = IndexGeneration.open(folder, cacheStats, planner);
        IndexGeneration old = current.getAndSet(next);
        if (old != null) {
            old.reader().decRef();
        }
    }

    /**
     * The cache called {@code name} (one of {@link #CACHES}), for its statistics: the serving generation's, or empty
     * before an index is open. Every generation's cache of one name counts into one counter, so the statistics cover
     * every generation since this searcher was made; the size is the serving generation's. Callers must not change it.
     */
    public Optional<Cache<?, ?>> cache(String name) {
        if (name.equals(QUERY_EMBEDDINGS)) return Optional.ofNullable(embedder).map(SentenceEmbedder::queryCache);
        if (name.equals(WORD_EMBEDDINGS)) return Optional.ofNullable(embedder).map(SentenceEmbedder::wordCache);
        if (!cacheStats.containsKey(name)) throw new IllegalArgumentException("no cache called " + name);
        IndexGeneration g = current.get();
        if (g == null) return Optional.empty();
        return Optional.of(
                switch (name) {
                    case TERM_STATES -> g.termStates().cache();
                    case LEAF_SCORES -> g.evaluator().leafCache();
                    case TERM_DOCS -> g.evaluator().termDocsCache();
                    case CLOSEST_WORDS -> g.lexicon().closestCache();
                    default -> g.lexicon().completionCache();
                });
    }

    public boolean isOpen() {
        return current.get() != null;
    }

    /** Number of searchable sections in the serving generation. */
    public int size() {
        IndexGeneration g = acquire();
        try {
            return g.sectionDocs().size();
        } finally {
            release(g);
        }
    }

    public SearchResult search(SearchRequest request) {
        IndexGeneration g = acquire();
        try {
            QueryPlan plan = g.planner().plan(request, g.lexicon());
            if (plan == null) {
                return new SearchResult(request.query(), 0, List.of(), Map.of(), null);
            }
            Map<Integer, String> bestPassage = new HashMap<>();
            FusionWeights weights = switch (request.mode()) {
                case KEYWORD -> FusionWeights.KEYWORD_ONLY;
                case SEMANTIC -> FusionWeights.SEMANTIC_ONLY;
                case HYBRID -> FusionWeights.of(plan.question());
            };
            ScoreDoc[] byKeyword = request.mode() == SearchMode.SEMANTIC ? new ScoreDoc[0] : keyword(g, plan);
            // A query embedding is most of a new query's cost; where the semantic ranking only breaks the keyword
            // ranking's near-ties, a quantized model's vector (about half the CPU) ranks the judged sets the same.
            Precision precision = request.mode() == SearchMode.HYBRID && weights.keywordLed()
                    ? Precision.APPROXIMATE
                    : Precision.FULL;
            ScoreDoc[] byMeaning =
                    request.mode() == SearchMode.KEYWORD ? new ScoreDoc[0] : semantic(g, plan, precision, bestPassage);
            ScoreDoc[] ranked = switch (request.mode()) {
                case KEYWORD -> byKeyword;
                case SEMANTIC -> byMeaning;
                case HYBRID -> fusion.fuse(byKeyword, byMeaning, weights);
            };
            preferSubsections(g, ranked, plan.question() ? QUESTION_SUBSECTION_RATIO : NAME_SUBSECTION_RATIO);
            Map<String, Integer> facets = facets(g, ranked);
            ScoreDoc[] inDoc = request.doc() == null ? ranked : onlyDoc(g, ranked, request.doc());
            List<SectionGroups.Group> groups = request.grouped()
                    ? SectionGroups.of(
                            inDoc,
                            g.tree()::numbered,
                            g.tree()::parent,
                            g.tree().sectionBound(),
                            request.offset() + request.limit())
                    : Arrays.stream(inDoc)
                            .map(sd -> new SectionGroups.Group(sd, List.of()))
                            .toList();
            int from = Math.min(request.offset(), groups.size());
            int to = Math.min(from + request.limit(), groups.size());
            List<SectionGroups.Group> page = groups.subList(from, to);
            Explainer explainer = request.explain() ? new Explainer(byKeyword, byMeaning, weights, bestPassage) : null;
            List<SearchHit> hits = toHits(g, plan, page, bestPassage, explainer);
            return new SearchResult(request.query(), groups.size(), hits, facets, plan.didYouMean());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(g);
        }
    }

    /** What {@code explain=true} tells about each hit: where each retriever put it, and what matched. */
    private record Explainer(
            Map<Integer, Integer> keywordRank,
            Map<Integer, Float> keywordScore,
            Map<Integer, Integer> semanticRank,
            Map<Integer, Float> semanticCosine,
            FusionWeights weights,
            Map<Integer, String> bestPassage) {
        Explainer(ScoreDoc[] byKeyword, ScoreDoc[] byMeaning, FusionWeights weights, Map<Integer, String> bestPassage) {
            this(
                    ranks(byKeyword),
                    scores(byKeyword, false),
                    ranks(byMeaning),
                    scores(byMeaning, true),
                    weights,
                    bestPassage);
        }

        private static Map<Integer, Integer> ranks(ScoreDoc[] ranking) {
            Map<Integer, Integer> out = new HashMap<>();
            for (int i = 0; i < ranking.length; i++) out.putIfAbsent(ranking[i].doc, i + 1);
            return out;
        }

        private static Map<Integer, Float> scores(ScoreDoc[] ranking, boolean cosine) {
            Map<Integer, Float> out = new HashMap<>();
            for (ScoreDoc sd : ranking) out.putIfAbsent(sd.doc, cosine ? cosine(sd.score) : sd.score);
            return out;
        }

        SearchHit.Explanation explain(int doc, float fused, String title, String snippet, Set<String> terms) {
            List<String> matched = new ArrayList<>();
            String marked = snippet == null ? "" : snippet.toLowerCase(java.util.Locale.ROOT);
            String heading = title.toLowerCase(java.util.Locale.ROOT);
            for (String t : new java.util.TreeSet<>(terms)) {
                if (heading.contains(t) || marked.contains("<mark>" + t)) matched.add(t);
            }
            return new SearchHit.Explanation(
                    keywordRank.get(doc),
                    keywordScore.get(doc),
                    semanticRank.get(doc),
                    semanticCosine.get(doc),
                    fused,
                    weights.keyword(),
                    weights.semantic(),
                    matched,
                    bestPassage.get(doc));
        }
    }

    /** Every section matching the keyword query, best first, summaries scaled down. */
    private ScoreDoc[] keyword(IndexGeneration g, QueryPlan plan) throws IOException {
        if (plan.query() == null) return new ScoreDoc[0];
        ScoreDoc[] all = scoring == KeywordScoring.LUCENE
                ? g.searcher().search(plan.query(), Math.max(1, g.reader().maxDoc())).scoreDocs
                : g.evaluator().matches(plan.query());
        for (ScoreDoc sd : all) {
            if (g.tree().isSummary(sd.doc)) sd.score *= SUMMARY_FACTOR;
        }
        return sorted(all);
    }

    /**
     * Sections ranked by their best passage's similarity to the query, one ranking per embedding model fused by
     * reciprocal rank; remembers the best passage of each section for its snippet.
     */
    private ScoreDoc[] semantic(
            IndexGeneration g, QueryPlan plan, Precision precision, Map<Integer, String> bestPassage)
            throws IOException {
        if (plan.text().codePoints().noneMatch(Character::isLetterOrDigit)) {
            return new ScoreDoc[0]; // nothing to mean: the model cannot embed text without a word piece
        }
        float[][] vectors;
        try {
            vectors = embedder.embedQuery(plan.text(), precision);
        } catch (RuntimeException e) {
            // A query the model cannot read must not fail the search: keywords still answer.
            LOG.warn("could not embed query ({}); answering by keywords only", e.toString());
            return new ScoreDoc[0];
        }
        List<ScoreDoc[]> rankings = new ArrayList<>();
        for (int m = 0; m < vectors.length; m++) {
            String field = SectionSchema.vectorField(m);
            float[] query = SectionSchema.unitLength(vectors[m]);
            ScoreDoc[] fetched =
                    g.searcher().search(new KnnFloatVectorQuery(field, query, KNN_PASSAGES), KNN_PASSAGES).scoreDocs;
            // A reader's question filed by the curation that comes first is the curation's own answer; moving the
            // query toward the guide's prose only blurred it (the curated judged sets lost up to 0.03).
            if (fetched.length > 0 && !passageIs(g, fetched[0].doc, IndexGeneration.PassageOf::isReaderQuestion)) {
                fetched = sorted(feedback.rescore(
                        g.reader(),
                        field,
                        query,
                        fetched,
                        doc -> passageIs(g, doc, IndexGeneration.PassageOf::isOwnProse)));
            }
            Map<Integer, ScoreDoc> bySection = new LinkedHashMap<>();
            float best = fetched.length == 0 ? 0 : cosine(fetched[0].score);
            for (ScoreDoc p : fetched) {
                float cosine = cosine(p.score);
                if (cosine < SEMANTIC_MIN_COSINE || cosine < best - SEMANTIC_MARGIN) break;
                IndexGeneration.PassageOf passage = g.passages().get(p.doc);
                if (passage == null || bySection.containsKey(passage.section())) continue;
                int section = passage.section();
                float score = p.score * (g.tree().isSummary(section) ? SUMMARY_FACTOR : 1f);
                bySection.put(section, new ScoreDoc(section, score));
                String snippet = passage.snippet();
                if (m == 0 && !snippet.isEmpty()) bestPassage.putIfAbsent(section, snippet);
            }
            rankings.add(sorted(bySection.values().toArray(ScoreDoc[]::new)));
        }
        if (rankings.size() == 1) return rankings.get(0);
        return HybridFusion.reciprocalRank(rankings, Collections.nCopies(rankings.size(), 1f));
    }

    /** Whether {@code passageDoc} is a passage of a section and of the kind {@code kind} asks for. */
    private static boolean passageIs(IndexGeneration g, int passageDoc, Predicate<IndexGeneration.PassageOf> kind) {
        IndexGeneration.PassageOf passage = g.passages().get(passageDoc);
        return passage != null && kind.test(passage);
    }

    /**
     * A reader wants the most specific heading: when a subsection scores at least {@code ratio} of its enclosing
     * section's score right above it, the subsection goes first (the enclosing section's intro mostly announces what
     * the subsections teach).
     */
    private static void preferSubsections(IndexGeneration g, ScoreDoc[] ranked, float ratio) {
        for (int i = 0; i < Math.min(PREFER_SUBSECTION_WITHIN, ranked.length); i++) {
            for (int j = i + 1; j < Math.min(i + 1 + PREFER_SUBSECTION_WITHIN, ranked.length); j++) {
                if (g.tree().parent(ranked[j].doc) == ranked[i].doc && ranked[j].score >= ratio * ranked[i].score) {
                    ScoreDoc child = ranked[j];
                    System.arraycopy(ranked, i, ranked, i + 1, j - i);
                    ranked[i] = child;
                    break;
                }
            }
        }
    }

    /** Lucene scores the dot product of unit vectors (their cosine) as (1 + cos) / 2. */
    private static float cosine(float score) {
        return 2 * score - 1;
    }

    private static ScoreDoc[] sorted(ScoreDoc[] docs) {
        ScoreDoc[] copy = docs.clone();
        Arrays.sort(copy, BEST_FIRST);
        return copy;
    }

    private static Map<String, Integer> facets(IndexGeneration g, ScoreDoc[] docs) {
        int[] counts = new int[g.tree().files().size()];
        for (ScoreDoc sd : docs) {
            int file = g.tree().fileNumber(sd.doc);
            if (file >= 0) counts[file]++;
        }
        List<Integer> present = new ArrayList<>();
        for (int f = 0; f < counts.length; f++) if (counts[f] > 0) present.add(f);
        present.sort(Comparator.<Integer>comparingInt(f -> -counts[f])
                .thenComparing(f -> g.tree().files().get(f)));
        Map<String, Integer> sorted = new LinkedHashMap<>();
        for (int f : present) sorted.put(g.tree().files().get(f), counts[f]);
        return sorted;
    }

    private static ScoreDoc[] onlyDoc(IndexGeneration g, ScoreDoc[] docs, String doc) {
        int file = g.tree().files().indexOf(doc);
        return Arrays.stream(docs)
                .filter(sd -> file >= 0 && g.tree().fileNumber(sd.doc) == file)
                .toArray(ScoreDoc[]::new);
    }

    private static List<SearchHit> toHits(
            IndexGeneration g,
            QueryPlan plan,
            List<SectionGroups.Group> page,
            Map<Integer, String> bestPassage,
            Explainer explainer) {
        if (page.isEmpty()) {
            return List.of();
        }
        ProseSnippets.Terms terms = g.snippets()
                .terms(new ProseSnippets.TermWeights(
                        termWeights(g.termStates(), g.sectionDocs().size(), plan.highlightTerms())));
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (SectionGroups.Group group : page) {
            ScoreDoc sd = group.lead();
            IndexGeneration.HitFields f = g.hitFields().get(sd.doc);
            String snippet = g.snippets().snippet(sd.doc, terms);
            if (snippet == null) {
                String passage = bestPassage.get(sd.doc);
                snippet = passage != null ? SnippetText.fallback(passage) : f.opening();
            }
            List<SearchHit.Related> related =
                    new ArrayList<>(Math.min(MAX_RELATED, group.others().size()));
            for (ScoreDoc other : group.others()
                    .subList(0, Math.min(MAX_RELATED, group.others().size()))) {
                IndexGeneration.HitFields o = g.hitFields().get(other.doc);
                related.add(new SearchHit.Related(o.doc(), o.anchor(), o.title(), o.level(), other.score));
            }
            SearchHit.Explanation explain = explainer == null
                    ? null
                    : explainer.explain(sd.doc, sd.score, f.title(), snippet, plan.highlightTerms());
            hits.add(new SearchHit(
                    f.doc(), f.anchor(), f.title(), f.level(), f.breadcrumb(), snippet, sd.score, related, explain));
        }
        return hits;
    }

    /** Each prose term of the query weighted by its rarity (BM25's idf), so a snippet shows the most telling words. */
    private static Map<String, Float> termWeights(TermStatesCache dictionary, int n, Set<String> terms) {
        Map<String, Float> weights = new HashMap<>();
        for (String t : terms) {
            int df = dictionary.docFreq(new Term(SectionSchema.PROSE, t));
            if (df > 0) weights.put(t, (float) Math.log(1 + (n - df + 0.5) / (df + 0.5)));
        }
        return weights;
    }

    private IndexGeneration acquire() {
        while (true) {
            IndexGeneration g = current.get();
            if (g == null) {
                throw new IllegalStateException("no index is open yet");
            }
            if (g.reader().tryIncRef()) {
                return g;
            }
        }
    }

    private static void release(IndexGeneration g) {
        try {
            g.reader().decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        IndexGeneration g = current.getAndSet(null);
        if (g != null) {
            g.reader().decRef();
        }
    }
}

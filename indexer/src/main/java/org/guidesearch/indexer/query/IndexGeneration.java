package org.guidesearch.indexer.query;

import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.guidesearch.indexer.corpus.SectionRole;
import org.guidesearch.indexer.index.SectionAnalyzer;
import org.guidesearch.indexer.index.SectionSchema;
import org.guidesearch.indexer.semantic.Passage;

/**
 * One open index generation and what every search needs from it without touching stored fields: which document
 * is which section, its place in the outline ({@link SectionTree}: parent, file, summary), what hits show, and which
 * section each passage is of.
 */
record IndexGeneration(
        DirectoryReader reader,
        IndexSearcher searcher,
        Map<String, Integer> sectionDocs,
        Map<Integer, HitFields> hitFields,
        ProseSnippets snippets,
        SectionTree tree,
        TermStatesCache termStates,
        Lexicon lexicon,
        QueryEvaluator evaluator,
        Map<Integer, PassageOf> passages,
        QueryPlanner planner) {
    /** Snippets are cut from the indexed text, so they are analysed like the index (no query synonyms). */
    private static final Analyzer INDEX_ANALYZER = new SectionAnalyzer();

    static IndexGeneration open(Path folder, Map<String, StatsCounter> stats, QueryPlanner planner) throws IOException {
        DirectoryReader reader = DirectoryReader.open(FSDirectory.open(folder));
        // One searcher per generation, with the service's BM25: it is thread-safe, and building one per query was
        // work repeated on every semantic search.
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(LeafScores.SIMILARITY);
        Map<String, Integer> sectionDocs = new HashMap<>();
        Map<Integer, String> docOf = new HashMap<>();
        Set<Integer> summaries = new java.util.HashSet<>();
        Map<Integer, HitFields> hitFields = new HashMap<>();
        Map<Integer, String> prose = new HashMap<>();
        Map<Integer, String> parents = new HashMap<>();
        TopDocs sections = searcher.search(
                new TermQuery(new Term(SectionSchema.KIND, SectionSchema.SECTION_KIND)), Math.max(1, reader.maxDoc()));
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : sections.scoreDocs) {
            Document d = stored.document(sd.doc);
            sectionDocs.put(d.get(SectionSchema.ID), sd.doc);
            String opening = d.get(SectionSchema.PROSE) == null
                            || d.get(SectionSchema.PROSE).isBlank()
                    ? (d.get(SectionSchema.CODE) == null ? "" : d.get(SectionSchema.CODE))
                    : d.get(SectionSchema.PROSE);
            hitFields.put(
                    sd.doc,
                    new HitFields(
                            d.get(SectionSchema.DOC),
                            d.get(SectionSchema.ANCHOR),
                            d.get(SectionSchema.TITLE),
                            d.getField(SectionSchema.LEVEL).numericValue().intValue(),
                            SectionSchema.breadcrumbOf(d),
                            SnippetText.fallback(opening)));
            prose.put(sd.doc, d.get(SectionSchema.PROSE));
            if (d.get(SectionSchema.PARENT) != null) parents.put(sd.doc, d.get(SectionSchema.PARENT));
            docOf.put(sd.doc, d.get(SectionSchema.DOC));
            if (SectionRole.SUMMARY.name().equals(d.get(SectionSchema.ROLE))) summaries.add(sd.doc);
        }
        Map<Integer, Integer> parentDoc = new HashMap<>();
        Map<Integer, Integer> levels = new HashMap<>();
        hitFields.forEach((doc, f) -> levels.put(doc, f.level()));
        parents.forEach((doc, parentId) -> {
            Integer p = sectionDocs.get(parentId);
            if (p != null) parentDoc.put(doc, p);
        });
        Map<Integer, PassageOf> passages = new HashMap<>();
        TopDocs passageDocs = searcher.search(
                new TermQuery(new Term(SectionSchema.KIND, SectionSchema.PASSAGE_KIND)), Math.max(1, reader.maxDoc()));
        for (ScoreDoc sd : passageDocs.scoreDocs) {
            Document d = stored.document(
                    sd.doc,
                    Set.of(SectionSchema.PASSAGE_OF, SectionSchema.PASSAGE_SNIPPET, SectionSchema.PASSAGE_ORDINAL));
            Integer section = sectionDocs.get(d.get(SectionSchema.PASSAGE_OF));
            if (section == null) continue;
            // Generations written before the ordinal was stored read as prose: they serve until the next index.
            var ordinal = d.getField(SectionSchema.PASSAGE_ORDINAL);
            passages.put(
                    sd.doc,
                    new PassageOf(
                            section,
                            d.get(SectionSchema.PASSAGE_SNIPPET),
                            ordinal == null ? 0 : ordinal.numericValue().intValue()));
        }
        TermStatesCache termStates = new TermStatesCache(reader, stats.get(SectionSearcher.TERM_STATES));
        return new IndexGeneration(
                reader,
                searcher,
                Map.copyOf(sectionDocs),
                Map.copyOf(hitFields),
                ProseSnippets.analyse(prose, INDEX_ANALYZER),
                new SectionTree(reader.maxDoc(), levels, parentDoc, docOf, summaries),
                termStates,
                new Lexicon(
                        reader,
                        termStates,
                        stats.get(SectionSearcher.CLOSEST_WORDS),
                        stats.get(SectionSearcher.COMPLETIONS)),
                new QueryEvaluator(new LeafScores(
                        reader,
                        termStates,
                        new TermDocs(reader, termStates, stats.get(SectionSearcher.TERM_DOCS)),
                        stats.get(SectionSearcher.LEAF_SCORES))),
                Map.copyOf(passages),
                planner);
    }

    /**
     * A passage's section (its document number), the snippet it offers and its ordinal (its place in the section, or
     * {@link Passage#GUIDEPOST} or {@link Passage#READER_QUESTION}), read once per generation.
     */
    record PassageOf(int section, String snippet, int ordinal) {
        PassageOf {
            snippet = snippet == null ? "" : snippet;
        }

        boolean isReaderQuestion() {
            return ordinal == Passage.READER_QUESTION;
        }

        /**
         * Prose of the section itself: not a definition pointing at it, not a reader's question, and not the lone
         * heading that stands for a section without prose (its snippet is empty).
         */
        boolean isOwnProse() {
            return ordinal >= 0 && !snippet.isEmpty();
        }
    }

    /** What a hit shows, read once per generation instead of from stored fields on every search. */
    record HitFields(String doc, String anchor, String title, int level, List<String> breadcrumb, String opening) {}
}

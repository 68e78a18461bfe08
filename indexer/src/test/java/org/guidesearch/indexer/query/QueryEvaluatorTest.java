package org.guidesearch.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The evaluator answers exactly what Lucene answers, for random boolean trees of terms, phrases, synonyms and term
 * sets (words the index lacks included, phrases whose words no document holds together) with every kind of clause and nested boosts, and
 * parts searched in several weighted fields at once ({@link WordsInFields}, their scores added or a word's scored
 * across them as one field), over an index of several segments; and
 * answers it again the same from its remembered leaves.
 */
class QueryEvaluatorTest {
    private static final String[] WORDS = {"gil", "thread", "lock", "async", "loop", "heap", "slot", "wheel"};
    /** Queries also use a word no document holds. */
    private static final String[] QUERY_WORDS = {
        "gil", "thread", "lock", "async", "loop", "heap", "slot", "wheel", "absent"
    };

    /** A label holds one word, so its phrases never match: no document holds both words (see {@link TermDocs}). */
    private static final String[] FIELDS = {"title", "prose", "label"};

    private final DirectoryReader reader;
    private final IndexSearcher lucene;
    private final QueryEvaluator evaluator;

    QueryEvaluatorTest() throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        Random random = new Random(7);
        // No merging and a commit every 40 documents: several segments, so document bases are exercised.
        IndexWriterConfig config =
                new IndexWriterConfig(new WhitespaceAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (int i = 0; i < 150; i++) {
                Document d = new Document();
                d.add(new TextField("title", words(random, 1 + random.nextInt(3)), Field.Store.NO));
                d.add(new TextField("prose", words(random, 3 + random.nextInt(30)), Field.Store.NO));
                d.add(new TextField("label", words(random, 1), Field.Store.NO));
                writer.addDocument(d);
                if (i % 40 == 39) writer.commit();
            }
        }
        reader = DirectoryReader.open(dir);
        lucene = new IndexSearcher(reader);
        lucene.setSimilarity(LeafScores.SIMILARITY); // Lucene's own scoring, with the service's BM25 settings
        TermStatesCache termStates = new TermStatesCache(reader, StatsCounter.disabledStatsCounter());
        evaluator = new QueryEvaluator(new LeafScores(
                reader,
                termStates,
                new TermDocs(reader, termStates, StatsCounter.disabledStatsCounter()),
                StatsCounter.disabledStatsCounter()));
    }

    @Property(tries = 300)
    void scoresEveryDocumentAsLuceneDoes(@ForAll long seed) throws IOException {
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        Query query = tree(new Random(seed), 3);
        Map<Integer, Float> expected = new HashMap<>();
        for (ScoreDoc sd : lucene.search(query, Math.max(1, reader.maxDoc())).scoreDocs) expected.put(sd.doc, sd.score);

        for (int pass = 0; pass < 2; pass++) { // the second pass answers from remembered leaves
            ScoreDoc[] actual = evaluator.matches(query);
            Map<Integer, Float> got = new HashMap<>();
            for (int i = 0; i < actual.length; i++) {
                got.put(actual[i].doc, actual[i].score);
                if (i > 0) assertThat(actual[i].doc).as("document order").isGreaterThan(actual[i - 1].doc);
            }
            assertThat(got.keySet()).as("%s", query).isEqualTo(expected.keySet());
            for (Map.Entry<Integer, Float> e : expected.entrySet()) {
                assertThat(got.get(e.getKey()))
                        .as("%s, document %d", query, e.getKey())
                        .isCloseTo(e.getValue(), within(1e-5f * Math.max(1f, e.getValue())));
            }
        }
    }

    private static String words(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++)
            s.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        return s.toString();
    }

    private static Query tree(Random random, int depth) {
        Query q;
        if (depth == 0 || random.nextInt(3) == 0) {
            q = leaf(random);
        } else {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            int clauses = 1 + random.nextInt(4);
            Occur[] occurs = Occur.values();
            for (int i = 0; i < clauses; i++) b.add(tree(random, depth - 1), occurs[random.nextInt(occurs.length)]);
            if (random.nextInt(8) == 0) b.setMinimumNumberShouldMatch(1);
            q = b.build();
        }
        if (random.nextInt(4) == 0 && FieldRetarget.copiable(q)) q = new WordsInFields(q, fields(random));
        return random.nextInt(4) == 0 ? new BoostQuery(q, 0.25f + random.nextInt(12) * 0.25f) : q;
    }

    /** One to three of the fields, each weighted; their scores added, or a word scored across them as one field. */
    private static WeightedFields fields(Random random) {
        List<String> names = new ArrayList<>(List.of(FIELDS));
        Collections.shuffle(names, random);
        WeightedFields fields = new WeightedFields(names.subList(0, 1 + random.nextInt(names.size())).stream()
                .map(name -> new WeightedFields.Field(name, 0.25f + random.nextInt(12) * 0.25f))
                .toList());
        return random.nextBoolean() ? fields.combinedFields() : fields;
    }

    private static Query leaf(Random random) {
        String field = FIELDS[random.nextInt(FIELDS.length)];
        String a = QUERY_WORDS[random.nextInt(QUERY_WORDS.length)];
        String b = QUERY_WORDS[random.nextInt(QUERY_WORDS.length)];
        String c = QUERY_WORDS[random.nextInt(QUERY_WORDS.length)];
        return switch (random.nextInt(5)) {
            case 0 -> new TermQuery(new Term(field, a));
            case 1 -> new PhraseQuery(random.nextInt(3), field, a, b);
            case 2 ->
                new MultiPhraseQuery.Builder()
                        .add(new Term[] {new Term(field, a), new Term(field, c)})
                        .add(new Term(field, b))
                        .setSlop(random.nextInt(3))
                        .build();
            case 3 ->
                new SynonymQuery.Builder(field)
                        .addTerm(new Term(field, a))
                        .addTerm(new Term(field, b))
                        .build();
            default -> new TermInSetQuery(field, List.of(new BytesRef(a), new BytesRef(b)));
        };
    }
}

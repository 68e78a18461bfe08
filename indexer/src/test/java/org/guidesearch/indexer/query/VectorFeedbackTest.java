package org.guidesearch.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.guidesearch.indexer.index.SectionSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query moved toward its best passages, over a small index on disk in two segments. Three dimensions stand for
 * three topics: kettles, lids, teapots.
 */
class VectorFeedbackTest {
    private static final String FIELD = "v";

    @TempDir
    Path dir;

    private DirectoryReader reader;

    @BeforeEach
    void index() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir), config)) {
            writer.addDocument(vector(1f, 0.9f, 0f)); // 0: kettles and lids
            writer.addDocument(vector(1f, 0.8f, 0f)); // 1: kettles and lids
            writer.addDocument(new Document()); // 2: no vector
            writer.commit(); // the next documents are a second segment
            writer.addDocument(vector(1f, 0f, 0.9f)); // 3: kettles and teapots
            writer.addDocument(vector(0f, 1f, 0f)); // 4: lids alone
        }
        reader = DirectoryReader.open(FSDirectory.open(dir));
        assertThat(reader.leaves()).hasSize(2);
    }

    private static Document vector(float... v) {
        Document d = new Document();
        d.add(new KnnFloatVectorField(FIELD, SectionSchema.unitLength(v), VectorSimilarityFunction.DOT_PRODUCT));
        return d;
    }

    /** The documents as a nearest-neighbour search would give them for {@code query}: best first, (1 + cos) / 2. */
    private static ScoreDoc[] fetched(float[] query, int... docs) {
        float[][] vectors = {{1f, 0.9f, 0f}, {1f, 0.8f, 0f}, null, {1f, 0f, 0.9f}, {0f, 1f, 0f}};
        ScoreDoc[] out = new ScoreDoc[docs.length];
        for (int i = 0; i < docs.length; i++) {
            float[] v = SectionSchema.unitLength(vectors[docs[i]]);
            float dot = 0;
            for (int d = 0; d < v.length; d++) dot += v[d] * query[d];
            out[i] = new ScoreDoc(docs[i], (1 + dot) / 2);
        }
        Arrays.sort(out, (a, b) -> Float.compare(b.score, a.score));
        return out;
    }

    private static int[] docsByScore(ScoreDoc[] scored) {
        return Arrays.stream(scored)
                .sorted((a, b) -> Float.compare(b.score, a.score))
                .mapToInt(sd -> sd.doc)
                .toArray();
    }

    @Test
    void passagesNearTheBestOnesRiseAbovePassagesThatOnlyShareTheQuerysWords() throws IOException {
        // A query on kettles with a hint of teapots: the teapot passage is nearest, the two lid passages next.
        float[] query = SectionSchema.unitLength(new float[] {1f, 0.55f, 0.6f});
        ScoreDoc[] fetched = fetched(query, 0, 1, 3, 4);
        assertThat(fetched[0].doc).isEqualTo(3);

        ScoreDoc[] rescored = new VectorFeedback(3, 0.5f).rescore(reader, FIELD, query, fetched, doc -> true);

        // The mean of the best three leans to lids, so the lid passages overtake the teapot passage.
        assertThat(Arrays.copyOf(docsByScore(rescored), 2)).containsExactlyInAnyOrder(0, 1);
        // In the order fetched, for the caller to sort.
        assertThat(Arrays.stream(rescored).mapToInt(sd -> sd.doc).toArray())
                .containsExactly(Arrays.stream(fetched).mapToInt(sd -> sd.doc).toArray());
    }

    @Test
    void passagesTheCallerRejectsDoNotMoveTheQuery() throws IOException {
        float[] query = SectionSchema.unitLength(new float[] {1f, 0.55f, 0.6f});
        ScoreDoc[] fetched = fetched(query, 0, 1, 3, 4);

        // Only the teapot passage may feed back: the query moves toward teapots, and that passage stays first.
        ScoreDoc[] rescored = new VectorFeedback(3, 0.5f).rescore(reader, FIELD, query, fetched, doc -> doc == 3);

        assertThat(docsByScore(rescored)[0]).isEqualTo(3);
        float[] moved = new float[3];
        float[] teapot = SectionSchema.unitLength(new float[] {1f, 0f, 0.9f});
        for (int d = 0; d < 3; d++) moved[d] = query[d] + 0.5f * teapot[d];
        moved = SectionSchema.unitLength(moved);
        float cos = 0;
        for (int d = 0; d < 3; d++) cos += moved[d] * teapot[d];
        float expected = (1 + cos) / 2;
        ScoreDoc teapotHit =
                Arrays.stream(rescored).filter(sd -> sd.doc == 3).findFirst().orElseThrow();
        assertThat(teapotHit.score).isCloseTo(expected, within(1e-5f));
    }

    @Test
    void nothingToFeedBackLeavesTheRankingAsItWas() throws IOException {
        float[] query = SectionSchema.unitLength(new float[] {1f, 0.55f, 0.6f});
        ScoreDoc[] fetched = fetched(query, 0, 1, 3, 4);

        ScoreDoc[] rescored = new VectorFeedback(3, 0.5f).rescore(reader, FIELD, query, fetched, doc -> false);

        assertThat(rescored).isSameAs(fetched);
    }

    @Test
    void aDocumentWithoutAVectorKeepsItsScore() throws IOException {
        float[] query = SectionSchema.unitLength(new float[] {1f, 0.55f, 0.6f});
        ScoreDoc[] fetched = {new ScoreDoc(3, 0.9f), new ScoreDoc(2, 0.8f), new ScoreDoc(0, 0.7f)};

        ScoreDoc[] rescored = new VectorFeedback(2, 0.5f).rescore(reader, FIELD, query, fetched, doc -> true);

        assertThat(rescored[1].doc).isEqualTo(2);
        assertThat(rescored[1].score).isEqualTo(0.8f);
        assertThat(rescored[0].score).isNotEqualTo(0.9f);
    }
}

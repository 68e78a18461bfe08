package org.guidesearch.indexer.query;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ScoreDoc;
import org.guidesearch.indexer.index.SectionSchema;

/**
 * Pseudo-relevance feedback in the embedding space (Rocchio's): the query's vector moves toward the mean of the few
 * passages it fetched best, and the fetched passages are scored again by the moved vector.
 *
 * <p>Why: a reader asks in their own words, and the guide teaches the idea in its words. The passages nearest the
 * question mostly speak of the right topic in the guide's words, so their mean says what the guide calls it: passages
 * that say it in those words rise, and a passage that shares only the question's phrasing falls. On the judged sets of
 * guides searched without curation this bought 0.03–0.05 nDCG@10 on questions and up to 0.03 on keywords (README,
 * "Search quality").
 *
 * <p>Passages are scored again within those already fetched rather than searched for afresh: a second
 * nearest-neighbour search with the moved vector ranked every judged set the same, and cost far more than dot products
 * over a few dozen vectors.
 */
final class VectorFeedback {
    private final int feedbackPassages;
    private final float weight;

    /**
     * @param feedbackPassages how many of the best fetched passages the query moves toward (3: more drifts toward
     *                         neighbouring topics, fewer follows the first passage's mistakes)
     * @param weight           how far it moves: the mean's weight against the query's own unit vector (0.5)
     */
    VectorFeedback(int feedbackPassages, float weight) {
        if (feedbackPassages < 1) throw new IllegalArgumentException("feedbackPassages < 1");
        this.feedbackPassages = feedbackPassages;
        this.weight = weight;
    }

    /**
     * The {@code fetched} passages (best first, scored as Lucene scores unit vectors' dot product) scored again by the
     * query moved toward the first {@code feedbackPassages} of them that {@code feedsBack} accepts; in
     * {@code fetched}'s order, not sorted. Unchanged when none is accepted.
     *
     * @param query a unit vector in {@code field}'s space
     */
    ScoreDoc[] rescore(IndexReader reader, String field, float[] query, ScoreDoc[] fetched, IntPredicate feedsBack)
            throws IOException {
        float[][] vectors = vectorsOf(reader, field, fetched);
        float[] mean = new float[query.length];
        int used = 0;
        for (int i = 0; i < fetched.length && used < feedbackPassages; i++) {
            if (vectors[i] == null || !feedsBack.test(fetched[i].doc)) continue;
            for (int d = 0; d < mean.length; d++) mean[d] += vectors[i][d];
            used++;
        }
        if (used == 0) return fetched;
        float[] moved = new float[query.length];
        for (int d = 0; d < moved.length; d++) moved[d] = query[d] + weight * mean[d] / used;
        moved = SectionSchema.unitLength(moved);
        ScoreDoc[] out = new ScoreDoc[fetched.length];
        for (int i = 0; i < fetched.length; i++) {
            out[i] = vectors[i] == null ? fetched[i] : new ScoreDoc(fetched[i].doc, (1 + dot(moved, vectors[i])) / 2);
        }
        return out;
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    /** Each document's vector in {@code field} (null where it has none), read leaf by leaf in document order. */
    private static float[][] vectorsOf(IndexReader reader, String field, ScoreDoc[] docs) throws IOException {
        Integer[] byDoc = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) byDoc[i] = i;
        Arrays.sort(byDoc, (a, b) -> Integer.compare(docs[a].doc, docs[b].doc));
        List<LeafReaderContext> leaves = reader.leaves();
        float[][] out = new float[docs.length][];
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        FloatVectorValues values = null;
        for (int i : byDoc) {
            int doc = docs[i].doc;
            int at = ReaderUtil.subIndex(doc, leaves);
            if (at != leafIndex) {
                leafIndex = at;
                leaf = leaves.get(at);
                values = leaf.reader().getFloatVectorValues(field);
            }
            if (values == null) continue;
            int target = doc - leaf.docBase;
            // The values only move forward; a repeated document finds them already on it.
            int found = values.docID() >= target ? values.docID() : values.advance(target);
            if (found == target) out[i] = values.vectorValue().clone();
        }
        return out;
    }
}

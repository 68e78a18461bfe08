package org.guidesearch.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Document lists of terms over several segments, and what they say about a phrase's words. */
class TermDocsTest {
    private final TermDocs docs;

    TermDocsTest() throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriterConfig config =
                new IndexWriterConfig(new WhitespaceAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        // Two segments, so the second's documents are numbered from its base.
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            writer.addDocument(doc("kettle steam")); // 0
            writer.addDocument(doc("kettle lid")); // 1
            writer.commit();
            writer.addDocument(doc("teapot steam")); // 2
            writer.addDocument(doc("lid spout")); // 3
        }
        DirectoryReader reader = DirectoryReader.open(dir);
        assertThat(reader.leaves()).hasSize(2);
        TermStatesCache states = new TermStatesCache(reader, StatsCounter.disabledStatsCounter());
        docs = new TermDocs(reader, states, StatsCounter.disabledStatsCounter());
    }

    private static Document doc(String text) {
        Document d = new Document();
        d.add(new TextField("t", text, Field.Store.NO));
        return d;
    }

    private static Term[] any(String... words) {
        Term[] out = new Term[words.length];
        for (int i = 0; i < words.length; i++) out[i] = new Term("t", words[i]);
        return out;
    }

    @Test
    void listsEachTermsDocumentsAcrossSegmentsInOrder() {
        assertThat(docs.of(new Term("t", "steam"))).containsExactly(0, 2);
        assertThat(docs.of(new Term("t", "lid"))).containsExactly(1, 3);
        assertThat(docs.of(new Term("t", "absent"))).isEmpty();
        assertThat(docs.of(new Term("other", "steam"))).isEmpty();
    }

    @Test
    void saysWhetherSomeDocumentHoldsEveryPositionsWord() {
        assertThat(docs.someDocumentHoldsAll(List.of(any("kettle"), any("steam"))))
                .isTrue();
        assertThat(docs.someDocumentHoldsAll(List.of(any("teapot"), any("lid"))))
                .isFalse();
        assertThat(docs.someDocumentHoldsAll(List.of(any("steam"), any("absent"))))
                .isFalse();
        assertThat(docs.someDocumentHoldsAll(List.of(any("kettle"), any("steam"), any("lid"))))
                .isFalse();
    }

    @Test
    void aPositionWithAlternativesAcceptsAnyOfThem() {
        // teapot alone never meets lid, but the position takes teapot or kettle, and kettle does
        assertThat(docs.someDocumentHoldsAll(List.of(any("teapot", "kettle"), any("lid"))))
                .isTrue();
        assertThat(docs.someDocumentHoldsAll(List.of(any("teapot", "absent"), any("lid"))))
                .isFalse();
    }
}

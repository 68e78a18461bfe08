package org.guidesearch.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** What a query is checked against, answered the same the first time and when remembered. */
class LexiconTest {
    private final Lexicon lexicon;

    LexiconTest() throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (String text : List.of("thread threading threads lock", "thread interpreter", "garbage collector")) {
                Document d = new Document();
                d.add(new TextField("spell", text, Field.Store.NO));
                writer.addDocument(d);
            }
        }
        DirectoryReader reader = DirectoryReader.open(dir);
        lexicon = new Lexicon(
                reader,
                new TermStatesCache(reader, StatsCounter.disabledStatsCounter()),
                StatsCounter.disabledStatsCounter(),
                StatsCounter.disabledStatsCounter());
    }

    @Test
    void knowsTheIndexedWordsOfAField() {
        for (int pass = 0; pass < 2; pass++) {
            assertThat(lexicon.knows("spell", "thread")).isTrue();
            assertThat(lexicon.knows("spell", "thre")).isFalse();
            assertThat(lexicon.knows("title", "thread")).isFalse();
        }
    }

    @Test
    void completesAPrefixInTermOrderUpToTheLimit() {
        for (int pass = 0; pass < 2; pass++) {
            assertThat(lexicon.completions("spell", "thr", 10)).containsExactly("thread", "threading", "threads");
            assertThat(lexicon.completions("spell", "thr", 2)).containsExactly("thread", "threading");
            assertThat(lexicon.completions("spell", "zz", 10)).isEmpty();
            assertThat(lexicon.completions("nofield", "thr", 10)).isEmpty();
        }
    }

    @Test
    void findsTheClosestKnownWordWithinTwoEdits() {
        for (int pass = 0; pass < 2; pass++) {
            assertThat(lexicon.closest("spell", "thraed")).contains("thread");
            assertThat(lexicon.closest("spell", "garbgae")).contains("garbage");
            assertThat(lexicon.closest("spell", "intrepretr")).contains("interpreter");
            assertThat(lexicon.closest("spell", "zzzzzzzz")).isEqualTo(Optional.empty());
        }
    }
}

package org.guidesearch.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.stream.Stream;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.corpus.Section;
import org.guidesearch.indexer.corpus.SectionSplitter;
import org.guidesearch.indexer.index.IndexStore;
import org.guidesearch.indexer.query.QueryPlanner;
import org.guidesearch.indexer.query.SearchRequest;
import org.guidesearch.indexer.query.SectionSearcher;
import org.guidesearch.server.RunningService;
import org.guidesearch.server.app.ServiceConfig;
import org.guidesearch.server.web.WebConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad files and bad moments: an index build that dies half-way (as a crash would) leaves the previous generation
 * current, so a restart serves the previous data; a file that is not UTF-8 is reported with its line and skipped
 * while the rest is indexed; a re-index that fails keeps the old index serving.
 *
 * <p>The corpus is a copy of the guide in a temporary folder, changed by the test.
 */
class CorpusFaultsIT {
    @TempDir
    Path corpus;

    @TempDir
    Path state;

    /** What a kill -9 looks like to the code that was running: nothing after this point happens. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    @Test
    void aCrashMidBuildLeavesThePreviousDataAndAMalformedFileIsSkippedWithItsLine() throws Exception {
        copyGuide();
        Files.writeString(
                corpus.resolve("zz-marker.md"),
                "# Marker Chapter\n\nThe quokkafication of sections happens only in the previous data.\n");
        Corpus previous = new CorpusReader(new SectionSplitter()).read(corpus);
        IndexStore store = new IndexStore(indexDir());
        Path good = store.build(previous.sections(), List.of());

        List<Section> dying = crashingAfter(previous.sections(), 100);
        assertThatThrownBy(() -> store.build(dying, List.of())).isInstanceOf(SimulatedCrash.class);
        assertThat(generations())
                .as("the half-written generation is left on disk, as after a kill")
                .hasSize(2);

        // A restart: a fresh store object on the same folder finds the previous generation, with the previous data.
        IndexStore afterRestart = new IndexStore(indexDir());
        assertThat(afterRestart.current()).contains(good);
        var embedder = new org.guidesearch.indexer.semantic.SentenceEmbedder(
                org.guidesearch.indexer.semantic.EmbeddingModelChoice.DEFAULT,
                new org.guidesearch.indexer.semantic.EmbeddingCache(state.resolve("embeddings.bin")));
        try (SectionSearcher searcher = new SectionSearcher(new QueryPlanner(null), embedder)) {
            searcher.open(afterRestart.current().orElseThrow());
            assertThat(searcher.search(new SearchRequest(
                                    "quokkafication", 5, 0, null, org.guidesearch.indexer.query.SearchMode.KEYWORD))
                            .total())
                    .isEqualTo(1);
        }

        // Now the corpus changes: the marker goes, a file that is not UTF-8 arrives; the service restarts on this
        // state.
        Files.delete(corpus.resolve("zz-marker.md"));
        Files.write(
                corpus.resolve("broken.md"),
                concat(
                        "# Broken File\n\nA first line.\nbad byte: ".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xff, (byte) 0xfe},
                        "\nmore\n".getBytes(StandardCharsets.UTF_8)));
        ServiceConfig config = ServiceConfig.forTests(corpus, RunningService.dataDir(), state)
                .withWeb(WebConfig.defaults().withRateLimit(0, 1));
        try (RunningService running = RunningService.start(config)) {
            Http http = new Http(running.service().port());
            JsonNode search = http.get("/health").json().path("components").path("search");
            assertThat(search.path("status").asText()).isEqualTo("UP");
            assertThat(search.path("problems"))
                    .extracting(JsonNode::asText)
                    .containsExactly("broken.md:4: not valid UTF-8 text");
            assertThat(http.get("/api/search?q=gil")
                            .json()
                            .path("hits")
                            .get(0)
                            .path("anchor")
                            .asText())
                    .as("the rest of the corpus is indexed")
                    .isEqualTo("131-the-global-interpreter-lock-gil");
            // by keywords: the marker's word is gone from the index (a made-up word may still sit near some passage
            // by meaning, which says nothing about what the index holds)
            assertThat(http.get("/api/search?mode=keyword&q=quokkafication")
                            .json()
                            .path("total")
                            .asLong())
                    .isZero();
            assertThat(generations())
                    .as("the half-written generation was cleaned up")
                    .hasSize(1);

            // A re-index that fails (the corpus is gone) keeps the index that serves.
            JsonNode before = http.get("/api/search?q=event+loop").json();
            try (Stream<Path> files = Files.list(corpus)) {
                for (Path f : files.toList()) Files.delete(f);
            }
            assertThatThrownBy(() -> running.service().reindexer().reindex()).isInstanceOf(IOException.class);
            JsonNode after = http.get("/api/search?q=event+loop").json();
            assertThat(after.path("total")).isEqualTo(before.path("total"));
            assertThat(after.path("hits")).isEqualTo(before.path("hits"));
            assertThat(http.get("/health").json().path("status").asText()).isEqualTo("UP");
            assertThat(generations()).hasSize(1);
        }
    }

    private void copyGuide() throws IOException {
        try (Stream<Path> files = Files.list(RunningService.corpusDir())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                Files.copy(f, corpus.resolve(f.getFileName().toString()));
            }
        }
    }

    /** Where the service keeps this guide's index: one folder per guide, named by its id. */
    private Path indexDir() {
        return state.resolve("index")
                .resolve(org.guidesearch.indexer.guide.GuideManifest.folder(corpus, "https://guide.example/", null)
                        .first()
                        .id());
    }

    private List<Path> generations() throws IOException {
        try (Stream<Path> dirs = Files.list(indexDir())) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("gen-"))
                    .toList();
        }
    }

    private static List<Section> crashingAfter(List<Section> sections, int n) {
        return new AbstractList<>() {
            @Override
            public Section get(int i) {
                if (i >= n) throw new SimulatedCrash();
                return sections.get(i);
            }

            @Override
            public int size() {
                return sections.size();
            }
        };
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}

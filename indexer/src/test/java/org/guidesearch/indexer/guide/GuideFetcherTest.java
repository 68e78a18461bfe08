package org.guidesearch.indexer.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuideFetcherTest {
    static final String PART1 = "# Part 1\n\n## 1. Start\n\nText.\n";
    static final String PART2 = "# Part 2\n\n## 2. Next\n\nMore text.\n";

    @TempDir
    Path state;

    @TempDir
    Path folder;

    static String hash(String text) {
        return GuideFetcher.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> pins() {
        Map<String, String> pins = new LinkedHashMap<>();
        pins.put("part1.md", hash(PART1));
        pins.put("part2.md", hash(PART2));
        return pins;
    }

    static Guide guide(List<GuideSource.Mirror> mirrors, Map<String, String> files) {
        return new Guide("demo", "Demo", "https://example.org/demo/", new GuideSource(mirrors, files), null);
    }

    GuideFetcher fetcher() {
        return new GuideFetcher(state.resolve("guides"), Duration.ofSeconds(2), Duration.ofSeconds(20));
    }

    static URI unreachable() throws IOException {
        // a port that was just free: nothing listens, so connecting is refused at once
        try (ServerSocket s = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/guide/");
        }
    }

    @Test
    void aFullDownloadIsVerifiedAndKept() throws Exception {
        try (MirrorServer mirror = new MirrorServer().put("part1.md", PART1).put("part2.md", PART2)) {
            FetchedGuide got = fetcher().fetch(guide(List.of(new GuideSource.Web(mirror.base())), pins()));
            assertThat(got.folder()).isEqualTo(state.resolve("guides/demo"));
            assertThat(Files.readString(got.folder().resolve("part1.md"))).isEqualTo(PART1);
            assertThat(Files.readString(got.folder().resolve("part2.md"))).isEqualTo(PART2);
            assertThat(got.warnings()).isEmpty();
            assertThat(mirror.requests.get()).isEqualTo(2);
        }
    }

    @Test
    void aKeptCopyWithTheRightHashesIsUsedWithoutAnyNetwork() throws Exception {
        try (MirrorServer mirror = new MirrorServer().put("part1.md", PART1).put("part2.md", PART2)) {
            Guide g = guide(List.of(new GuideSource.Web(mirror.base())), pins());
            fetcher().fetch(g);
            int before = mirror.requests.get();
            FetchedGuide again = fetcher().fetch(g);
            assertThat(mirror.requests.get()).isEqualTo(before);
            assertThat(again.origin()).startsWith("kept copy");
        }
        // and with the mirror gone altogether
        FetchedGuide offline = fetcher().fetch(guide(List.of(new GuideSource.Web(unreachable())), pins()));
        assertThat(Files.readString(offline.folder().resolve("part2.md"))).isEqualTo(PART2);
    }

    @Test
    void aFileWithTheWrongHashIsRefusedNamingTheFileAndBothHashes() throws Exception {
        String tampered = PART2 + "\nInjected.\n";
        try (MirrorServer mirror = new MirrorServer().put("part1.md", PART1).put("part2.md", tampered)) {
            assertThatThrownBy(() -> fetcher().fetch(guide(List.of(new GuideSource.Web(mirror.base())), pins())))
                    .isInstanceOf(GuideFetchException.class)
                    .hasMessageContaining("part2.md")
                    .hasMessageContaining("expected " + hash(PART2))
                    .hasMessageContaining("got " + hash(tampered))
                    .hasMessageContaining("GUIDES")
                    .hasMessageContaining("CORPUS_DIR");
        }
        assertThat(state.resolve("guides/demo")).doesNotExist();
    }

    @Test
    void theNextMirrorSuppliesAFileTheFirstLacksOrHasWrong() throws Exception {
        Files.writeString(folder.resolve("part2.md"), PART2);
        try (MirrorServer mirror = new MirrorServer().put("part1.md", PART1).put("part2.md", "not the pinned text")) {
            FetchedGuide got = fetcher()
                    .fetch(guide(List.of(new GuideSource.Web(mirror.base()), new GuideSource.Folder(folder)), pins()));
            assertThat(Files.readString(got.folder().resolve("part2.md"))).isEqualTo(PART2);
            assertThat(got.warnings())
                    .singleElement()
                    .asString()
                    .contains("part2.md")
                    .contains("refused");
        }
    }

    @Test
    void aMirrorMissingAFileFailsWhenNoOtherHasIt() throws Exception {
        try (MirrorServer mirror = new MirrorServer().put("part1.md", PART1)) {
            assertThatThrownBy(() -> fetcher().fetch(guide(List.of(new GuideSource.Web(mirror.base())), pins())))
                    .isInstanceOf(GuideFetchException.class)
                    .hasMessageContaining("lacks part2.md")
                    .hasMessageContaining("still missing: part2.md");
        }
    }

    @Test
    void anUnreachableHostIsAskedOnceAndNamedInTheMessage() throws Exception {
        URI dead = unreachable();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> fetcher()
                        .fetch(guide(
                                List.of(new GuideSource.Folder(folder.resolve("absent")), new GuideSource.Web(dead)),
                                pins())))
                .isInstanceOf(GuideFetchException.class)
                .hasMessageContaining(dead.toString() + ": unreachable")
                .hasMessageContaining("folder " + folder.resolve("absent") + ": not found");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void theLastVerifiedCopyKeepsServingWhenNewPinsCannotBeFetched() throws Exception {
        try (MirrorServer mirror = new MirrorServer().put("part1.md", PART1).put("part2.md", PART2)) {
            fetcher().fetch(guide(List.of(new GuideSource.Web(mirror.base())), pins()));
            Map<String, String> newer = new LinkedHashMap<>(pins());
            newer.put("part2.md", hash(PART2 + "a newer edition"));
            FetchedGuide got = fetcher().fetch(guide(List.of(new GuideSource.Web(mirror.base())), newer));
            assertThat(Files.readString(got.folder().resolve("part2.md"))).isEqualTo(PART2);
            assertThat(got.warnings()).first().asString().contains("verified earlier");
            assertThat(got.warnings()).anyMatch(w -> w.contains("part2.md") && w.contains("refused"));
        }
    }

    @Test
    void anUnpinnedSourceReadsTheFirstFolderThatExistsAsItIs() throws Exception {
        Files.writeString(folder.resolve("notes.md"), PART1);
        FetchedGuide got = fetcher()
                .fetch(guide(
                        List.of(new GuideSource.Folder(folder.resolve("absent")), new GuideSource.Folder(folder)),
                        Map.of()));
        assertThat(got.folder()).isEqualTo(folder);
        assertThat(state.resolve("guides")).doesNotExist();
    }
}

package org.guidesearch.indexer.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuideManifestTest {
    @TempDir
    Path dir;

    @Test
    void relativeFoldersAreRelativeToTheManifestAndWebMirrorsStayUrls() throws Exception {
        Path file = dir.resolve("conf/guides.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
        {"guides": [
          {"id": "one", "title": "One", "site": "https://example.org/one",
           "source": {"mirrors": ["../copies/one", "https://mirror.example/one"],
                      "files": {"part1.md": "sha256:%s"}},
           "data": "one-overlay"},
          {"id": "two", "site": "https://example.org/two/", "source": {"mirrors": ["/abs/two"]}}
        ]}
        """.formatted("a".repeat(64)));
        GuideManifest m = GuideManifest.load(file);
        Guide one = m.first();
        assertThat(one.site()).isEqualTo("https://example.org/one/");
        assertThat(one.url("part5.md", "x")).isEqualTo("https://example.org/one/part5.html#x");
        assertThat(one.source().mirrors())
                .containsExactly(
                        new GuideSource.Folder(dir.resolve("copies/one").toAbsolutePath()),
                        new GuideSource.Web(java.net.URI.create("https://mirror.example/one/")));
        assertThat(one.dataDir()).isEqualTo(dir.resolve("conf/one-overlay").toAbsolutePath());
        Guide two = m.guides().get(1);
        assertThat(two.title()).isEqualTo("two");
        assertThat(two.source().pinned()).isFalse();
        assertThat(two.dataDir()).isNull();
    }

    @Test
    void mistakesAreNamedWithTheGuideAndTheField() throws Exception {
        Path file = dir.resolve("guides.json");
        Files.writeString(file, """
        {"guides": [{"id": "one", "site": "https://example.org/",
          "source": {"mirrors": ["x"], "files": {"../etc/passwd.md": "sha256:00"}}}]}
        """);
        assertThatThrownBy(() -> GuideManifest.load(file))
                .isInstanceOf(GuideConfigException.class)
                .hasMessageContaining("guide 'one'")
                .hasMessageContaining("../etc/passwd.md");
        Files.writeString(
                file, "{\"guides\": [{\"id\": \"One!\", \"site\": \"s\", \"source\": {\"mirrors\": [\"x\"]}}]}");
        assertThatThrownBy(() -> GuideManifest.load(file)).hasMessageContaining("'One!'");
        Files.writeString(file, "{\"guides\": [");
        assertThatThrownBy(() -> GuideManifest.load(file)).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> GuideManifest.load(dir.resolve("absent.json")))
                .hasMessageContaining("GUIDES")
                .hasMessageContaining("CORPUS_DIR");
    }

    @Test
    void twoGuidesMayNotShareAnId() {
        Guide g = new Guide(
                "same",
                "t",
                "https://x/",
                new GuideSource(java.util.List.of(new GuideSource.Folder(dir)), java.util.Map.of()),
                null);
        assertThatThrownBy(() -> new GuideManifest(java.util.List.of(g, g)))
                .hasMessageContaining("'same' is listed twice");
    }

    @Test
    void theFolderShortcutNamesTheGuideAfterItsFolder() {
        GuideManifest m = GuideManifest.folder(dir.resolve("My Guide"), "https://example.org/g", null);
        assertThat(m.first().id()).isEqualTo("my-guide");
        assertThat(m.first().source().pinned()).isFalse();
    }
}

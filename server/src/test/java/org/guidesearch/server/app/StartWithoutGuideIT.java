package org.guidesearch.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh machine without {@code ../shared} whose network cannot reach the mirror: the real {@code Main} in its own
 * JVM must give up within seconds, say where it looked and how to point it at a copy, and print no stack trace.
 */
class StartWithoutGuideIT {
    @TempDir
    Path clone;

    @Test
    void noCopyAndNoReachableMirrorEndsTheStartWithAShortMessage() throws Exception {
        String manifest = Files.readString(
                        Path.of(System.getProperty("data.dir", "../data")).resolve("guides.json"))
                .replaceAll(
                        "https://raw\\.githubusercontent\\.com/[^\"]*", "http://127.0.0.1:" + closedPort() + "/guide/")
                // The folder mirror is ../../shared beside the clone; the temporary folder may have one beside it
                // too (CI's own checkout does), so it points at a sibling that surely does not exist.
                .replace("../../shared/corpus/", "../no-shared-here/corpus/");
        Files.createDirectories(clone.resolve("data"));
        Files.writeString(clone.resolve("data/guides.json"), manifest);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "--port",
                        "0",
                        "--bolt-port",
                        "0"))
                .directory(clone.toFile())
                .redirectErrorStream(true)
                .redirectOutput(clone.resolve("console.txt").toFile());
        pb.environment().keySet().removeAll(List.of("GUIDES", "CORPUS_DIR", "DATA_DIR", "SITE_BASE_URL", "STATE_DIR"));
        long t0 = System.nanoTime();
        Process p = pb.start();
        boolean ended = p.waitFor(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        if (!ended) p.destroyForcibly();
        String console = Files.readString(clone.resolve("console.txt"));
        assertThat(ended).as("ended; console:%n%s", console).isTrue();
        assertThat(p.exitValue()).as(console).isNotZero();
        assertThat(took).as(console).isLessThan(Duration.ofSeconds(10));
        assertThat(console)
                .contains("cannot get the guide 'python-under-the-hood'")
                .contains("no-shared-here/corpus/python-under-the-hood: not found")
                .contains("unreachable")
                .contains("GUIDES")
                .contains("CORPUS_DIR")
                .doesNotContain("Exception")
                .doesNotContainPattern("\\n\\s+at [a-z]");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

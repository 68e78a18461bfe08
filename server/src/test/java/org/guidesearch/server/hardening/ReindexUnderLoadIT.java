package org.guidesearch.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.guidesearch.graph.store.EmbeddedNeo4j;
import org.guidesearch.graph.store.GraphVersion;
import org.guidesearch.server.RunningService;
import org.guidesearch.server.app.ServiceConfig;
import org.guidesearch.server.web.RequestLog;
import org.guidesearch.server.web.WebConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * Readers keep reading while the admin endpoint re-indexes again and again: not one request fails, and every answer
 * is the complete old or complete new data (same totals, same graph counts), never a half index or a half graph.
 *
 * <p>The graph store is one this test starts, so it can make each re-index really replace the graph (by forgetting
 * the {@link GraphVersion} that would let an unchanged graph be kept).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReindexUnderLoadIT {
    private static final String TOKEN = "reindex-under-load-token-0123456789";
    private static final int CLIENTS = 4;
    private static final int REINDEXES = 4;

    @TempDir
    static Path state;

    @TempDir
    static Path storeDir;

    EmbeddedNeo4j store;
    Driver driver;
    RunningService running;
    Http http;

    @BeforeAll
    void start() throws Exception {
        store = EmbeddedNeo4j.start(storeDir, 0);
        driver = GraphDatabase.driver(store.boltUri(), store.authToken());
        ServiceConfig base = ServiceConfig.forTests(RunningService.corpusDir(), RunningService.dataDir(), state);
        ServiceConfig config = new ServiceConfig(
                base.guides(),
                base.stateDir(),
                0,
                store.boltUri(),
                "neo4j",
                store.password(),
                null,
                0,
                List.of("*"),
                TOKEN,
                base.embeddingCache(),
                base.embeddingModels(),
                WebConfig.defaults().withRateLimit(0, 1).withRequestLog(RequestLog.Mode.ERRORS));
        running = RunningService.start(config);
        http = new Http(running.service().port());
    }

    @AfterAll
    void stop() {
        running.close();
        driver.close();
        store.close();
    }

    @Test
    void readersSeeNoFailureAndNoHalfDataWhileTheServiceReindexes() throws Exception {
        JsonNode gil = http.get("/api/search?q=gil&limit=5").json();
        long gilTotal = gil.path("total").asLong();
        String gilFirst = gil.path("hits").get(0).path("anchor").asText();
        long loopTotal =
                http.get("/api/search?q=event+loop").json().path("total").asLong();
        JsonNode stats = http.get("/api/graph/stats").json();
        int neighbourCount = http.get("/api/concepts/gil/neighbours?depth=2&limit=200")
                .json()
                .path("nodes")
                .size();
        int sections = http.get("/api/sections").json().path("sections").size();

        AtomicBoolean reindexing = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Thread t = new Thread(
                    () -> {
                        Http mine = new Http(running.service().port());
                        long until = System.nanoTime() + 120_000_000_000L; // a bound even if the re-indexes hang
                        for (int i = 0; reindexing.get() && System.nanoTime() < until; i++) {
                            try {
                                switch (i % 6) {
                                    case 0 -> {
                                        JsonNode b = ok(mine.get("/api/search?q=gil&limit=5"), failures);
                                        if (b != null
                                                && (b.path("total").asLong() != gilTotal
                                                        || !b.path("hits")
                                                                .get(0)
                                                                .path("anchor")
                                                                .asText()
                                                                .equals(gilFirst))) {
                                            failures.add("search gil changed: " + b.path("total") + " "
                                                    + b.path("hits").get(0).path("anchor"));
                                        }
                                    }
                                    case 1 -> {
                                        JsonNode b = ok(mine.get("/api/search?q=event+loop"), failures);
                                        if (b != null && b.path("total").asLong() != loopTotal)
                                            failures.add("search event loop total changed");
                                    }
                                    case 2 -> {
                                        JsonNode b = ok(mine.get("/api/graph/stats"), failures);
                                        if (b != null && !b.equals(stats)) failures.add("graph stats changed: " + b);
                                    }
                                    case 3 -> {
                                        JsonNode b = ok(
                                                mine.get("/api/concepts/gil/neighbours?depth=2&limit=200"), failures);
                                        if (b != null && b.path("nodes").size() != neighbourCount)
                                            failures.add("neighbourhood changed");
                                    }
                                    case 4 ->
                                        ok(
                                                mine.get("/api/sections/part5.md/131-the-global-interpreter-lock-gil"),
                                                failures);
                                    default -> {
                                        JsonNode b = ok(mine.get("/api/sections"), failures);
                                        if (b != null && b.path("sections").size() != sections)
                                            failures.add("section list changed");
                                    }
                                }
                            } catch (RuntimeException e) {
                                failures.add("request failed: " + e);
                            }
                            sent.incrementAndGet();
                        }
                    },
                    "reader-" + c);
            t.start();
            clients.add(t);
        }

        List<Long> reindexMs = new ArrayList<>();
        try {
            Thread.sleep(500);
            for (int i = 0; i < REINDEXES; i++) {
                new GraphVersion(driver, "neo4j", "python-under-the-hood")
                        .forget(); // so the graph is replaced, not kept as unchanged
                long t0 = System.nanoTime();
                // a re-index is a batch job whose caller waits for it: on a busy machine rewriting the graph alone
                // has taken 27 s, so it gets more than a reader's 30 s
                Http.Reply r = http.send(
                        Duration.ofMinutes(3), "POST", "/api/admin/reindex", "Authorization", "Bearer " + TOKEN);
                reindexMs.add((System.nanoTime() - t0) / 1_000_000);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
            Thread.sleep(500);
        } finally {
            reindexing.set(false);
            for (Thread t : clients) t.join(30_000);
        }

        System.out.printf(
                "ReindexUnderLoadIT: %d re-indexes (%s ms) under %d concurrent readers: %d requests sent, "
                        + "%d failed%n",
                REINDEXES, reindexMs, CLIENTS, sent.get(), failures.size());
        assertThat(failures).isEmpty();
        assertThat(sent.get()).isGreaterThan(100);
    }

    private static JsonNode ok(Http.Reply r, ConcurrentLinkedQueue<String> failures) {
        if (r.status() != 200) {
            failures.add(r.status() + ": " + r.body());
            return null;
        }
        return r.json();
    }
}

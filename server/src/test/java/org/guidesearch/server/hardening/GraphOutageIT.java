package org.guidesearch.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.guidesearch.graph.store.EmbeddedNeo4j;
import org.guidesearch.server.RunningService;
import org.guidesearch.server.app.ServiceConfig;
import org.guidesearch.server.web.WebConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The graph store is an external server (a Neo4j this test starts over Bolt) that stops under the running service
 * and comes back: search never fails, graph routes answer 503 quickly, /health says DEGRADED, a re-index made during
 * the outage reaches the graph once the store is back, and everything recovers with no restart of the service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphOutageIT {
    private static final List<String> SEARCHES = List.of(
            "gil",
            "event loop",
            "garbage collection",
            "descriptor",
            "asyncio",
            "reference counting",
            "metaclass",
            "bytecode");

    @TempDir
    static Path state;

    @TempDir
    static Path storeDir;

    int boltPort;
    EmbeddedNeo4j store;
    RunningService running;
    Http http;
    int probes;

    @BeforeAll
    void start() throws IOException {
        boltPort = freePort();
        store = EmbeddedNeo4j.start(storeDir, boltPort);
        ServiceConfig base = ServiceConfig.forTests(RunningService.corpusDir(), RunningService.dataDir(), state);
        ServiceConfig config = new ServiceConfig(
                base.guides(),
                base.stateDir(),
                0,
                URI.create("bolt://127.0.0.1:" + boltPort),
                "neo4j",
                store.password(),
                null,
                0,
                List.of("*"),
                null,
                base.embeddingCache(),
                base.embeddingModels(),
                WebConfig.defaults().withRateLimit(0, 1));
        running = RunningService.start(config);
        http = new Http(running.service().port());
    }

    @AfterAll
    void stop() {
        running.close();
        store.close();
    }

    @Test
    void searchKeepsAnsweringWhileTheGraphStoreIsDownAndTheGraphRecoversByItself() throws Exception {
        assertThat(http.get("/health").json().path("status").asText()).isEqualTo("UP");
        assertThat(http.get("/api/concepts/gil/neighbours?depth=2").status()).isEqualTo(200);

        store.close();
        long down = System.nanoTime();
        int sent = 0;
        int searchFailures = 0;
        int graph503 = 0;
        int graphOther = 0;
        long slowest503 = 0;
        while (System.nanoTime() - down < 6_000_000_000L) {
            Http.Reply search = http.get("/api/search?q=" + RunningService.enc(SEARCHES.get(sent % SEARCHES.size())));
            sent++;
            if (search.status() != 200) searchFailures++;
            long t = System.nanoTime();
            Http.Reply graph = http.get(uncachedGraphRequest());
            slowest503 = Math.max(slowest503, System.nanoTime() - t);
            sent++;
            if (graph.status() == 503) {
                graph503++;
                assertThat(graph.assertCleanJson().json().path("error").asText())
                        .isEqualTo("graph_unavailable");
            } else {
                graphOther++;
            }
        }
        Http.Reply health = http.get("/health");
        sent++;
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.json()
                        .path("components")
                        .path("search")
                        .path("status")
                        .asText())
                .isEqualTo("UP");
        assertThat(health.json()
                        .path("components")
                        .path("graph")
                        .path("message")
                        .asText())
                .contains("cannot be reached");

        running.service().reindexer().reindex();
        assertThat(running.service().reindexer().pendingGraph())
                .as("the re-index waits for the store")
                .isTrue();
        assertThat(http.get("/api/search?q=gil").status()).isEqualTo(200);
        sent++;

        store = EmbeddedNeo4j.start(storeDir, boltPort);
        long back = System.nanoTime();
        long recoveredAt = 0;
        long readsBackAt = 0;
        int failedWhileRecovering = 0;
        while (System.nanoTime() - back < 60_000_000_000L) {
            Http.Reply graph = http.get(uncachedGraphRequest());
            Http.Reply h = http.get("/health");
            sent += 2;
            if (graph.status() == 200 && readsBackAt == 0) readsBackAt = System.nanoTime();
            if (graph.status() == 200
                    && "UP".equals(h.json().path("status").asText())
                    && !running.service().reindexer().pendingGraph()) {
                recoveredAt = System.nanoTime();
                break;
            }
            failedWhileRecovering++;
            Thread.sleep(100);
        }
        assertThat(recoveredAt).as("recovered within 60 s").isPositive();
        assertThat(http.get("/api/concepts/gil/neighbours?depth=2").status()).isEqualTo(200);
        assertThat(http.get("/api/graph/stats").json().path("concepts").asInt()).isGreaterThan(80);

        System.out.printf(
                "GraphOutageIT: outage 6 s: %d requests sent, %d search failures, %d graph 503s "
                        + "(slowest %d ms), %d other graph answers; after the store was back: graph reads answer in %d ms, "
                        + "the re-index made during the outage is in the graph and /health is UP in %d ms (%d polls before)%n",
                sent,
                searchFailures,
                graph503,
                slowest503 / 1_000_000,
                graphOther,
                (readsBackAt - back) / 1_000_000,
                (recoveredAt - back) / 1_000_000,
                failedWhileRecovering);
        assertThat(searchFailures).isZero();
        assertThat(graph503)
                .as("many graph requests were answered during the outage")
                .isGreaterThan(20);
        assertThat(graphOther)
                .as("every uncached graph request during the outage is a 503")
                .isZero();
        assertThat(slowest503).as("503s come fast").isLessThan(1_000_000_000L);
    }

    @Test
    void aStoreThatComesBackWithoutTheGraphGetsItWrittenAgain() throws Exception {
        try (Driver driver = GraphDatabase.driver(store.boltUri(), store.authToken())) {
            driver.executableQuery("MATCH (n) DETACH DELETE n").execute(); // a restore from an empty volume
            long wiped = System.nanoTime();
            int concepts = 0;
            while (System.nanoTime() - wiped < 60_000_000_000L && concepts == 0) {
                Thread.sleep(200);
                concepts = driver.executableQuery("MATCH (c:Concept) RETURN count(c) AS n")
                        .execute()
                        .records()
                        .get(0)
                        .get("n")
                        .asInt();
            }
            long healedMs = (System.nanoTime() - wiped) / 1_000_000;
            assertThat(concepts).as("the graph is back").isGreaterThan(80);
            for (int i = 0;
                    i < 50
                            && http.get("/api/concepts?q=gil")
                                    .json()
                                    .path("concepts")
                                    .isEmpty();
                    i++) {
                Thread.sleep(100);
            }
            assertThat(http.get("/api/concepts?q=gil").json().path("concepts").size())
                    .isPositive();
            assertThat(http.get("/api/concepts/gil/neighbours?depth=2").status())
                    .isEqualTo(200);
            System.out.printf(
                    "GraphOutageIT: a store emptied under the service had its graph again in %d ms%n", healedMs);
        }
    }

    /** A concept lookup no one made before, so the graph cache cannot answer it: it must reach the store. */
    private String uncachedGraphRequest() {
        return "/api/concepts?q=probe-" + (++probes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }
}

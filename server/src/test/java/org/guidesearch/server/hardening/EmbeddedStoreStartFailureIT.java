package org.guidesearch.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.guidesearch.graph.store.BoltPortTakenException;
import org.guidesearch.graph.store.EmbeddedNeo4j;
import org.guidesearch.server.RunningService;
import org.guidesearch.server.app.GuideSearchService;
import org.guidesearch.server.app.ServiceConfig;
import org.guidesearch.server.web.WebConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded graph store cannot start. When that is a transient failure of the store itself (another process
 * holds its folder), the service starts anyway with search working, the graph answering 503 and /health DEGRADED,
 * and the graph comes up by itself once the store can start. When the Bolt port it was told to use is taken, that is
 * a configuration mistake: start-up fails with a message naming the port and the fix, instead of retrying against
 * whatever listens there.
 */
class EmbeddedStoreStartFailureIT {
    @TempDir
    Path state;

    @Test
    void aConfiguredBoltPortThatIsTakenFailsStartUpWithAMessageNamingThePortAndTheFix() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = squatter.getLocalPort();
            assertThatThrownBy(
                            () -> GuideSearchService.start(withBoltPort(port)).close())
                    .isInstanceOf(BoltPortTakenException.class)
                    .hasMessageContaining("Bolt port " + port + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("NEO4J_BOLT_PORT (--bolt-port)")
                    .hasMessageContaining("leave it unset");
        }
    }

    @Test
    void theServiceStartsDegradedWhileItsStoreCannotStartAndTheGraphComesUpWhenItCan() throws Exception {
        // Another process has the store's folder (a second service on the same STATE_DIR, a backup holding its lock).
        EmbeddedNeo4j holder = EmbeddedNeo4j.start(state.resolve("neo4j"), 0);
        try (RunningService running = RunningService.start(withBoltPort(0))) {
            Http http = new Http(running.service().port());
            JsonNode health = http.get("/health").json();
            assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(http.get("/api/search?q=gil")
                            .json()
                            .path("hits")
                            .get(0)
                            .path("anchor")
                            .asText())
                    .isEqualTo("131-the-global-interpreter-lock-gil");
            Http.Reply graph = http.get("/api/concepts/gil/neighbours?depth=2");
            assertThat(graph.status()).isEqualTo(503);
            graph.assertCleanJson();

            holder.close();
            long freed = System.nanoTime();
            String status = "";
            while (System.nanoTime() - freed < 90_000_000_000L && !status.equals("UP")) {
                Thread.sleep(250);
                status = http.get("/health").json().path("status").asText();
            }
            long recoveryMs = (System.nanoTime() - freed) / 1_000_000;
            System.out.printf("EmbeddedStoreStartFailureIT: graph UP %d ms after its folder was freed%n", recoveryMs);
            assertThat(status).isEqualTo("UP");
            assertThat(http.get("/api/concepts/gil/neighbours?depth=2").status())
                    .isEqualTo(200);
        } finally {
            holder.close();
        }
    }

    private ServiceConfig withBoltPort(int port) {
        ServiceConfig base = ServiceConfig.forTests(RunningService.corpusDir(), RunningService.dataDir(), state);
        return new ServiceConfig(
                base.guides(),
                base.stateDir(),
                0,
                null,
                null,
                null,
                null,
                port,
                List.of("*"),
                null,
                base.embeddingCache(),
                base.embeddingModels(),
                WebConfig.defaults().withRateLimit(0, 1));
    }
}

package org.guidesearch.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.guidesearch.server.RunningService;
import org.guidesearch.server.app.ServiceConfig;
import org.guidesearch.server.web.WebConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded graph store cannot start (something else holds its Bolt port): the service starts anyway with search
 * working, the graph answering 503 and /health DEGRADED, and the graph comes up by itself once the port is free.
 */
class EmbeddedStoreStartFailureIT {
  @TempDir Path state;

  @Test
  void theServiceStartsDegradedAndTheGraphComesUpWhenTheStoreCan() throws Exception {
    ServerSocket squatter = new ServerSocket();
    squatter.bind(new InetSocketAddress("127.0.0.1", 0));
    int port = squatter.getLocalPort();
    ServiceConfig base = ServiceConfig.forTests(RunningService.corpusDir(), RunningService.dataDir(), state);
    ServiceConfig config = new ServiceConfig(base.corpusDir(), base.dataDir(), base.stateDir(), 0, null, null, null,
        null, port, List.of("*"), null, base.siteBaseUrl(), base.embeddingCache(), base.embeddingModels(), WebConfig.defaults().withRateLimit(0, 1));
    try (RunningService running = RunningService.start(config)) {
      Http http = new Http(running.service().port());
      JsonNode health = http.get("/health").json();
      assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
      assertThat(http.get("/api/search?q=gil").json().path("hits").get(0).path("anchor").asText())
          .isEqualTo("131-the-global-interpreter-lock-gil");
      Http.Reply graph = http.get("/api/concepts/gil/neighbours?depth=2");
      assertThat(graph.status()).isEqualTo(503);
      graph.assertCleanJson();

      squatter.close();
      long freed = System.nanoTime();
      String status = "";
      while (System.nanoTime() - freed < 90_000_000_000L && !status.equals("UP")) {
        Thread.sleep(250);
        status = http.get("/health").json().path("status").asText();
      }
      long recoveryMs = (System.nanoTime() - freed) / 1_000_000;
      System.out.printf("EmbeddedStoreStartFailureIT: graph UP %d ms after its port was freed%n", recoveryMs);
      assertThat(status).isEqualTo("UP");
      assertThat(http.get("/api/concepts/gil/neighbours?depth=2").status()).isEqualTo(200);
    } finally {
      squatter.close();
    }
  }
}

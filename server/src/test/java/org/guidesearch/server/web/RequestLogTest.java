package org.guidesearch.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RequestLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestLog.Pending line(int status, String path) {
        return new RequestLog.Pending(1_700_000_000_000L, "192.0.2.1", "GET", "/api/search", path, status, 1.234f);
    }

    @Test
    void everyQueuedLineIsWrittenAsJsonInOrderByTheTimeTheLogCloses() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        RequestLog log = new RequestLog(RequestLog.Mode.ALL, new SimpleMeterRegistry(), written::add);
        for (int i = 0; i < 500; i++) log.offer(line(200, "/api/search/" + i));
        log.close();

        assertThat(written).hasSize(500);
        JsonNode first = JSON.readTree(written.get(0));
        assertThat(first.path("ts").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(first.path("status").asInt()).isEqualTo(200);
        assertThat(first.path("ms").asDouble()).isEqualTo(1.23);
        for (int i = 0; i < 500; i++) {
            assertThat(JSON.readTree(written.get(i)).path("path").asText()).isEqualTo("/api/search/" + i);
        }
    }

    @Test
    void linesQueuedWhileTheWriterPausesAppearWithinAFewPauses() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        try (RequestLog log = new RequestLog(RequestLog.Mode.ALL, new SimpleMeterRegistry(), written::add)) {
            log.offer(line(404, "/missing"));
            long deadline = System.nanoTime() + 20L * RequestLog.WRITE_EVERY_MS * 1_000_000;
            while (written.isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
            assertThat(written).hasSize(1);
            assertThat(JSON.readTree(written.get(0)).path("status").asInt()).isEqualTo(404);
        }
    }

    @Test
    void aWriterThatFallsBehindDropsAndCountsLinesInsteadOfHoldingRequests() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<String> written = new CopyOnWriteArrayList<>();
        RequestLog log = new RequestLog(RequestLog.Mode.ALL, registry, text -> {
            try {
                Thread.sleep(1); // a slow sink: the queue fills faster than it drains
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(text);
        });
        int offered = 3 * RequestLog.CAPACITY;
        for (int i = 0; i < offered; i++) log.offer(line(200, "/"));
        double dropped =
                registry.get("guidesearch.request.log.dropped").counter().count();
        log.close();

        assertThat(dropped).isGreaterThan(0);
        assertThat(written.size() + dropped).isLessThanOrEqualTo(offered);
    }
}

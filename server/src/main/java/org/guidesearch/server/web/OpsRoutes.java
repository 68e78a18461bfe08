package org.guidesearch.server.web;

import io.javalin.config.RoutesConfig;
import java.nio.charset.StandardCharsets;

/**
 * Routes for operators: {@code GET /metrics} (Prometheus text format) and {@code GET /health/live}, which answers
 * as long as the process serves HTTP, touching neither store (for load balancers and container liveness checks;
 * {@code /health} tells whether search and the graph work).
 */
public final class OpsRoutes {
    /** Written as bytes: probes come often, and this answer never changes. */
    private static final byte[] LIVE = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

    private final RequestMetrics metrics;

    public OpsRoutes(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    public void register(RoutesConfig routes) {
        routes.get(
                "/metrics",
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
        routes.get("/health/live", ctx -> ctx.contentType("application/json").result(LIVE));
    }
}

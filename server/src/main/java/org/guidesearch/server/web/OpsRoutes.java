package org.guidesearch.server.web;

import io.javalin.config.RoutesConfig;
import java.util.Map;

/**
 * Routes for operators: {@code GET /metrics} (Prometheus text format) and {@code GET /health/live}, which answers
 * as long as the process serves HTTP, touching neither store (for load balancers and container liveness checks;
 * {@code /health} tells whether search and the graph work).
 */
public final class OpsRoutes {
  private static final Map<String, String> LIVE = Map.of("status", "UP");
  private final RequestMetrics metrics;

  public OpsRoutes(RequestMetrics metrics) {
    this.metrics = metrics;
  }

  public void register(RoutesConfig routes) {
    routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    routes.get("/health/live", ctx -> ctx.json(LIVE));
  }
}

package org.guidesearch.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.guidesearch.graph.read.ConceptGraph;
import org.guidesearch.graph.store.GraphUnavailableException;
import org.guidesearch.indexer.query.SectionSearcher;
import org.guidesearch.server.serving.IndexSnapshot;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** {@code GET /health}: UP when both stores answer, DEGRADED when only search does, DOWN before the first index. */
public final class HealthRoutes {
  private final SectionSearcher searcher;
  private final Supplier<IndexSnapshot> serving;
  private final BooleanSupplier graphPending;
  private final ConceptGraph graph;
  private final String graphLocation;

  public HealthRoutes(SectionSearcher searcher, Supplier<IndexSnapshot> serving, BooleanSupplier graphPending,
      ConceptGraph graph, String graphLocation) {
    this.searcher = searcher;
    this.serving = serving;
    this.graphPending = graphPending;
    this.graph = graph;
    this.graphLocation = graphLocation;
  }

  public record Health(String status, Map<String, Object> components) {}

  public void register(RoutesConfig routes) {
    routes.get("/health", this::health);
  }

  public Health check() {
    Map<String, Object> components = new LinkedHashMap<>();
    IndexSnapshot snapshot = serving.get();
    boolean searchUp = searcher.isOpen() && snapshot != null;
    Map<String, Object> search = new LinkedHashMap<>();
    search.put("status", searchUp ? "UP" : "DOWN");
    if (searchUp) {
      search.put("sections", searcher.size());
      search.put("builtAt", snapshot.builtAt().toString());
      search.put("problems", snapshot.corpus().problems().stream().map(Object::toString).toList());
    }
    components.put("search", search);
    Map<String, Object> graphStatus = new LinkedHashMap<>();
    boolean graphUp;
    try {
      graph.ping();
      graphUp = !graphPending.getAsBoolean() && snapshot != null;
      graphStatus.put("status", graphUp ? "UP" : "DOWN");
      if (snapshot != null && graphPending.getAsBoolean()) graphStatus.put("message", "the graph is being rebuilt");
      if (graphUp) graphStatus.put("concepts", graph.stats().concepts());
    } catch (RuntimeException e) {
      graphUp = false;
      graphStatus.put("status", "DOWN");
      graphStatus.put("message",
          e instanceof GraphUnavailableException why ? why.getMessage() : "the graph store cannot be reached");
    }
    graphStatus.put("store", graphLocation);
    components.put("graph", graphStatus);
    String status = searchUp ? (graphUp ? "UP" : "DEGRADED") : "DOWN";
    return new Health(status, components);
  }

  private void health(Context ctx) {
    Health health = check();
    ctx.status("DOWN".equals(health.status()) ? 503 : 200).json(health);
  }
}

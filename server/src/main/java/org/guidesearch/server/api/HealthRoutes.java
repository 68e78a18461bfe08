package org.guidesearch.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidesearch.graph.read.ConceptGraph;
import org.guidesearch.graph.store.GraphUnavailableException;
import org.guidesearch.server.serving.GuideCatalog;
import org.guidesearch.server.serving.IndexSnapshot;
import org.guidesearch.server.serving.ServedGuide;

/**
 * {@code GET /health}: UP when both stores answer for every guide, DEGRADED when only search does, DOWN before the
 * first index of every guide.
 */
public final class HealthRoutes {
    private final GuideCatalog catalog;
    private final ConceptGraph graph;
    private final String graphLocation;

    public HealthRoutes(GuideCatalog catalog, ConceptGraph graph, String graphLocation) {
        this.catalog = catalog;
        this.graph = graph;
        this.graphLocation = graphLocation;
    }

    public record Health(String status, Map<String, Object> components) {}

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    public Health check() {
        Map<String, Object> components = new LinkedHashMap<>();
        boolean searchUp = catalog.ready();
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("status", searchUp ? "UP" : "DOWN");
        if (searchUp) {
            search.put("sections", catalog.sections());
            List<String> problems = new ArrayList<>();
            String builtAt = null;
            for (ServedGuide g : catalog.all()) {
                IndexSnapshot snapshot = g.snapshot();
                String prefix = catalog.several() ? g.id() + ": " : "";
                snapshot.corpus().problems().forEach(p -> problems.add(prefix + p));
                snapshot.curationSkipped().forEach(p -> problems.add(prefix + "curation: " + p));
                if (builtAt == null || snapshot.builtAt().toString().compareTo(builtAt) > 0) {
                    builtAt = snapshot.builtAt().toString();
                }
            }
            search.put("builtAt", builtAt);
            search.put("problems", problems);
        }
        components.put("search", search);
        Map<String, Object> graphStatus = new LinkedHashMap<>();
        boolean graphUp;
        try {
            graph.ping();
            boolean pending = catalog.pendingGraph();
            graphUp = !pending && searchUp;
            graphStatus.put("status", graphUp ? "UP" : "DOWN");
            if (searchUp && pending) graphStatus.put("message", "the graph is being rebuilt");
            if (graphUp) graphStatus.put("concepts", graph.stats().concepts());
        } catch (RuntimeException e) {
            graphUp = false;
            graphStatus.put("status", "DOWN");
            graphStatus.put(
                    "message",
                    e instanceof GraphUnavailableException why
                            ? why.getMessage()
                            : "the graph store cannot be reached");
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

package org.guidesearch.server.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.guidesearch.graph.read.ConceptGraph;
import org.guidesearch.graph.read.GraphStats;
import org.guidesearch.indexer.query.SectionSearcher;
import org.guidesearch.server.serving.GuideCatalog;
import org.guidesearch.server.serving.IndexSnapshot;
import org.guidesearch.server.serving.ServedGuide;

/**
 * Prometheus metrics: a latency histogram per route, method and status ({@code http_server_requests_seconds}), the
 * sizes of the index and the graph, the last re-index, the caches' hits, misses and sizes ({@code cache_gets_total} and
 * the rest by {@code cache} name), and the JVM (heap, GC, threads, CPU).
 *
 * <p>The route tag is the route's template ({@code /api/concepts/{id}}), never the raw path, so the number of series
 * stays bounded whatever clients send. Thread-safe; the owner closes it.
 */
public final class RequestMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public RequestMetrics(ConceptGraph graph, GuideCatalog catalog) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        CaffeineCacheMetrics.monitor(registry, graph.cache(), "concept_graph");
        // per guide (each has its own index and caches); the embedder's caches are shared by every guide
        for (ServedGuide g : catalog.all()) {
            SectionSearcher.CACHES.stream()
                    .filter(name -> !SectionSearcher.EMBEDDER_CACHES.contains(name) || g == catalog.first())
                    // Prometheus wants one set of label names per metric: a guide after the first is named in the
                    // cache's name ("term_states@second-guide") rather than in a label the other caches lack.
                    .forEach(name -> new SearcherCacheMetrics(
                                    g.searcher(), g == catalog.first() ? name : name + "@" + g.id(), name, Tags.empty())
                            .bindTo(registry));
        }
        Gauge.builder("guidesearch.index.sections", catalog, c -> c.ready() ? c.sections() : Double.NaN)
                .description("sections in the serving Lucene generation")
                .register(registry);
        graphGauge("guidesearch.graph.concepts", "concepts in the graph store", graph, GraphStats::concepts);
        graphGauge("guidesearch.graph.sections", "sections in the graph store", graph, GraphStats::sections);
        graphGauge("guidesearch.graph.mentions", "section-mentions-concept edges", graph, GraphStats::mentions);
        graphGauge(
                "guidesearch.graph.relations",
                "concept-to-concept relations",
                graph,
                s -> s.relationsByType().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        Gauge.builder("guidesearch.graph.pending", catalog, c -> c.pendingGraph() ? 1 : 0)
                .description("1 while a rebuilt graph waits for the graph store to come back")
                .register(registry);
        Gauge.builder("guidesearch.reindex.last.seconds", catalog, c -> reindexSeconds(latest(c)))
                .description("duration of the last successful re-index")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder(
                        "guidesearch.reindex.last.timestamp",
                        catalog,
                        c -> latest(c) == null
                                ? Double.NaN
                                : latest(c).builtAt().toEpochMilli() / 1000.0)
                .description("when the last successful re-index ended, in epoch seconds")
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Records one answered request; {@code millis} is the time Javalin measured for it. */
    public void record(Context ctx, float millis) {
        String method = ctx.method().name();
        int status = ctx.statusCode();
        String route = routeOf(ctx, status);
        String key = method + ' ' + status + ' ' + route;
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(
                    key,
                    k -> Timer.builder("http.server.requests")
                            .description("HTTP requests by route template, method and status")
                            .tag("method", method)
                            .tag("status", Integer.toString(status))
                            .tag("route", route)
                            .publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofNanos(50_000))
                            .maximumExpectedValue(Duration.ofSeconds(10))
                            .register(registry));
        }
        timer.record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** A request answered before routing (from the response cache) names its route here. */
    static final String ROUTE_ATTRIBUTE = "guidesearch.route";

    static String routeOf(Context ctx, int status) {
        if (ctx.attribute(ROUTE_ATTRIBUTE) instanceof String route) return route;
        Endpoint endpoint = null;
        try {
            endpoint = ctx.endpoints().lastHttpEndpoint();
        } catch (RuntimeException e) {
            // no endpoint matched
        }
        if (endpoint != null && endpoint.path != null && !endpoint.path.equals("*")) {
            return endpoint.path;
        }
        if (status == 429) return "rate_limited";
        return status < 400 ? "static" : "unmatched";
    }

    private void graphGauge(String name, String description, ConceptGraph graph, ToDoubleFunction<GraphStats> value) {
        Gauge.builder(name, graph, g -> {
                    try {
                        return value.applyAsDouble(g.stats());
                    } catch (RuntimeException e) {
                        return Double.NaN; // the store is down: no number rather than a wrong one
                    }
                })
                .description(description)
                .register(registry);
    }

    /** The most recent re-index of any guide, or null before the first. */
    private static IndexSnapshot latest(GuideCatalog catalog) {
        return catalog.all().stream()
                .map(g -> g.snapshot())
                .filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.comparing(IndexSnapshot::builtAt))
                .orElse(null);
    }

    private static double reindexSeconds(IndexSnapshot snapshot) {
        if (snapshot == null) return Double.NaN;
        var t = snapshot.timings();
        return (t.readMs() + t.indexMs() + Math.max(0, t.graphMs())) / 1000.0;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}

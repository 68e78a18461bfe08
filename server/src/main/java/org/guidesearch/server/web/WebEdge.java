package org.guidesearch.server.web;

import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.guidesearch.graph.read.ConceptGraph;
import org.guidesearch.server.serving.GuideCatalog;

/**
 * Everything between the network and the routes: client address, security headers, CORS, the rate limit, JSON for
 * errors Jetty and Javalin raise themselves, metrics, request logs, and the operator and admin routes.
 * {@link #configure} installs it on a Javalin configuration before any route is added. The owner closes it.
 */
public final class WebEdge implements AutoCloseable {
    private final WebConfig config;
    private final SecurityHeaders headers;
    private final CorsPolicy cors;
    private final RateLimiter limiter;
    private final RequestMetrics metrics;
    private final RequestLog log;
    private final AdminRoutes admin;
    private final OpsRoutes ops;
    private final ResponseCache cache;

    public WebEdge(
            WebConfig config, List<String> corsOrigins, String adminToken, ConceptGraph graph, GuideCatalog catalog) {
        this.config = config;
        this.headers = SecurityHeaders.forBundledPages(config.frameAncestors(), "public");
        this.cors = new CorsPolicy(corsOrigins);
        this.metrics = new RequestMetrics(graph, catalog);
        this.limiter = new RateLimiter(config.rateLimitPerMinute(), config.rateLimitBurst(), metrics.registry());
        this.log = new RequestLog(config.requestLog(), metrics.registry());
        this.admin = new AdminRoutes(adminToken, catalog);
        this.ops = new OpsRoutes(metrics);
        // Search answers depend only on the index, which changes with the re-index's snapshot.
        this.cache = new ResponseCache(
                config.responseCacheBytes(),
                Set.of("/api/search", "/api/suggest"),
                catalog::generation,
                metrics.registry());
    }

    public void configure(JavalinConfig javalin) {
        javalin.http.prefer405over404 = true;
        if (config.trustProxy()) {
            javalin.contextResolver.ip = WebEdge::forwardedClient;
        }
        javalin.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            // Javalin writes an answer in writes of 8 KiB, Jetty's default aggregation size: a search answer of 9 KiB
            // and more went out chunked, in two writes to the socket. Aggregated up to the output buffer's size, an
            // answer that fits goes out whole, with its Content-Length.
            http.setOutputAggregationSize(http.getOutputBufferSize());
        });
        // Javalin copies every answer to Jetty through a buffer it allocates per answer, by default as large as Jetty's
        // output buffer (32 KiB): a fifth of what a new search allocated (JFR), zeroed and mostly unused. 16 KiB holds
        // a ten-hit answer (~9 KiB) in one copy; a larger one takes more, which Jetty's aggregation still sends whole.
        javalin.http.responseBufferSize = 16 * 1024;
        javalin.http.compressionStrategy = compression();
        javalin.routes.before(ctx -> {
            headers.apply(ctx);
            if (ctx.method() == HandlerType.OPTIONS) {
                // answered here rather than by an OPTIONS route on every path, which would turn every 404 into a 405
                cors.preflight(ctx);
                ctx.skipRemainingHandlers();
                return;
            }
            cors.apply(ctx);
            if (limiter.apply(ctx)) cache.serve(ctx);
        });
        javalin.routes.after(cache::store);
        admin.register(javalin.routes);
        ops.register(javalin.routes);
        javalin.requestLogger.http((ctx, millis) -> {
            metrics.record(ctx, millis);
            log.record(ctx, millis);
        });
    }

    /**
     * Javalin's gzip, with JSON named as compressible: Javalin otherwise checks every answer's content type against
     * each excluded type, case-insensitively (2 % of a new keyword search's CPU in the profile), before it looks at
     * whether the client accepts gzip at all.
     */
    private static CompressionStrategy compression() {
        CompressionStrategy gzip = new CompressionStrategy(null, new Gzip());
        List<String> allowed = new ArrayList<>(gzip.getAllowedMimeTypes());
        allowed.add(ContentType.JSON);
        gzip.setAllowedMimeTypes(List.copyOf(allowed));
        return gzip;
    }

    public RequestMetrics metrics() {
        return metrics;
    }

    /** The address the nearest proxy saw: the last {@code X-Forwarded-For} entry, which clients cannot forge. */
    static String forwardedClient(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded != null) {
            int comma = forwarded.lastIndexOf(',');
            String last = (comma < 0 ? forwarded : forwarded.substring(comma + 1)).strip();
            if (!last.isEmpty() && last.length() <= 64) return last;
        }
        return ctx.req().getRemoteAddr();
    }

    @Override
    public void close() {
        log.close();
        metrics.close();
    }
}

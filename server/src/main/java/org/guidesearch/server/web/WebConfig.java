package org.guidesearch.server.web;

import java.util.Objects;

/**
 * How the public edge of the service behaves: rate limit, proxy trust, framing and request logs.
 *
 * @param rateLimitPerMinute requests each client may make per minute on average; 0 turns the limit off
 * @param rateLimitBurst     requests a client may make at once before the average applies
 * @param trustProxy         take the client address from the last {@code X-Forwarded-For} entry (only behind a
 *                           proxy that sets it; otherwise clients could pick their own address)
 * @param frameAncestors     the CSP {@code frame-ancestors} sources allowed to frame the pages, e.g. {@code 'self'}
 * @param requestLog         which requests get a structured log line
 * @param responseCacheBytes bodies of search answers kept until the next re-index; 0 turns the cache off
 */
public record WebConfig(
        int rateLimitPerMinute,
        int rateLimitBurst,
        boolean trustProxy,
        String frameAncestors,
        RequestLog.Mode requestLog,
        long responseCacheBytes) {

    public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 1200;
    public static final int DEFAULT_RATE_LIMIT_BURST = 200;
    public static final long DEFAULT_RESPONSE_CACHE_BYTES = 32L << 20;

    public WebConfig {
        if (rateLimitPerMinute < 0) throw new IllegalArgumentException("rateLimitPerMinute must not be negative");
        if (rateLimitBurst < 1) throw new IllegalArgumentException("rateLimitBurst must be at least 1");
        frameAncestors = frameAncestors == null || frameAncestors.isBlank() ? "'self'" : frameAncestors.strip();
        if (frameAncestors.matches(".*[;,\\r\\n].*")) {
            throw new IllegalArgumentException("frameAncestors is a space-separated source list, without ';' or ','");
        }
        Objects.requireNonNull(requestLog, "requestLog");
        if (responseCacheBytes < 0) throw new IllegalArgumentException("responseCacheBytes must not be negative");
    }

    /** Generous enough for people and the bundled pages; tight enough that one client cannot hog the service. */
    public static WebConfig defaults() {
        return new WebConfig(
                DEFAULT_RATE_LIMIT_PER_MINUTE,
                DEFAULT_RATE_LIMIT_BURST,
                false,
                "'self'",
                RequestLog.Mode.ALL,
                DEFAULT_RESPONSE_CACHE_BYTES);
    }

    public WebConfig withRateLimit(int perMinute, int burst) {
        return new WebConfig(perMinute, burst, trustProxy, frameAncestors, requestLog, responseCacheBytes);
    }

    public WebConfig withTrustProxy(boolean trust) {
        return new WebConfig(rateLimitPerMinute, rateLimitBurst, trust, frameAncestors, requestLog, responseCacheBytes);
    }

    public WebConfig withFrameAncestors(String sources) {
        return new WebConfig(rateLimitPerMinute, rateLimitBurst, trustProxy, sources, requestLog, responseCacheBytes);
    }

    public WebConfig withResponseCacheBytes(long maxBytes) {
        return new WebConfig(rateLimitPerMinute, rateLimitBurst, trustProxy, frameAncestors, requestLog, maxBytes);
    }

    public WebConfig withRequestLog(RequestLog.Mode mode) {
        return new WebConfig(rateLimitPerMinute, rateLimitBurst, trustProxy, frameAncestors, mode, responseCacheBytes);
    }
}

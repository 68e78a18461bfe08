package org.guidesearch.server.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import org.guidesearch.server.api.ApiError;

/**
 * A token bucket per client address: {@code burst} requests at once, refilled at {@code perMinute} a minute. A client
 * over its limit gets 429 with {@code Retry-After} (whole seconds until a token is back) and the request goes no
 * further.
 *
 * <p>Memory stays bounded: a bucket idle long enough to be full again is dropped (a new bucket is full, so nothing
 * changes for its client), and past {@link #MAX_CLIENTS} addresses (a flood from many addresses) the buckets used
 * least are dropped. The buckets are in the registry as the cache {@value #NAME}. Thread-safe.
 */
public final class RateLimiter {
    static final int MAX_CLIENTS = 50_000;
    /** The buckets' name in the metrics. */
    static final String NAME = "rate_limit_clients";

    private final long perMinute;
    private final long burst;
    private final Cache<Client, Bucket> buckets;
    private final Counter limited;

    /** @param perMinute 0 turns the limiter off */
    public RateLimiter(int perMinute, int burst, MeterRegistry registry) {
        this.perMinute = perMinute;
        this.burst = burst;
        // time for an empty bucket to fill up: after that an idle bucket equals a new one
        long refillNanos = perMinute == 0 ? 0 : Duration.ofMinutes(1).toNanos() / perMinute * burst;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_CLIENTS)
                .expireAfterAccess(Duration.ofNanos(refillNanos))
                .executor(Runnable::run) // evict on the request's thread: no background tasks to own or stop
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, buckets, NAME);
        this.limited = Counter.builder("guidesearch.requests.rate.limited")
                .description("requests answered 429 because their client was over its limit")
                .register(registry);
    }

    public boolean enabled() {
        return perMinute > 0;
    }

    /** Returns true when the request may go on; otherwise it has been answered 429. */
    public boolean apply(Context ctx) {
        if (!enabled()) return true;
        long retryAfterSeconds = tryAcquire(ctx.ip());
        if (retryAfterSeconds > 0) {
            limited.increment();
            ctx.header("Retry-After", Long.toString(retryAfterSeconds));
            ctx.status(429)
                    .json(new ApiError(
                            "rate_limited",
                            "too many requests from your address; retry in " + retryAfterSeconds + " s"));
            ctx.skipRemainingHandlers();
            return false;
        }
        return true;
    }

    /** Takes a token for {@code client}; returns 0 when granted, else the whole seconds until one is available. */
    long tryAcquire(String client) {
        ConsumptionProbe probe =
                buckets.get(new Client(client), c -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return 0;
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    long trackedClients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    private record Client(String address) {}
}

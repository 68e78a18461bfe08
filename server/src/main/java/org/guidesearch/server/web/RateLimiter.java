package org.guidesearch.server.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.guidesearch.server.api.ApiError;

/**
 * A token bucket per client address: {@code burst} requests at once, refilled at {@code perMinute} a minute. A client
 * over its limit gets 429 with {@code Retry-After} (whole seconds until a token is back) and the request goes no
 * further.
 *
 * <p>Memory stays bounded: when {@link #MAX_CLIENTS} addresses are tracked, buckets idle long enough to be full again
 * are dropped (a new bucket is full, so nothing changes for their clients), at most once a second; if that frees
 * nothing (a flood from many addresses), every bucket is dropped. Thread-safe.
 */
public final class RateLimiter {
  static final int MAX_CLIENTS = 50_000;

  private final long perMinute;
  private final long burst;
  private final long refillNanos;
  private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();
  private final Counter limited;
  private volatile long lastSweep = System.nanoTime() - 2_000_000_000L;

  /** @param perMinute 0 turns the limiter off */
  public RateLimiter(int perMinute, int burst, MeterRegistry registry) {
    this.perMinute = perMinute;
    this.burst = burst;
    // time for an empty bucket to fill up: after that an idle bucket equals a new one
    this.refillNanos = perMinute == 0 ? 0 : Duration.ofMinutes(1).toNanos() / perMinute * burst;
    this.limited = Counter.builder("guidesearch.requests.rate.limited")
        .description("requests answered 429 because their client was over its limit").register(registry);
  }

  public boolean enabled() {
    return perMinute > 0;
  }

  /** Returns true when the request may go on; otherwise it has been answered 429. */
  public boolean apply(Context ctx) {
    if (!enabled()) return true;
    long retryAfterSeconds = tryAcquire(ctx.ip(), System.nanoTime());
    if (retryAfterSeconds > 0) {
      limited.increment();
      ctx.header("Retry-After", Long.toString(retryAfterSeconds));
      ctx.status(429).json(new ApiError("rate_limited",
          "too many requests from your address; retry in " + retryAfterSeconds + " s"));
      ctx.skipRemainingHandlers();
      return false;
    }
    return true;
  }

  /** Takes a token for {@code client}; returns 0 when granted, else the whole seconds until one is available. */
  long tryAcquire(String client, long now) {
    Entry entry = buckets.get(client);
    if (entry == null) {
      if (buckets.size() >= MAX_CLIENTS) evictIdle(now);
      entry = buckets.computeIfAbsent(client, c -> new Entry(newBucket()));
    }
    entry.lastSeen = now;
    ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) return 0;
    return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
  }

  int trackedClients() {
    return buckets.size();
  }

  private synchronized void evictIdle(long now) {
    if (buckets.size() < MAX_CLIENTS || now - lastSweep < 1_000_000_000L) return;
    lastSweep = now;
    buckets.entrySet().removeIf(e -> now - e.getValue().lastSeen > refillNanos);
    if (buckets.size() >= MAX_CLIENTS) buckets.clear();
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)))
        .build();
  }

  private static final class Entry {
    final Bucket bucket;
    volatile long lastSeen;

    Entry(Bucket bucket) {
      this.bucket = bucket;
    }
  }
}

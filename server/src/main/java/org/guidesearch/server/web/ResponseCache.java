package org.guidesearch.server.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Whole answers of search routes, kept until the data they came from changes. The index only changes at a re-index,
 * so an answer is valid as long as the {@code generation} it was computed under is still current; any other
 * generation empties the cache. Only 200 answers to GET are kept, keyed by path and the query parameters in sorted
 * order.
 *
 * <p>An answer is kept the second time it is asked for, not the first ({@link AskedBefore}): most searches are new
 * text (every keystroke of a typeahead), and keeping each of them churned the heap for answers nobody asked again.
 * A kept answer is byte for byte the one it was computed as, including its {@code tookMs}; it carries {@code X-Cache:
 * hit}.
 * Memory is bounded by {@code maxBytes} of bodies: past it the answers used least are dropped. Its statistics are
 * in the registry as the cache {@value #NAME}. Thread-safe.
 */
public final class ResponseCache {
    private static final String KEY = "response-cache.key";
    private static final String GENERATION = "response-cache.generation";
    private static final int MAX_KEY_LENGTH = 2048;
    /** The cache's name in the metrics. */
    static final String NAME = "search_answers";

    private final long maxBytes;
    private final Set<String> paths;
    private final Supplier<Object> generation;
    private final Cache<Key, Entry> entries;
    private final Counter hits;
    private final Counter misses;
    private final AskedBefore asked = new AskedBefore();
    private volatile Object current;

    /** @param maxBytes 0 turns the cache off */
    public ResponseCache(long maxBytes, Set<String> paths, Supplier<Object> generation, MeterRegistry registry) {
        this.maxBytes = maxBytes;
        this.paths = Set.copyOf(paths);
        this.generation = generation;
        this.hits = Counter.builder("guidesearch.response.cache")
                .tag("result", "hit")
                .register(registry);
        this.misses = Counter.builder("guidesearch.response.cache")
                .tag("result", "miss")
                .register(registry);
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, Entry entry) -> entry.body().length)
                .executor(Runnable::run) // evict on the request's thread: no background tasks to own or stop
                .recordStats()
                .build();
        Gauge.builder(
                        "guidesearch.response.cache.bytes",
                        entries,
                        c -> c.policy()
                                .eviction()
                                .map(e -> e.weightedSize().orElse(0))
                                .orElse(0L))
                .register(registry);
        CaffeineCacheMetrics.monitor(registry, entries, NAME);
    }

    /** A route's path and its query parameters in sorted order. */
    private record Key(String path, String query) {}

    private record Entry(Object generation, String contentType, byte[] body) {}

    /** Answers from the cache and returns true, or remembers what to store once the route has answered. */
    public boolean serve(Context ctx) {
        if (maxBytes == 0 || ctx.method() != HandlerType.GET || !paths.contains(ctx.path())) return false;
        String query = ctx.queryString();
        Key key = new Key(ctx.path(), query == null ? "" : sorted(query));
        if (key.path().length() + 1 + key.query().length() > MAX_KEY_LENGTH) return false;
        Object gen = generation.get();
        if (gen == null) return false;
        if (gen != current) {
            synchronized (this) {
                if (gen != current) {
                    entries.invalidateAll();
                    current = gen;
                }
            }
        }
        Entry hit = entries.getIfPresent(key);
        if (hit != null && hit.generation == gen) {
            hits.increment();
            ctx.status(200)
                    .contentType(hit.contentType)
                    .header("X-Cache", "hit")
                    .result(hit.body);
            ctx.attribute(RequestMetrics.ROUTE_ATTRIBUTE, ctx.path()); // the cached paths are route templates
            ctx.skipRemainingHandlers();
            return true;
        }
        misses.increment();
        if (!asked.twice(key.hashCode())) return false;
        ctx.attribute(KEY, key);
        ctx.attribute(GENERATION, gen);
        return false;
    }

    /** After the route: keeps a 200 answer if the data it came from is still the current data. */
    public void store(Context ctx) {
        Key key = ctx.attribute(KEY);
        Object gen = ctx.attribute(GENERATION);
        if (key == null || gen == null || ctx.statusCode() != 200 || gen != current) return;
        String type = ctx.res().getContentType();
        InputStream result = ctx.resultInputStream();
        if (result == null || type == null) return;
        // The bytes as they stand (ctx.result() would decode them to a String, to be encoded again here), put back
        // for Javalin to write.
        byte[] body;
        try {
            body = result.readAllBytes();
        } catch (IOException e) {
            return; // a body that cannot be read again is answered, not kept
        }
        ctx.result(body);
        entries.put(key, new Entry(gen, type, body));
    }

    /**
     * Which keys were asked for recently, by their hash in a table of fixed size: a key's slot holds the last hash that
     * fell there. A lost mark (another key took the slot, or two threads raced) costs one more miss; two keys with the
     * same hash cost one answer kept early. Neither changes an answer.
     *
     * <p>Kept on the first miss, the answers to never-repeated queries were each copied, outlived a few young
     * collections, were promoted and dropped: side by side under the unseen keyword mix, a service keeping answers
     * only at their second asking answered 5,515 against 5,064 req/s (ahead in 9 of 12 rounds of 8 s), its survivor
     * space 0.35 MB against 37 MB (README, "Benchmark").
     */
    private static final class AskedBefore {
        private static final int SLOTS = 1 << 16; // 256 KiB

        private final int[] hashes = new int[SLOTS];

        /** Whether {@code hash} was asked for before; marks it as asked. */
        boolean twice(int hash) {
            int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
            if (hashes[slot] == hash) return true;
            hashes[slot] = hash;
            return false;
        }
    }

    private static String sorted(String query) {
        if (query.indexOf('&') < 0) return query;
        String[] parts = query.split("&");
        Arrays.sort(parts);
        return String.join("&", parts);
    }
}

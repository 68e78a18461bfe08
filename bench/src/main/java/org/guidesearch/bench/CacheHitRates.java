package org.guidesearch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's caches as its {@code /metrics} counts them ({@code cache_gets_total}, {@code cache_size}), read
 * before and after a load so that the hit rates printed are those of that load alone.
 *
 * @param gets per cache, its hits and misses so far
 * @param sizes per cache, its entries now
 */
record CacheHitRates(Map<String, long[]> gets, Map<String, Long> sizes) {
    private static final Pattern GETS =
            Pattern.compile("^cache_gets_total\\{cache=\"([^\"]+)\"[^}]*result=\"(hit|miss)\"[^}]*} ([0-9.eE+-]+)$");
    private static final Pattern SIZE = Pattern.compile("^cache_size\\{cache=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$");

    /** Reads the counters out of a Prometheus text exposition. */
    static CacheHitRates parse(String metrics) {
        Map<String, long[]> gets = new TreeMap<>();
        Map<String, Long> sizes = new TreeMap<>();
        for (String line : metrics.split("\n")) {
            Matcher g = GETS.matcher(line.strip());
            if (g.matches()) {
                long[] counts = gets.computeIfAbsent(g.group(1), k -> new long[2]);
                counts[g.group(2).equals("hit") ? 0 : 1] += (long) Double.parseDouble(g.group(3));
                continue;
            }
            Matcher s = SIZE.matcher(line.strip());
            if (s.matches()) sizes.merge(s.group(1), (long) Double.parseDouble(s.group(2)), Long::sum);
        }
        return new CacheHitRates(gets, sizes);
    }

    /** One line per cache used between {@code before} and this reading: its hit rate, gets and size. */
    List<String> since(CacheHitRates before) {
        List<String> out = new ArrayList<>();
        gets.forEach((cache, now) -> {
            long[] then = before.gets().getOrDefault(cache, new long[2]);
            long hits = now[0] - then[0];
            long requests = hits + now[1] - then[1];
            if (requests == 0) return;
            out.add(String.format(
                    Locale.ROOT,
                    "  %-28s hit rate %5.1f %% of %,d gets, %,d entries at the end",
                    cache,
                    100.0 * hits / requests,
                    requests,
                    sizes.getOrDefault(cache, 0L)));
        });
        return out;
    }
}

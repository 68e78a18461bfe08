package org.guidesearch.server.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import java.util.Optional;
import org.guidesearch.indexer.query.SectionSearcher;

/**
 * One of the searcher's caches ({@link SectionSearcher#CACHES}) as the meters Micrometer gives any Caffeine cache
 * ({@code cache.gets} by result, {@code cache.puts}, {@code cache.evictions}, {@code cache.size}). The searcher makes
 * new caches for every index generation, so these meters ask it for the serving one at each scrape instead of
 * holding one; the counts cover every generation since the searcher was made.
 */
final class SearcherCacheMetrics extends CacheMeterBinder<SectionSearcher> {
    private final String name;

    /**
     * @param meterName the {@code cache} label the meters carry
     * @param name      which of the searcher's caches ({@link SectionSearcher#CACHES})
     */
    SearcherCacheMetrics(SectionSearcher searcher, String meterName, String name, Tags tags) {
        super(searcher, meterName, tags);
        this.name = name;
    }

    @Override
    protected Long size() {
        return cache().map(Cache::estimatedSize).orElse(0L);
    }

    @Override
    protected long hitCount() {
        return stats().hitCount();
    }

    @Override
    protected Long missCount() {
        return stats().missCount();
    }

    @Override
    protected Long evictionCount() {
        return stats().evictionCount();
    }

    @Override
    protected long putCount() {
        return stats().loadCount(); // as Micrometer counts a Caffeine cache's puts
    }

    @Override
    protected void bindImplementationSpecificMetrics(MeterRegistry registry) {}

    private Optional<Cache<?, ?>> cache() {
        SectionSearcher searcher = getCache();
        return searcher == null ? Optional.empty() : searcher.cache(name);
    }

    private CacheStats stats() {
        return cache().map(Cache::stats).orElse(CacheStats.empty());
    }
}

package org.guidesearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guidesearch.graph.store.GraphVersion;
import org.guidesearch.graph.store.StoreIdentity;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.corpus.SectionSplitter;
import org.guidesearch.indexer.guide.GuideManifest;
import org.guidesearch.indexer.query.SectionSearcher;
import org.guidesearch.server.app.GuideSearchService;
import org.guidesearch.server.app.ServiceConfig;
import org.guidesearch.server.serving.ReindexTimings;
import org.guidesearch.server.web.WebConfig;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * The benchmark command ({@code ./bench/run}): JMH for search and neighbourhoods in-process, then the real service
 * started in this JVM on loopback under HTTP load from wrk (a separate process), beside a plain Javalin endpoint that
 * is the ceiling, then start-up, re-index and heap figures. Prints one table. Options: {@code --seconds=N} per wrk run
 * (default 8, max 20), {@code --rounds=N} (3), {@code --warmup=N} seconds per row at most before the rounds, less
 * once its throughput stops rising (120), {@code --connections=N} (32), {@code --no-jmh}, {@code --only=TEXT} (rows
 * whose label contains TEXT, and the ceilings).
 */
public final class BenchMain {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int seconds = Math.min(20, Integer.parseInt(opts.getOrDefault("seconds", "8")));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "3"));
        // At most 120 s per row, less once its throughput stops rising (HttpLoadRounds): on two cores the JIT's
        // compiler threads share the CPU with 32 busy request threads, and a fresh service needs about a minute of new
        // queries before it runs them at full speed (after a fixed 20 s per row the keyword row measured 5,755 req/s
        // on a service that reached 7,000-7,800 once warm).
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "120"));
        int connections = Integer.parseInt(opts.getOrDefault("connections", "32"));
        boolean jmh = !opts.containsKey("no-jmh");
        String only = opts.get("only");

        List<String> report = new ArrayList<>();
        report.add(String.format(
                "guide-search benchmark — %d cores, max heap %d MiB, Java %s, %s; load average at start: %s",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"),
                java.time.LocalDate.now(),
                loadAverage()));

        if (jmh) {
            report.add("");
            report.add("In-process (JMH 1.37, SampleTime, 1 fork, 1 thread, 2×1 s warm-up, 3×2 s measured)");
            report.add(String.format(
                    "%-48s %10s %10s %10s %12s", "operation", "p50 µs", "p99 µs", "mean µs", "ops/s/thread"));
            for (RunResult r : runJmh()) {
                Statistics s = r.getPrimaryResult().getStatistics();
                report.add(String.format(
                        Locale.ROOT,
                        "%-48s %10.1f %10.1f %10.1f %12.0f",
                        label(r.getParams().getBenchmark()),
                        s.getPercentile(50),
                        s.getPercentile(99),
                        s.getMean(),
                        1e6 / s.getMean()));
            }
            double[] cpu = searchCpuMicros(5, 5);
            report.add(String.format(
                    Locale.ROOT,
                    "%-48s %10.1f %10.1f %10.1f %12s",
                    "SectionSearcher.search, thread CPU time",
                    cpu[0],
                    cpu[1],
                    cpu[2],
                    "(" + (long) cpu[3] + " ops)"));
        }

        Path state = Files.createTempDirectory("bench-state");
        ServiceConfig config = ServiceConfig.local(
                        new GuideManifest(List.of(Fixtures.guide())),
                        state,
                        // The repository's own embedding cache keeps the bench from re-embedding the guide every run.
                        Fixtures.dataDir()
                                .toAbsolutePath()
                                .resolveSibling("var")
                                .resolve("embeddings.bin"))
                // The limiter stays on (its cost is measured) with a limit no loopback run reaches.
                .withWeb(WebConfig.defaults().withRateLimit(Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2));
        long t0 = System.nanoTime();
        GuideSearchService service = GuideSearchService.start(config);
        long startMs = (System.nanoTime() - t0) / 1_000_000;
        try {
            String health = getJson(service.port(), "/health").path("status").asText();
            long healthyMs = (System.nanoTime() - t0) / 1_000_000;

            report.add("");
            CacheHitRates before = CacheHitRates.parse(getText(service.port(), "/metrics"));
            report.addAll(httpLoad(service.port(), seconds, rounds, warmup, connections, only));
            report.add(
                    "Caches during the HTTP load (every one is bounded; the judged rows are answered from "
                            + "search_answers, so the search caches below saw the unseen queries and the judged ones' first pass):");
            report.addAll(
                    CacheHitRates.parse(getText(service.port(), "/metrics")).since(before));

            List<Long> keptMs = new ArrayList<>();
            List<Long> rewrittenMs = new ArrayList<>();
            ReindexTimings last = null;
            String store =
                    String.valueOf(((Map<?, ?>) service.health().components().get("graph")).get("store"));
            try (Driver driver = GraphDatabase.driver(
                    store, StoreIdentity.ofFolder(state.resolve("neo4j")).authToken())) {
                GraphVersion version =
                        new GraphVersion(driver, "neo4j", Fixtures.guide().id());
                for (int i = 0; i < 3; i++) {
                    long r0 = System.nanoTime();
                    service.reindexer().reindex();
                    keptMs.add((System.nanoTime() - r0) / 1_000_000);
                }
                for (int i = 0; i < 3; i++) {
                    version.forget();
                    long r0 = System.nanoTime();
                    last = service.reindexer().reindex().timings();
                    rewrittenMs.add((System.nanoTime() - r0) / 1_000_000);
                }
            }
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long heapAfterGc = memory.getHeapMemoryUsage().getUsed();
            long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed())
                    .sum();

            report.add("");
            report.add(String.format(
                    "start to healthy: %d ms (GuideSearchService.start on a fresh state folder, embedded "
                            + "Neo4j, first index; /health %s at %d ms)",
                    startMs, health, healthyMs));
            report.add(String.format("re-index, warm, guide unchanged (graph kept): %s ms", keptMs));
            report.add(String.format(
                    "re-index, warm, graph rewritten: %s ms (last: read+model %d ms, Lucene %d ms, graph %d ms)",
                    rewrittenMs, last.readMs(), last.indexMs(), last.graphMs()));
            report.add("load average at the end: " + loadAverage()
                    + " (other processes on the machine inflate wall times; "
                    + "CPU µs per request/op do not depend on them as much)");
            report.add(String.format(
                    "heap: %d MiB live after GC at the end, pools' peak sum %d MiB, max %d MiB",
                    heapAfterGc >> 20, peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20));
        } finally {
            service.close();
            Fixtures.deleteRecursively(state);
        }
        System.out.println();
        report.forEach(System.out::println);
    }

    /** Thread CPU time per {@link SectionSearcher#search}, after a warm-up: robust when the machine is shared. */
    private static double[] searchCpuMicros(int warmupSeconds, int seconds) throws IOException {
        SearchBenchmark bench = new SearchBenchmark();
        bench.setUp();
        try {
            SearchBenchmark.Cursor cursor = new SearchBenchmark.Cursor();
            long end = System.nanoTime() + warmupSeconds * 1_000_000_000L;
            while (System.nanoTime() < end) bench.keywordSearch(cursor);
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] samples = new long[1 << 20];
            int n = 0;
            end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end && n < samples.length) {
                long c0 = threads.getCurrentThreadCpuTime();
                bench.keywordSearch(cursor);
                samples[n++] = threads.getCurrentThreadCpuTime() - c0;
            }
            long[] sorted = java.util.Arrays.copyOf(samples, n);
            java.util.Arrays.sort(sorted);
            return new double[] {
                sorted[n / 2] / 1000.0,
                sorted[(int) Math.min(n - 1, Math.ceil(n * 0.99))] / 1000.0,
                java.util.Arrays.stream(sorted).average().orElse(Double.NaN) / 1000.0,
                n
            };
        } finally {
            bench.tearDown();
        }
    }

    /** The 1-, 5- and 15-minute load averages: other processes on the machine inflate every wall time. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ", 4);
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * The HTTP table: wrk from outside this JVM against a plain Javalin endpoint (the ceiling), the service's
     * {@code /health/live}, and search on queries never sent before (two or six of the guide's words, two to one) in
     * keyword and the default mode, and questions made of them in the default mode, at {@code connections} and at one
     * connection; the judged queries, repeated, last.
     */
    private static List<String> httpLoad(int port, int seconds, int rounds, int warmup, int connections, String only)
            throws IOException {
        Path folder = Path.of("bench/target/wrk").toAbsolutePath();
        Wrk wrk = new Wrk(folder);
        List<String> words = Fixtures.guideWords(new CorpusReader(new SectionSplitter())
                .read(Fixtures.corpusDir())
                .sections());
        Path wordFile = HttpLoadRounds.writeLines(folder.resolve("words.txt"), words);
        List<String> judged = Fixtures.keywordQueries().stream()
                .map(q -> "/api/search?q=" + enc(q))
                .toList();
        Path judgedKeyword = HttpLoadRounds.writeLines(
                folder.resolve("judged-keyword.txt"),
                judged.stream().map(p -> p + "&mode=keyword").toList());
        Path judgedDefault = HttpLoadRounds.writeLines(folder.resolve("judged-default.txt"), judged);

        String service = "http://127.0.0.1:" + port;
        int threads = Math.min(2, connections);
        try (PlainEndpoint plain = new PlainEndpoint()) {
            List<HttpLoadRounds.Row> rows = new ArrayList<>();
            rows.add(new HttpLoadRounds.Row(
                    "plain Javalin endpoint, one route, no filters (ceiling)",
                    true,
                    threads,
                    connections,
                    plain.url(),
                    null,
                    first -> List.of(),
                    false));
            rows.add(new HttpLoadRounds.Row(
                    "the service's /health/live",
                    false,
                    threads,
                    connections,
                    service + "/health/live",
                    null,
                    first -> List.of(),
                    false));
            for (int c : List.of(connections, 1)) {
                int t = Math.min(threads, c);
                if (c == 1) {
                    rows.add(new HttpLoadRounds.Row(
                            "plain Javalin endpoint, one connection (ceiling)",
                            true,
                            t,
                            c,
                            plain.url(),
                            null,
                            first -> List.of(),
                            false));
                }
                for (String mode : List.of("keyword", "default")) {
                    rows.add(new HttpLoadRounds.Row(
                            mode + " mode, unseen queries (2/6-word mix, never repeated)",
                            false,
                            t,
                            c,
                            service,
                            wrk.script("unseen-queries.lua"),
                            first -> List.of(wordFile.toString(), mode, Long.toString(first), Integer.toString(t)),
                            true));
                }
                // Typed questions are embedded whole by the transformer: what a question costs, apart from the mix.
                rows.add(new HttpLoadRounds.Row(
                        "default mode, unseen questions (\"how does A B work\", never repeated)",
                        false,
                        t,
                        c,
                        service,
                        wrk.script("unseen-queries.lua"),
                        first -> List.of(wordFile.toString(), "questions", Long.toString(first), Integer.toString(t)),
                        true));
            }
            rows.add(new HttpLoadRounds.Row(
                    "keyword mode, judged queries repeated (answers cached)",
                    false,
                    threads,
                    connections,
                    service,
                    wrk.script("judged-queries.lua"),
                    first -> List.of(judgedKeyword.toString()),
                    false));
            rows.add(new HttpLoadRounds.Row(
                    "default mode, judged queries repeated (answers cached)",
                    false,
                    threads,
                    connections,
                    service,
                    wrk.script("judged-queries.lua"),
                    first -> List.of(judgedDefault.toString()),
                    false));
            if (only != null) rows.removeIf(r -> !r.ceiling() && !r.label().contains(only));

            List<String> out = new ArrayList<>();
            out.add(String.format(
                    "HTTP on 127.0.0.1 with wrk (outside this JVM): %d threads × %d connections and 1 × 1, "
                            + "%d s per run, %d interleaved rounds; figures are the rounds' medians, ratio = req/s ÷ the plain endpoint's "
                            + "at the same connection count in the same round. Service in this JVM with its default edge (headers, rate "
                            + "limiter, metrics, request log, answer cache). Word list: %d words of the guide. Load average before: %s",
                    threads, connections, seconds, rounds, words.size(), loadAverage()));
            long pairs = (long) words.size() * words.size();
            out.addAll(new HttpLoadRounds(wrk, seconds, rounds, pairs).measure(rows, warmup));
            return out;
        }
    }

    private static Collection<RunResult> runJmh() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(SearchBenchmark.class.getName() + "\\..*")
                .include(GraphBenchmark.class.getName() + "\\..*")
                .forks(1)
                .threads(1)
                // Short iterations: each fork's set-up (index, embedded Neo4j) already takes most of a minute on a busy
                // 2-core machine, and the whole bench/run should stay near six minutes.
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend(
                        "-Xmx1g",
                        "-Dbench.guides=" + Fixtures.manifest().toAbsolutePath(),
                        "-Dbench.data=" + Fixtures.dataDir().toAbsolutePath(),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .build();
        return new Runner(options).run();
    }

    private static String label(String benchmark) {
        return switch (benchmark.substring(benchmark.lastIndexOf('.') + 1)) {
            case "keywordSearch" -> "SectionSearcher.search (keyword, judged queries)";
            case "keywordSearchUnseen" -> "SectionSearcher.search (keyword, unseen pairs)";
            case "hybridSearch" -> "SectionSearcher.search (hybrid, same queries)";
            case "neighboursDepth2" -> "ConceptGraph.neighbours depth 2 (as served)";
            case "neighboursDepth2Uncached" -> "ConceptGraph.neighbours depth 2 (cache emptied)";
            default -> benchmark;
        };
    }

    private static JsonNode getJson(int port, String path) throws IOException {
        return JSON.readTree(getText(port, path));
    }

    private static String getText(int port, String path) throws IOException {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

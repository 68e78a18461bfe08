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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.indexer.query.SectionSearcher;
import org.guidesearch.graph.vocabulary.VocabularyLoader;
import org.guidesearch.graph.store.GraphVersion;
import org.guidesearch.indexer.guide.GuideManifest;
import org.guidesearch.graph.store.StoreIdentity;
import org.guidesearch.server.app.GuideSearchService;
import org.guidesearch.server.serving.ReindexTimings;
import org.guidesearch.server.app.ServiceConfig;
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
 * started in this JVM on loopback under a bounded HTTP load per endpoint, then start-up, re-index and heap figures.
 * Prints one table. Options: {@code --seconds=N} per endpoint (max 20), {@code --warmup=N}, {@code --concurrency=N},
 * {@code --no-jmh}, {@code --only=TEXT} (endpoints whose label contains TEXT).
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
    int seconds = Math.min(20, Integer.parseInt(opts.getOrDefault("seconds", "10")));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "3"));
    int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "4"));
    boolean jmh = !opts.containsKey("no-jmh");
    String only = opts.get("only");

    List<String> report = new ArrayList<>();
    report.add(String.format("guide-search benchmark — %d cores, max heap %d MiB, Java %s, %s; load average at start: %s",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"), java.time.LocalDate.now(), loadAverage()));

    if (jmh) {
      report.add("");
      report.add("In-process (JMH 1.37, SampleTime, 1 fork, 1 thread, 3×2 s warm-up, 5×2 s measured)");
      report.add(String.format("%-48s %10s %10s %10s %12s", "operation", "p50 µs", "p99 µs", "mean µs", "ops/s/thread"));
      for (RunResult r : runJmh()) {
        Statistics s = r.getPrimaryResult().getStatistics();
        report.add(String.format(Locale.ROOT, "%-48s %10.1f %10.1f %10.1f %12.0f", label(r.getParams().getBenchmark()),
            s.getPercentile(50), s.getPercentile(99), s.getMean(), 1e6 / s.getMean()));
      }
      double[] cpu = searchCpuMicros(15, 10);
      report.add(String.format(Locale.ROOT, "%-48s %10.1f %10.1f %10.1f %12s", "SectionSearcher.search, thread CPU time",
          cpu[0], cpu[1], cpu[2], "(" + (long) cpu[3] + " ops)"));
    }

    Path state = Files.createTempDirectory("bench-state");
    ServiceConfig config = new ServiceConfig(
        GuideManifest.folder(Fixtures.corpusDir(), "https://couleslaw.github.io/other/ai-gen/python-guide/",
            Fixtures.guideDataDir()), state, 0, null, null, null, null, 0, List.of("*"), null,
        // The repository's own embedding cache keeps the bench from re-embedding the guide on every run.
        Fixtures.dataDir().toAbsolutePath().resolveSibling("var").resolve("embeddings.bin"), null,
        // The limiter stays on (its cost is measured) with a limit no loopback run reaches.
        WebConfig.defaults().withRateLimit(Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2));
    long t0 = System.nanoTime();
    GuideSearchService service = GuideSearchService.start(config);
    long startMs = (System.nanoTime() - t0) / 1_000_000;
    try {
      int port = service.port();
      String health = getJson(port, "/health").path("status").asText();
      long healthyMs = (System.nanoTime() - t0) / 1_000_000;

      List<String> queries = Fixtures.keywordQueries().stream().map(q -> "/api/search?q=" + enc(q)).toList();
      List<String> keywordMode = queries.stream().map(q -> q + "&mode=keyword").toList();
      List<String> ids = new VocabularyLoader().load(Fixtures.guideDataDir()).concepts().stream().map(Concept::id).toList();
      Map<String, List<String>> endpoints = new LinkedHashMap<>();
      endpoints.put("bare GET /health/live (ceiling)", List.of("/health/live"));
      endpoints.put("keyword search ?mode=keyword", keywordMode);
      List<String> distinct = new ArrayList<>();
      for (int n = 0; n < 2000; n++) {
        for (String q : keywordMode) distinct.add(q + "&n=" + n);
      }
      endpoints.put("keyword search, HTTP cache bypassed", distinct);
      endpoints.put("hybrid search (the default mode)",
          hasHybrid(port) ? queries.stream().map(q -> q + "&mode=hybrid").toList() : null);
      List<String> distinctHybrid = new ArrayList<>();
      for (int n = 0; n < 2000; n++) {
        for (String q : queries) distinctHybrid.add(q + "&mode=hybrid&n=" + n);
      }
      endpoints.put("hybrid search, HTTP cache bypassed", hasHybrid(port) ? distinctHybrid : null);
      endpoints.put("suggest /api/suggest", hasSuggest(port)
          ? Fixtures.keywordQueries().stream().map(q -> "/api/suggest?q=" + enc(q.substring(0, Math.min(4, q.length()))))
              .toList()
          : null);
      endpoints.put("neighbourhood depth 2", ids.stream().map(id -> "/api/concepts/" + id + "/neighbours?depth=2").toList());

      report.add("");
      report.add(String.format("HTTP on 127.0.0.1 (closed loop, %d keep-alive connections, one priming pass over the "
          + "paths, %d s warm-up, %d s measured per endpoint; service in this JVM with the default edge: security "
          + "headers, rate limiter, metrics, request log, search cache)", concurrency, warmup, seconds));
      report.add(String.format("%-40s %10s %9s %9s %9s %9s %14s", "endpoint", "requests", "failures", "req/s",
          "p50 ms", "p99 ms", "server CPU µs"));
      LoadGenerator load = new LoadGenerator("127.0.0.1", port);
      Map<String, LoadGenerator.Result> results = new LinkedHashMap<>();
      for (var e : endpoints.entrySet()) {
        if (only != null && !e.getKey().contains(only)) continue;
        if (e.getValue() == null) {
          report.add(String.format("%-40s %10s %9s %9s %9s %9s %14s", e.getKey(), "n/a", "n/a", "n/a", "n/a", "n/a",
              "n/a"));
          continue;
        }
        if (e.getValue().size() <= 1000) prime(port, e.getValue());
        LoadGenerator.Result r = load.run(e.getValue(), concurrency, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
        results.put(e.getKey(), r);
        report.add(String.format(Locale.ROOT, "%-40s %10d %9d %9.0f %9.2f %9.2f %14.0f", e.getKey(), r.requests(),
            r.failures(), r.throughput(), r.p50Micros() / 1000, r.p99Micros() / 1000, r.serverCpuMicros()));
      }

      List<Long> keptMs = new ArrayList<>();
      List<Long> rewrittenMs = new ArrayList<>();
      ReindexTimings last = null;
      String store = String.valueOf(((Map<?, ?>) service.health().components().get("graph")).get("store"));
      try (Driver driver = GraphDatabase.driver(store, StoreIdentity.ofFolder(state.resolve("neo4j")).authToken())) {
        GraphVersion version = new GraphVersion(driver, "neo4j", "python-under-the-hood");
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
          .mapToLong(p -> p.getPeakUsage().getUsed()).sum();

      report.add("");
      report.add(String.format("start to healthy: %d ms (GuideSearchService.start on a fresh state folder, embedded "
          + "Neo4j, first index; /health %s at %d ms)", startMs, health, healthyMs));
      report.add(String.format("re-index, warm, guide unchanged (graph kept): %s ms", keptMs));
      report.add(String.format("re-index, warm, graph rewritten: %s ms (last: read+model %d ms, Lucene %d ms, graph %d ms)",
          rewrittenMs, last.readMs(), last.indexMs(), last.graphMs()));
      report.add("load average at the end: " + loadAverage() + " (other processes on the machine inflate wall times; "
          + "CPU µs per request/op do not depend on them as much)");
      report.add(String.format("heap: %d MiB live after GC at the end, pools' peak sum %d MiB, max %d MiB",
          heapAfterGc >> 20, peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20));
      LoadGenerator.Result bare = results.get("bare GET /health/live (ceiling)");
      LoadGenerator.Result search = results.get("keyword search ?mode=keyword");
      if (bare != null && search != null) {
        report.add(String.format(Locale.ROOT, "keyword search / bare throughput: %.2f", search.throughput() / bare.throughput()));
      }
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
      return new double[] {sorted[n / 2] / 1000.0, sorted[(int) Math.min(n - 1, Math.ceil(n * 0.99))] / 1000.0,
          java.util.Arrays.stream(sorted).average().orElse(Double.NaN) / 1000.0, n};
    } finally {
      bench.tearDown();
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0] + " " + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[1];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static Collection<RunResult> runJmh() throws RunnerException {
    Options options = new OptionsBuilder()
        .include(SearchBenchmark.class.getName() + "\\..*")
        .include(GraphBenchmark.class.getName() + "\\..*")
        .forks(1)
        .threads(1)
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(2))
        .measurementIterations(5)
        .measurementTime(TimeValue.seconds(2))
        .jvmArgsAppend("-Xmx1g", "-Dbench.corpus=" + Fixtures.corpusDir().toAbsolutePath(),
            "-Dbench.data=" + Fixtures.dataDir().toAbsolutePath(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
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

  /** One request per path first, as readers would have made them since the last re-index. */
  private static void prime(int port, List<String> paths) throws IOException {
    for (String p : paths) status(port, p);
  }

  private static boolean hasHybrid(int port) {
    try {
      JsonNode body = getJson(port, "/api/search?q=gil&mode=hybrid");
      return "hybrid".equalsIgnoreCase(body.path("mode").asText());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean hasSuggest(int port) {
    try {
      return status(port, "/api/suggest?q=gil") == 200;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static JsonNode getJson(int port, String path) throws IOException {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static int status(int port, String path) throws IOException {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

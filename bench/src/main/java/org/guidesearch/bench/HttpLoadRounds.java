package org.guidesearch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * HTTP load rows measured with {@link Wrk} in interleaved rounds (every row once per round, rounds one after the
 * other), so that the machine's load drifts over all rows alike. Each row's throughput is divided by its ceiling's
 * (the plain endpoint at the same connection count) in the same round; the table shows the median over the rounds
 * of every figure. Not thread safe.
 */
final class HttpLoadRounds {
    /** Query numbers each unseen-query run may use: more than any 8-second run sends, and they never overlap. */
    private static final long QUERIES_PER_RUN = 400_000;

    /**
     * One line of the table.
     *
     * @param ceiling   whether this row is what rows with the same connection count are divided by
     * @param threads   wrk's {@code -t}
     * @param script    a Lua script of {@link Wrk}, or null for plain GETs of {@code url}
     * @param args      the script's arguments given the first query number this run may use
     * @param unseen    whether the run sends unseen queries, and so takes its own range of query numbers
     */
    record Row(
            String label,
            boolean ceiling,
            int threads,
            int connections,
            String url,
            Path script,
            LongFunction<List<String>> args,
            boolean unseen) {}

    private record Measured(Wrk.Result result, double ratio) {}

    private final Wrk wrk;
    private final int seconds;
    private final int rounds;
    private final long queryNumbers;
    private long nextQuery;

    /**
     * @param queryNumbers how many distinct unseen queries the word list makes (its pairs); runs beyond that would
     *                     repeat queries, and the constructor refuses them
     */
    HttpLoadRounds(Wrk wrk, int seconds, int rounds, long queryNumbers) {
        this.wrk = wrk;
        this.seconds = seconds;
        this.rounds = rounds;
        this.queryNumbers = queryNumbers;
    }

    /** Runs each row once for {@code warmupSeconds} (JIT, caches of the judged rows), then the rounds; returns the table. */
    List<String> measure(List<Row> rows, int warmupSeconds) {
        List<String> out = new ArrayList<>();
        if (warmupSeconds > 0) {
            for (Row row : rows) run(row, warmupSeconds);
            out.add("warm-up: each row once for " + warmupSeconds + " s; load average after it: "
                    + BenchMain.loadAverage());
        }
        Map<Row, List<Measured>> measured = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            Map<Integer, Double> ceilings = new LinkedHashMap<>();
            Map<Row, Wrk.Result> results = new LinkedHashMap<>();
            for (Row row : rows) {
                Wrk.Result r = run(row, seconds);
                results.put(row, r);
                if (row.ceiling()) ceilings.put(row.connections(), r.perSecond());
            }
            for (var e : results.entrySet()) {
                Double ceiling = ceilings.get(e.getKey().connections());
                measured.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(new Measured(
                                e.getValue(),
                                ceiling == null ? Double.NaN : e.getValue().perSecond() / ceiling));
            }
            out.add(String.format(
                    Locale.ROOT, "round %d of %d done; load average: %s", round, rounds, BenchMain.loadAverage()));
        }
        out.add(String.format(
                "%-62s %5s %8s %15s %8s %8s %8s %8s %7s",
                "what", "conns", "req/s", "(rounds' range)", "ratio", "p50 ms", "p99 ms", "non-2xx", "errors"));
        for (var e : measured.entrySet()) {
            List<Measured> m = e.getValue();
            double[] perSecond =
                    m.stream().mapToDouble(x -> x.result().perSecond()).toArray();
            out.add(String.format(
                    Locale.ROOT,
                    "%-62s %5d %8.0f %15s %8s %8.2f %8.2f %8d %7d",
                    e.getKey().label(),
                    e.getKey().connections(),
                    median(perSecond),
                    String.format(
                            Locale.ROOT,
                            "(%.0f–%.0f)",
                            Arrays.stream(perSecond).min().orElse(0),
                            Arrays.stream(perSecond).max().orElse(0)),
                    e.getKey().ceiling()
                            ? "1"
                            : ratio(median(
                                    m.stream().mapToDouble(Measured::ratio).toArray())),
                    median(m.stream().mapToDouble(x -> x.result().p50Ms()).toArray()),
                    median(m.stream().mapToDouble(x -> x.result().p99Ms()).toArray()),
                    m.stream().mapToLong(x -> x.result().non2xx()).sum(),
                    m.stream().mapToLong(x -> x.result().socketErrors()).sum()));
        }
        return out;
    }

    private Wrk.Result run(Row row, int runSeconds) {
        long first = nextQuery;
        if (row.unseen()) {
            nextQuery += QUERIES_PER_RUN;
            if (nextQuery > queryNumbers) {
                throw new IllegalStateException(
                        "the word list makes " + queryNumbers + " unseen queries, too few for these runs");
            }
        }
        return wrk.run(
                row.url(),
                row.threads(),
                row.connections(),
                runSeconds,
                row.script(),
                row.args().apply(first));
    }

    /** Writes one line per entry to {@code file}, for the Lua scripts. */
    static Path writeLines(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ratio(double r) {
        if (Double.isNaN(r)) return "n/a";
        return r >= 0.1 ? String.format(Locale.ROOT, "%.2f", r) : String.format(Locale.ROOT, "%.4f", r);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

package org.guidesearch.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
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
    /**
     * Query numbers a run may use beyond the requests wrk counted: the requests still in flight when it stopped (at most
     * one per connection) took numbers too. Runs never overlap.
     */
    private static final long QUERIES_IN_FLIGHT_MARGIN = 1_000;

    /** More requests a second than loopback carries here (the plain endpoint answers ~40,000): a run's bound on numbers. */
    private static final long MAX_REQUESTS_PER_SECOND = 100_000;

    /**
     * A row is warm when its best of the last two runs is no more than this share above its best run before them. The
     * service's JIT takes about a minute of load to compile what a new query runs through: after the 20 s each row had
     * before, the unseen keyword row measured 5,755 req/s, and the same service reached 7,000-7,800 once warm.
     */
    private static final double STILL_RISING = 0.05;

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

    /**
     * A wrk run and this JVM's CPU time over it (the service's and the plain endpoint's JVM: only the row's own
     * endpoint is busy while it runs). Unlike req/s, CPU per request hardly moves when other work on the machine takes
     * cores away.
     */
    private record Run(Wrk.Result result, long cpuNanos) {
        double cpuMicrosPerRequest() {
            return result.requests() == 0 ? Double.NaN : cpuNanos / 1000.0 / result.requests();
        }
    }

    /** A run of a round, and its ratio to the ceiling of that round. */
    private record Measured(Run run, double ratio) {
        Wrk.Result result() {
            return run.result();
        }
    }

    private final Wrk wrk;
    private final int seconds;
    private final int rounds;
    private final long queryNumbers;
    private long nextQuery;
    /** This JVM's CPU time: the service and the plain endpoint run here, wrk outside. */
    private final OperatingSystemMXBean cpu = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

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

    /**
     * Warms each row until its throughput stops rising ({@link #warm}, at most {@code warmupSeconds}: the JIT, the
     * caches of the judged rows), then runs the rounds; returns the table.
     */
    List<String> measure(List<Row> rows, int warmupSeconds) {
        List<String> out = new ArrayList<>();
        if (warmupSeconds > 0) {
            List<String> spent = new ArrayList<>();
            for (Row row : rows) spent.add(Integer.toString(warm(row, warmupSeconds)));
            out.add(String.format(
                    Locale.ROOT,
                    "warm-up: each row in runs of %d s until the best of its last two is within %.0f %% of its best before"
                            + " them (at most %d s): %s s in table order; load average after it: %s",
                    seconds,
                    STILL_RISING * 100,
                    warmupSeconds,
                    String.join(", ", spent),
                    BenchMain.loadAverage()));
        }
        Map<Row, List<Measured>> measured = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            Map<Integer, Double> ceilings = new LinkedHashMap<>();
            Map<Row, Run> results = new LinkedHashMap<>();
            for (Row row : rows) {
                Run r = run(row, seconds);
                results.put(row, r);
                if (row.ceiling()) ceilings.put(row.connections(), r.result().perSecond());
            }
            for (var e : results.entrySet()) {
                Double ceiling = ceilings.get(e.getKey().connections());
                Run r = e.getValue();
                measured.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(new Measured(
                                r, ceiling == null ? Double.NaN : r.result().perSecond() / ceiling));
            }
            out.add(String.format(
                    Locale.ROOT, "round %d of %d done; load average: %s", round, rounds, BenchMain.loadAverage()));
        }
        out.add(String.format(
                "%-62s %5s %8s %15s %8s %8s %8s %8s %7s %10s",
                "what",
                "conns",
                "req/s",
                "(rounds' range)",
                "ratio",
                "p50 ms",
                "p99 ms",
                "non-2xx",
                "errors",
                "CPU µs/req"));
        for (var e : measured.entrySet()) {
            List<Measured> m = e.getValue();
            double[] perSecond =
                    m.stream().mapToDouble(x -> x.result().perSecond()).toArray();
            out.add(String.format(
                    Locale.ROOT,
                    "%-62s %5d %8.0f %15s %8s %8.2f %8.2f %8d %7d %10.0f",
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
                    m.stream().mapToLong(x -> x.result().socketErrors()).sum(),
                    median(m.stream()
                            .mapToDouble(x -> x.run().cpuMicrosPerRequest())
                            .toArray())));
        }
        return out;
    }

    /**
     * Runs {@code row} until its throughput stops rising ({@link #stillRising}), at most {@code maxSeconds}, and three
     * runs at least when that allows them; returns the seconds spent.
     */
    private int warm(Row row, int maxSeconds) {
        List<Double> perSecond = new ArrayList<>();
        int spent = 0;
        do {
            perSecond.add(run(row, seconds).result().perSecond());
            spent += seconds;
        } while (spent + seconds <= maxSeconds && stillRising(perSecond));
        return spent;
    }

    /** Whether the best of the last two runs is more than {@link #STILL_RISING} above the best run before them. */
    private static boolean stillRising(List<Double> perSecond) {
        int n = perSecond.size();
        if (n < 3) return true;
        double before = perSecond.subList(0, n - 2).stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElseThrow();
        double last = Math.max(perSecond.get(n - 2), perSecond.get(n - 1));
        return last > before * (1 + STILL_RISING);
    }

    private Run run(Row row, int runSeconds) {
        long first = nextQuery;
        if (row.unseen() && first + MAX_REQUESTS_PER_SECOND * runSeconds > queryNumbers) {
            throw new IllegalStateException(
                    "the word list makes " + queryNumbers + " unseen queries, too few for these runs");
        }
        long cpuBefore = cpu.getProcessCpuTime();
        Wrk.Result result = wrk.run(
                row.url(),
                row.threads(),
                row.connections(),
                runSeconds,
                row.script(),
                row.args().apply(first));
        long cpuNanos = cpu.getProcessCpuTime() - cpuBefore;
        if (row.unseen()) nextQuery += result.requests() + QUERIES_IN_FLIGHT_MARGIN;
        return new Run(result, cpuNanos);
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

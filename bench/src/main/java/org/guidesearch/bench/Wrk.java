package org.guidesearch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@code wrk} load generator (a separate process, so the load is made outside the JVM it measures) and reads
 * its report. {@code bench/run} installs wrk when it is missing. Stateless apart from the folder its Lua scripts are
 * copied to; not meant for concurrent runs (they would measure each other).
 */
final class Wrk {
    /** One wrk run: its throughput, latency percentiles (closed loop: a lower bound under overload) and failures. */
    record Result(
            long requests,
            double perSecond,
            double p50Ms,
            double p99Ms,
            long non2xx,
            long socketErrors,
            String output) {}

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern PER_SECOND = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final Path scripts;

    /** Copies the bench's Lua scripts to {@code scripts} (created if missing) for wrk to read. */
    Wrk(Path scripts) {
        this.scripts = scripts;
        try {
            Files.createDirectories(scripts);
            for (String name : List.of("unseen-queries.lua", "judged-queries.lua")) {
                try (InputStream in = Wrk.class.getResourceAsStream("/wrk/" + name)) {
                    if (in == null) throw new IllegalStateException("missing resource /wrk/" + name);
                    Files.copy(in, scripts.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path script(String name) {
        return scripts.resolve(name);
    }

    /**
     * {@code wrk -t threads -c connections -d seconds --latency [-s script] url -- scriptArgs}.
     *
     * @param script a Lua script from {@link #script}, or null for plain GETs of {@code url}
     */
    Result run(String url, int threads, int connections, int seconds, Path script, List<String> scriptArgs) {
        List<String> command = new ArrayList<>(List.of(
                "wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--timeout", "10s", "--latency"));
        if (script != null) command.addAll(List.of("-s", script.toString()));
        command.add(url);
        if (script != null && !scriptArgs.isEmpty()) {
            command.add("--");
            command.addAll(scriptArgs);
        }
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0 || !output.contains("Requests/sec")) {
                throw new IllegalStateException(
                        "wrk failed (exit " + exit + "): " + String.join(" ", command) + "\n" + output);
            }
            return parse(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run wrk (bench/run installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result parse(String output) {
        long socketErrors = 0;
        Matcher errors = SOCKET_ERRORS.matcher(output);
        if (errors.find()) {
            for (int g = 1; g <= 4; g++) socketErrors += Long.parseLong(errors.group(g));
        }
        Matcher non2xx = NON_2XX.matcher(output);
        return new Result(
                Long.parseLong(find(REQUESTS, output)),
                Double.parseDouble(find(PER_SECOND, output)),
                percentileMs(output, "50"),
                percentileMs(output, "99"),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                socketErrors,
                output);
    }

    /** A line of wrk's latency distribution, such as {@code 99%   12.34ms}, in milliseconds. */
    private static double percentileMs(String output, String percent) {
        Matcher m = Pattern.compile("(?m)^\\s+" + percent + "%\\s+([\\d.]+)(us|ms|s|m)\\s*$")
                .matcher(output);
        if (!m.find()) throw new IllegalStateException("no " + percent + "% line in wrk's output:\n" + output);
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }

    private static String find(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) throw new IllegalStateException("unexpected wrk output:\n" + output);
        return m.group(1);
    }
}

package org.guidesearch.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A closed-loop HTTP/1.1 load generator for loopback only: {@code concurrency} keep-alive connections, each sending
 * the next request as soon as the previous answer is read, for a fixed time after a warm-up. Kept minimal (raw
 * sockets, no client library) so on a 2-core machine it takes as little CPU as possible from the server it measures.
 *
 * <p>Latency is measured per request from the write to the last byte of the answer. Being closed-loop it does not
 * see the queueing a fixed arrival rate would (coordinated omission): its p99 is a lower bound under overload.
 */
public final class LoadGenerator {
  private final String host;
  private final int port;

  public LoadGenerator(String host, int port) {
    if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
      throw new IllegalArgumentException("the load generator only targets loopback, not " + host);
    }
    this.host = host;
    this.port = port;
  }

  /**
   * What one run measured. Latencies in microseconds; {@code serverCpuMicros} is the CPU this process spent per
   * request outside the generator's own threads (the server's share, GC and JIT included), which stays meaningful
   * when other processes compete for the cores.
   */
  public record Result(long requests, long failures, double seconds, double p50Micros, double p99Micros,
      double serverCpuMicros) {
    public double throughput() {
      return requests / seconds;
    }
  }

  /** Runs {@code paths} round-robin (each connection starting at its own offset) and returns the measured part. */
  public Result run(List<String> paths, int concurrency, Duration warmup, Duration measure) throws InterruptedException {
    List<byte[]> requests = paths.stream()
        .map(p -> ("GET " + p + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: application/json\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1))
        .toList();
    AtomicBoolean recording = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Worker w = new Worker(requests, i * Math.max(1, requests.size() / concurrency), recording, stop);
      workers.add(w);
      w.thread.start();
    }
    Thread.sleep(warmup.toMillis());
    long cpu0 = processCpuNanos() - threadsCpuNanos(workers);
    long start = System.nanoTime();
    recording.set(true);
    Thread.sleep(measure.toMillis());
    recording.set(false);
    double seconds = (System.nanoTime() - start) / 1e9;
    long serverCpu = processCpuNanos() - threadsCpuNanos(workers) - cpu0;
    stop.set(true);
    for (Worker w : workers) w.thread.join(10_000);
    long total = 0;
    long failures = 0;
    int samples = 0;
    for (Worker w : workers) {
      total += w.count;
      failures += w.failures;
      samples += w.latencyCount;
    }
    long[] all = new long[samples];
    int at = 0;
    for (Worker w : workers) {
      System.arraycopy(w.latencies, 0, all, at, w.latencyCount);
      at += w.latencyCount;
    }
    Arrays.sort(all);
    return new Result(total, failures, seconds, percentile(all, 0.50) / 1000.0, percentile(all, 0.99) / 1000.0,
        total == 0 ? Double.NaN : serverCpu / 1000.0 / total);
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long threadsCpuNanos(List<Worker> workers) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (Worker w : workers) sum += Math.max(0, threads.getThreadCpuTime(w.thread.getId()));
    return sum;
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) return Double.NaN;
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private final class Worker implements Runnable {
    final Thread thread;
    final List<byte[]> requests;
    final AtomicBoolean recording;
    final AtomicBoolean stop;
    int next;
    long count;
    long failures;
    long[] latencies = new long[1 << 16];
    int latencyCount;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Worker(List<byte[]> requests, int offset, AtomicBoolean recording, AtomicBoolean stop) {
      this.requests = requests;
      this.next = offset;
      this.recording = recording;
      this.stop = stop;
      this.thread = new Thread(this, "load-" + offset);
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      while (!stop.get()) {
        byte[] request = requests.get(next++ % requests.size());
        long t0 = System.nanoTime();
        boolean ok;
        try {
          ok = exchange(request) == 200;
        } catch (IOException e) {
          ok = false;
          closeQuietly();
        }
        long took = System.nanoTime() - t0;
        if (recording.get()) {
          count++;
          if (!ok) failures++;
          if (latencyCount == latencies.length) latencies = Arrays.copyOf(latencies, latencies.length * 2);
          latencies[latencyCount++] = took;
        }
      }
      closeQuietly();
    }

    private int exchange(byte[] request) throws IOException {
      if (socket == null) {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        out = socket.getOutputStream();
      }
      out.write(request);
      out.flush();
      String statusLine = readLine();
      int status = Integer.parseInt(statusLine.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      for (String line = readLine(); !line.isEmpty(); line = readLine()) {
        int colon = line.indexOf(':');
        if (colon < 0) continue;
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(value);
        else if (name.equalsIgnoreCase("Transfer-Encoding")) chunked = value.equalsIgnoreCase("chunked");
        else if (name.equalsIgnoreCase("Connection")) close = value.equalsIgnoreCase("close");
      }
      if (chunked) {
        for (long size = Long.parseLong(readLine().trim(), 16); size > 0; size = Long.parseLong(readLine().trim(), 16)) {
          skip(size);
          readLine();
        }
        readLine();
      } else if (length >= 0) {
        skip(length);
      }
      if (close) closeQuietly();
      return status;
    }

    private final StringBuilder line = new StringBuilder(128);

    private String readLine() throws IOException {
      line.setLength(0);
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) throw new IOException("connection closed");
        if (c != '\r') line.append((char) c);
      }
      return line.toString();
    }

    private void skip(long n) throws IOException {
      while (n > 0) {
        long skipped = in.skip(n);
        if (skipped <= 0) {
          if (in.read() < 0) throw new IOException("connection closed");
          skipped = 1;
        }
        n -= skipped;
      }
    }

    private void closeQuietly() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException e) {
          // nothing to do
        }
      }
      socket = null;
    }
  }
}

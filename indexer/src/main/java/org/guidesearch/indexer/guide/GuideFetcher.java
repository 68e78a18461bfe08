package org.guidesearch.indexer.guide;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets a guide's files from its mirrors and keeps a verified copy under {@code keepRoot/<guide id>}.
 *
 * <p>For a pinned source (files with hashes), a kept copy whose files all have the pinned hashes is used without
 * any network. Otherwise every file comes from the first mirror that has it with the right SHA-256; a file with
 * another hash is refused and the next mirror tried. The new copy is written beside the kept one and swapped in only
 * when complete, so a failed or refused download leaves the last verified copy in place, and that copy keeps
 * serving (with a warning) when no mirror can provide the pinned files. A mirror that cannot be reached is not asked
 * again for the guide's other files, so an unreachable host costs one connect timeout, not one per file.
 *
 * <p>An unpinned source is read from its first folder mirror that exists, as it is.
 *
 * <p>Thread-safe for different guides; one guide is fetched by one thread at a time.
 */
public final class GuideFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(GuideFetcher.class);
    static final String VERIFIED = ".verified.json";

    private final Path keepRoot;
    private final HttpClient http;
    private final Duration guideDeadline;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param keepRoot       folder under which each guide's verified copy is kept
     * @param connectTimeout longest wait for a mirror to accept a connection
     * @param guideDeadline  longest time all of one guide's downloads may take together
     */
    public GuideFetcher(Path keepRoot, Duration connectTimeout, Duration guideDeadline) {
        this.keepRoot = keepRoot;
        this.guideDeadline = guideDeadline;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The defaults a service uses: connect at most 5 s, a whole guide at most 60 s. */
    public static GuideFetcher withDefaultLimits(Path keepRoot) {
        return new GuideFetcher(keepRoot, Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    public FetchedGuide fetch(Guide guide) throws GuideFetchException {
        return guide.source().pinned() ? fetchPinned(guide) : readFolder(guide);
    }

    private FetchedGuide readFolder(Guide guide) throws GuideFetchException {
        List<String> looked = new ArrayList<>();
        for (GuideSource.Mirror m : guide.source().mirrors()) {
            if (m instanceof GuideSource.Folder f) {
                if (Files.isDirectory(f.path())) return new FetchedGuide(guide, f.path(), f.describe(), List.of());
                looked.add(f.describe() + ": not found");
            } else {
                looked.add(
                        m.describe() + ": skipped (a web mirror needs the guide's 'files' listed with their hashes)");
            }
        }
        throw failure(guide, looked);
    }

    private FetchedGuide fetchPinned(Guide guide) throws GuideFetchException {
        Map<String, String> pinned = guide.source().files();
        Path kept = keepRoot.resolve(guide.id());
        List<String> looked = new ArrayList<>();
        String keptState = keptCopyMatches(kept, pinned);
        if (keptState == null) return new FetchedGuide(guide, kept, "kept copy " + kept, List.of());
        looked.add("kept copy " + kept + ": " + keptState);

        long deadline = System.nanoTime() + guideDeadline.toNanos();
        Map<String, byte[]> got = new TreeMap<>();
        Set<GuideSource.Mirror> dead = new HashSet<>();
        Map<GuideSource.Mirror, List<String>> missing = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (var file : pinned.entrySet()) {
            for (GuideSource.Mirror m : guide.source().mirrors()) {
                if (dead.contains(m)) continue;
                byte[] bytes;
                try {
                    bytes = read(m, file.getKey(), deadline);
                } catch (Unreachable e) {
                    dead.add(m);
                    looked.add(m.describe() + ": " + e.getMessage());
                    continue;
                }
                if (bytes == null) {
                    missing.computeIfAbsent(m, k -> new ArrayList<>()).add(file.getKey());
                    continue;
                }
                String actual = sha256(bytes);
                if (!actual.equals(file.getValue())) {
                    refused.add(file.getKey() + " from " + m.describe() + " refused: expected " + file.getValue()
                            + ", got " + actual);
                    continue;
                }
                got.put(file.getKey(), bytes);
                break;
            }
        }
        missing.forEach((m, files) -> looked.add(m.describe() + ": lacks " + String.join(", ", files)));
        refused.forEach(LOG::warn);
        if (got.size() == pinned.size()) {
            List<String> warnings = new ArrayList<>(refused);
            keep(kept, got, pinned);
            LOG.info("guide '{}': {} files verified and kept in {}", guide.id(), got.size(), kept);
            return new FetchedGuide(guide, kept, "mirrors", warnings);
        }
        looked.addAll(refused);
        if (Files.isRegularFile(kept.resolve(VERIFIED))) {
            // The pinned files changed (a new commit) but cannot be had now: the copy verified last time keeps serving.
            List<String> warnings = new ArrayList<>(looked);
            warnings.add(0, "serving the copy verified earlier in " + kept + "; the pinned files could not be fetched");
            warnings.forEach(w -> LOG.warn("guide '{}': {}", guide.id(), w));
            return new FetchedGuide(guide, kept, "kept copy " + kept + " (verified earlier)", warnings);
        }
        List<String> absent =
                pinned.keySet().stream().filter(f -> !got.containsKey(f)).toList();
        looked.add("still missing: " + String.join(", ", absent));
        throw failure(guide, looked);
    }

    /** Null when the kept copy holds every pinned file with its hash, else why not. */
    private static String keptCopyMatches(Path kept, Map<String, String> pinned) {
        if (!Files.isDirectory(kept)) return "none yet";
        for (var file : pinned.entrySet()) {
            Path p = kept.resolve(file.getKey());
            if (!Files.isRegularFile(p)) return "lacks " + file.getKey();
            try {
                if (!sha256(Files.readAllBytes(p)).equals(file.getValue())) return file.getKey() + " has another hash";
            } catch (IOException e) {
                return "unreadable (" + e.getMessage() + ")";
            }
        }
        return null;
    }

    /** The file's bytes, null when the mirror does not have it; throws when the mirror cannot be reached at all. */
    private byte[] read(GuideSource.Mirror mirror, String file, long deadline) throws Unreachable {
        if (mirror instanceof GuideSource.Folder f) {
            if (!Files.isDirectory(f.path())) throw new Unreachable("not found");
            Path p = f.path().resolve(file);
            try {
                return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
            } catch (IOException e) {
                return null;
            }
        }
        URI uri = ((GuideSource.Web) mirror).base().resolve(file);
        long left = deadline - System.nanoTime();
        if (left <= 0)
            throw new Unreachable(
                    "gave up: the guide's downloads took longer than " + guideDeadline.toSeconds() + " s");
        try {
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofNanos(left))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200) return r.body();
            if (r.statusCode() == 404 || r.statusCode() == 410) return null;
            throw new Unreachable("answered HTTP " + r.statusCode() + " for " + file);
        } catch (HttpConnectTimeoutException e) {
            throw new Unreachable("unreachable (no connection within the connect timeout)");
        } catch (HttpTimeoutException e) {
            throw new Unreachable(
                    "too slow: the guide's downloads took longer than " + guideDeadline.toSeconds() + " s");
        } catch (ConnectException e) {
            throw new Unreachable("unreachable (connection refused or no route)");
        } catch (IOException e) {
            throw new Unreachable("unreachable (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
    }

    /** Writes the files beside the kept copy and swaps the new copy in once it is complete. */
    private void keep(Path kept, Map<String, byte[]> files, Map<String, String> pinned) throws GuideFetchException {
        try {
            Files.createDirectories(keepRoot);
            Path fresh = Files.createTempDirectory(keepRoot, "." + kept.getFileName() + "-new-");
            for (var f : files.entrySet()) Files.write(fresh.resolve(f.getKey()), f.getValue());
            json.writerWithDefaultPrettyPrinter()
                    .writeValue(fresh.resolve(VERIFIED).toFile(), pinned);
            Path old = null;
            if (Files.exists(kept)) {
                old = Files.createTempDirectory(keepRoot, "." + kept.getFileName() + "-old-");
                Files.delete(old);
                move(kept, old);
            }
            move(fresh, kept);
            if (old != null) deleteTree(old);
        } catch (IOException e) {
            throw new GuideFetchException("could not keep the guide's files in " + kept + ": " + e.getMessage()
                    + "; check that the state folder (STATE_DIR) is writable");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not remove the replaced copy {}: {}", dir, e.getMessage());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:"
                    + java.util.HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static GuideFetchException failure(Guide guide, List<String> looked) {
        StringBuilder m = new StringBuilder("cannot get the guide '" + guide.id() + "' (" + guide.title() + ").\n");
        m.append("Looked in:\n");
        looked.forEach(l -> m.append("  - ").append(l).append('\n'));
        m.append("To fix it, point the service at a copy of the guide's Markdown:\n");
        m.append("  CORPUS_DIR=/path/to/folder ./run            (one guide read from a folder as it is)\n");
        m.append("  GUIDES=/path/to/guides.json ./run           (a manifest whose mirrors include your copy)\n");
        m.append("or make one of the mirrors above reachable.");
        return new GuideFetchException(m.toString());
    }

    /** A mirror that cannot answer at all (as opposed to one that lacks a file). */
    private static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message, null, false, false);
        }
    }
}

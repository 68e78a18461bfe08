package org.guidesearch.server.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Security headers on every response: {@code nosniff}, a referrer policy, and a Content Security Policy — a strict
 * one for the JSON API, and for pages one that allows the service's own scripts plus exactly the inline scripts its
 * bundled pages contain (by SHA-256, computed at start-up), so an injected script never runs.
 *
 * <p>{@code frame-ancestors} comes from the configuration; {@code X-Frame-Options} mirrors it for old browsers when
 * it is {@code 'self'} or {@code 'none'}. Thread-safe and immutable.
 */
public final class SecurityHeaders {
    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(\\s[^>]*)?>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    private final String pagePolicy;
    private final String frameOptions;

    public SecurityHeaders(String frameAncestors, List<String> inlineScriptHashes) {
        String scripts =
                inlineScriptHashes.stream().map(h -> " 'sha256-" + h + "'").reduce("", String::concat);
        this.pagePolicy = "default-src 'self'; script-src 'self'" + scripts + "; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors " + frameAncestors;
        this.frameOptions = switch (frameAncestors) {
            case "'self'" -> "SAMEORIGIN";
            case "'none'" -> "DENY";
            default -> null;
        };
    }

    /** Hashes the inline scripts of every {@code .html} file under {@code folder} on the class path. */
    public static SecurityHeaders forBundledPages(String frameAncestors, String folder) {
        return new SecurityHeaders(frameAncestors, inlineScriptHashes(SecurityHeaders.class.getClassLoader(), folder));
    }

    public void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        if (isApi(ctx.path())) {
            ctx.header("Content-Security-Policy", API_POLICY);
        } else {
            ctx.header("Content-Security-Policy", pagePolicy);
            if (frameOptions != null) ctx.header("X-Frame-Options", frameOptions);
        }
    }

    public String pagePolicy() {
        return pagePolicy;
    }

    static boolean isApi(String path) {
        return path.startsWith("/api/")
                || path.equals("/health")
                || path.startsWith("/health/")
                || path.equals("/metrics");
    }

    static List<String> inlineScriptHashes(ClassLoader loader, String folder) {
        TreeSet<String> hashes = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            for (URL root : Collections.list(roots)) {
                forEachHtml(root, html -> hashes.addAll(hashesIn(html)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled pages", e);
        }
        return new ArrayList<>(hashes);
    }

    static List<String> hashesIn(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = INLINE_SCRIPT.matcher(html);
        while (m.find()) {
            String attributes = m.group(1) == null ? "" : m.group(1);
            if (!attributes.toLowerCase(java.util.Locale.ROOT).contains("src=")) {
                out.add(sha256(m.group(2)));
            }
        }
        return out;
    }

    private static void forEachHtml(URL root, java.util.function.Consumer<String> action) throws IOException {
        URI uri;
        try {
            uri = root.toURI();
        } catch (URISyntaxException e) {
            return;
        }
        if ("jar".equals(uri.getScheme())) {
            FileSystem fs;
            boolean opened = false;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
                opened = true;
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            try {
                walk(fs.provider().getPath(uri), action);
            } finally {
                if (opened) fs.close();
            }
        } else if ("file".equals(uri.getScheme())) {
            walk(Path.of(uri), action);
        }
    }

    private static void walk(Path dir, java.util.function.Consumer<String> action) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                action.accept(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

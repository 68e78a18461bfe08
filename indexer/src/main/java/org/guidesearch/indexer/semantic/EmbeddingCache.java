package org.guidesearch.indexer.semantic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embeddings on disk, keyed by the SHA-256 of the text (callers prefix the model id), so a restart or a re-index embeds
 * only passages it has not seen. Entries are appended; a torn last entry (a crash mid-write) is ignored on load.
 * Thread-safe.
 */
public final class EmbeddingCache {
    private final Path file;

    private final Map<String, float[]> entries = new ConcurrentHashMap<>();

    public EmbeddingCache(Path file) throws IOException {
        this.file = file;

        load();
    }

    public float[] get(String text) {
        return entries.get(key(text));
    }

    public int size() {
        return entries.size();
    }

    /** Adds entries in memory and appends them to the file. */
    public synchronized void putAll(Map<String, float[]> byText) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
            for (var e : byText.entrySet()) {
                String key = key(e.getKey());
                if (entries.putIfAbsent(key, e.getValue()) != null) continue;
                out.writeUTF(key);
                out.writeInt(e.getValue().length);
                for (float f : e.getValue()) out.writeFloat(f);
            }
        }
    }

    private void load() throws IOException {
        if (!Files.isRegularFile(file)) return;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                String key = in.readUTF();
                int n = in.readInt();
                float[] v = new float[n];
                for (int i = 0; i < n; i++) v[i] = in.readFloat();
                entries.put(key, v);
            }
        } catch (EOFException endOrTornEntry) {
            // the end of the file, or a last entry cut short by a crash: everything complete before it is kept
        }
    }

    private String key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

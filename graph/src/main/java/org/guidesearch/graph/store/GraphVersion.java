package org.guidesearch.graph.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.guidesearch.graph.model.ConceptModel;
import org.guidesearch.indexer.corpus.SectionRef;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;

/**
 * Which graph the store holds: a fingerprint of the {@link ConceptModel} and of the {@link GraphWriter} code that
 * wrote it, kept per guide on one {@code (:GraphVersion {id: <guide>})} node beside the graph.
 *
 * <p>It lets a restart, or another replica on the same store, skip rewriting a graph that is already there, and lets
 * the service notice a store that came back without its graph (restored empty) and write it again. The node is
 * written after the graph's own transaction commits, so a crash in between only costs one more rewrite.
 * Thread-safe. Methods throw the driver's exceptions when the store is unreachable.
 */
public final class GraphVersion {
    private static final String WRITER_DIGEST = digestOf(GraphWriter.class);

    private final Driver driver;
    private final String guide;
    private final QueryConfig config;

    public GraphVersion(Driver driver, String database, String guide) {
        this.driver = driver;
        this.guide = guide;
        this.config = QueryConfig.builder().withDatabase(database).build();
    }

    /** Same model and same writer code, same fingerprint, in any JVM. */
    public static String fingerprint(ConceptModel model) {
        MessageDigest sha = sha256();
        update(sha, WRITER_DIGEST);
        update(sha, model.sections().toString());
        update(sha, model.concepts().toString());
        update(sha, model.mentions().toString());
        update(sha, model.relations().toString());
        // links is an immutable map, whose iteration order changes from one JVM to the next
        model.links().entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.id().compareTo(b.id())))
                .forEach(e -> update(
                        sha,
                        e.getKey().id() + "->"
                                + e.getValue().stream().map(SectionRef::id).toList()));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Whether the store holds the graph with this fingerprint. */
    public boolean holds(String fingerprint) {
        List<Record> rows = driver.executableQuery(
                        "MATCH (v:GraphVersion {id: $guide}) RETURN v.fingerprint AS fingerprint")
                .withParameters(Map.of("guide", guide))
                .withConfig(config)
                .execute()
                .records();
        return !rows.isEmpty()
                && fingerprint.equals(rows.get(0).get("fingerprint").asString(null));
    }

    /** Records that the store now holds the graph with this fingerprint. */
    public void record(String fingerprint) {
        driver.executableQuery(
                        "MERGE (v:GraphVersion {id: $guide}) SET v.fingerprint = $fingerprint, v.writtenAt = datetime()")
                .withParameters(Map.of("guide", guide, "fingerprint", fingerprint))
                .withConfig(config)
                .execute();
    }

    /** Forgets which graph the store holds, so the next write rewrites it. */
    public void forget() {
        driver.executableQuery("MATCH (v:GraphVersion {id: $guide}) DETACH DELETE v")
                .withParameters(Map.of("guide", guide))
                .withConfig(config)
                .execute();
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static String digestOf(Class<?> type) {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            if (in == null) return type.getName();
            return HexFormat.of().formatHex(sha256().digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

package org.guidesearch.server.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.guidesearch.graph.store.GraphStoreSettings;
import org.guidesearch.indexer.guide.GuideManifest;
import org.guidesearch.indexer.query.KeywordScoring;
import org.guidesearch.indexer.semantic.EmbeddingModelChoice;
import org.guidesearch.server.web.WebConfig;

/**
 * Everything the service is told at start-up, read once from flags and the environment.
 *
 * @param guides       the guides to serve, in order, each with its source and optional curated overlay
 * @param stateDir     where the index generations and the embedded Neo4j live between runs
 * @param port         HTTP port; 0 picks a free one
 * @param neo4jUri     an external Neo4j to use instead of the embedded one, or null
 * @param boltPort     the embedded Neo4j's Bolt port on 127.0.0.1; 0 picks a free one
 * @param corsOrigins  origins allowed to call the API from browsers; {@code *} allows any
 * @param adminToken   enables the admin re-index endpoint when set; null disables it
 * @param embeddingCache file of passage embeddings kept between runs; null for {@code stateDir/embeddings.bin}
 * @param embeddingModels the sentence-embedding models semantic search fuses; empty for the default
 * @param web          rate limit, proxy trust, framing and request logs of the public edge
 */
public record ServiceConfig(
        GuideManifest guides,
        Path stateDir,
        int port,
        URI neo4jUri,
        String neo4jUser,
        String neo4jPassword,
        String neo4jDatabase,
        int boltPort,
        List<String> corsOrigins,
        String adminToken,
        Path embeddingCache,
        List<EmbeddingModelChoice> embeddingModels,
        WebConfig web,
        KeywordScoring keywordScoring) {

    /** With keyword queries scored through the per-generation leaf cache (the default). */
    public ServiceConfig(
            GuideManifest guides,
            Path stateDir,
            int port,
            URI neo4jUri,
            String neo4jUser,
            String neo4jPassword,
            String neo4jDatabase,
            int boltPort,
            List<String> corsOrigins,
            String adminToken,
            Path embeddingCache,
            List<EmbeddingModelChoice> embeddingModels,
            WebConfig web) {
        this(
                guides,
                stateDir,
                port,
                neo4jUri,
                neo4jUser,
                neo4jPassword,
                neo4jDatabase,
                boltPort,
                corsOrigins,
                adminToken,
                embeddingCache,
                embeddingModels,
                web,
                KeywordScoring.LEAF_CACHE);
    }

    public ServiceConfig {
        Objects.requireNonNull(guides, "guides");
        Objects.requireNonNull(stateDir, "stateDir");
        corsOrigins = corsOrigins == null || corsOrigins.isEmpty() ? List.of("*") : List.copyOf(corsOrigins);
        neo4jDatabase = neo4jDatabase == null || neo4jDatabase.isBlank() ? "neo4j" : neo4jDatabase;
        adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
        embeddingModels = embeddingModels == null || embeddingModels.isEmpty()
                ? EmbeddingModelChoice.DEFAULT
                : List.copyOf(embeddingModels);
        embeddingCache = embeddingCache == null ? stateDir.resolve("embeddings.bin") : embeddingCache;
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        web = web == null ? WebConfig.defaults() : web;
        keywordScoring = keywordScoring == null ? KeywordScoring.LEAF_CACHE : keywordScoring;
    }

    public ServiceConfig withWeb(WebConfig web) {
        return new ServiceConfig(
                guides,
                stateDir,
                port,
                neo4jUri,
                neo4jUser,
                neo4jPassword,
                neo4jDatabase,
                boltPort,
                corsOrigins,
                adminToken,
                embeddingCache,
                embeddingModels,
                web,
                keywordScoring);
    }

    public boolean embeddedNeo4j() {
        return neo4jUri == null;
    }

    public GraphStoreSettings graphStore() {
        return new GraphStoreSettings(
                neo4jUri, neo4jUser, neo4jPassword, neo4jDatabase, stateDir.resolve("neo4j"), boltPort);
    }

    /**
     * Test defaults: one guide read from {@code corpusDir} with the overlay in {@code dataDir} (null for none), any
     * free ports, embeddings shared between test runs through {@code -Dembedding.cache}.
     */
    public static ServiceConfig forTests(Path corpusDir, Path dataDir, Path stateDir) {
        return forTests(GuideManifest.folder(corpusDir, "https://guide.example/", dataDir), stateDir);
    }

    public static ServiceConfig forTests(GuideManifest guides, Path stateDir) {
        String sharedCache = System.getProperty("embedding.cache");
        return local(guides, stateDir, sharedCache == null ? null : Path.of(sharedCache));
    }

    /**
     * A service on one machine: the embedded graph store and any free ports, any origin, no admin endpoint, the
     * default models and edge; {@code embeddingCache} null for the state folder's own.
     */
    public static ServiceConfig local(GuideManifest guides, Path stateDir, Path embeddingCache) {
        return new ServiceConfig(
                guides, stateDir, 0, null, null, null, null, 0, List.of("*"), null, embeddingCache, null, null);
    }
}

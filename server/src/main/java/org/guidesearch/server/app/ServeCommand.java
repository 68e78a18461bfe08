package org.guidesearch.server.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.guidesearch.indexer.guide.GuideConfigException;
import org.guidesearch.indexer.guide.GuideManifest;
import org.guidesearch.indexer.query.KeywordScoring;
import org.guidesearch.server.web.RequestLog;
import org.guidesearch.server.web.WebConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: every flag also reads an environment variable, and every one has a default that works. */
@Command(
        name = "guide-search",
        mixinStandardHelpOptions = true,
        description = "Indexes a folder of Markdown into Lucene and Neo4j and serves search and the concept graph.")
final class ServeCommand implements Callable<ServiceConfig> {
    @Option(
            names = "--guides",
            defaultValue = "${env:GUIDES:-data/guides.json}",
            description = "Guides manifest: which guides to serve and where their Markdown comes from (env GUIDES).")
    Path guides;

    @Option(
            names = "--corpus",
            defaultValue = "${env:CORPUS_DIR}",
            description =
                    "Shortcut for one guide read from this folder as it is, instead of the manifest (env CORPUS_DIR;"
                            + " needs SITE_BASE_URL).")
    Path corpus;

    @Option(
            names = "--data",
            defaultValue = "${env:DATA_DIR}",
            description =
                    "Curated overlay for the CORPUS_DIR guide: concepts.json, relations.json, questions/ (env DATA_DIR).")
    Path data;

    @Option(
            names = "--state",
            defaultValue = "${env:STATE_DIR:-var}",
            description = "Index and embedded database folder (env STATE_DIR).")
    Path state;

    @Option(names = "--port", defaultValue = "${env:PORT:-7070}", description = "HTTP port (env PORT).")
    int port;

    @Option(
            names = "--neo4j-uri",
            defaultValue = "${env:NEO4J_URI}",
            description = "External Neo4j (env NEO4J_URI); unset starts an embedded one.")
    String neo4jUri;

    @Option(names = "--neo4j-user", defaultValue = "${env:NEO4J_USER:-neo4j}")
    String neo4jUser;

    @Option(names = "--neo4j-password", defaultValue = "${env:NEO4J_PASSWORD}")
    String neo4jPassword;

    @Option(names = "--neo4j-database", defaultValue = "${env:NEO4J_DATABASE:-neo4j}")
    String neo4jDatabase;

    @Option(
            names = "--bolt-port",
            defaultValue = "${env:NEO4J_BOLT_PORT:-0}",
            description =
                    "Bolt port of the embedded Neo4j on 127.0.0.1; unset or 0 = any free port (env NEO4J_BOLT_PORT).")
    int boltPort;

    @Option(
            names = "--cors-origins",
            defaultValue = "${env:CORS_ORIGINS:-*}",
            description = "Comma-separated origins allowed to call the API (env CORS_ORIGINS).")
    String corsOrigins;

    @Option(
            names = "--admin-token",
            defaultValue = "${env:ADMIN_TOKEN}",
            description = "Enables POST /api/admin/reindex with this bearer token (env ADMIN_TOKEN).")
    String adminToken;

    @Option(
            names = "--site-base-url",
            defaultValue = "${env:SITE_BASE_URL}",
            description =
                    "Published site of the CORPUS_DIR guide; deep links are SITE_BASE_URL/<file>.html#anchor (env SITE_BASE_URL).")
    String siteBaseUrl;

    @Option(
            names = "--embedding-cache",
            defaultValue = "${env:EMBEDDING_CACHE}",
            description = "File of cached passage embeddings (env EMBEDDING_CACHE; default STATE_DIR/embeddings.bin).")
    Path embeddingCache;

    @Option(
            names = "--embedding-models",
            defaultValue = "${env:EMBEDDING_MODELS}",
            description = "Comma-separated sentence-embedding models: minilm, minilm_q, bge_small, e5_small "
                    + "(env EMBEDDING_MODELS).")
    String embeddingModels;

    @Option(
            names = "--rate-limit-per-minute",
            defaultValue = "${env:RATE_LIMIT_PER_MINUTE:-1200}",
            description =
                    "Requests per minute each client address may make on average; 0 = no limit (env RATE_LIMIT_PER_MINUTE).")
    int rateLimitPerMinute;

    @Option(
            names = "--rate-limit-burst",
            defaultValue = "${env:RATE_LIMIT_BURST:-200}",
            description = "Requests a client may make at once before the average applies (env RATE_LIMIT_BURST).")
    int rateLimitBurst;

    @Option(
            names = "--trust-proxy",
            defaultValue = "${env:TRUST_PROXY:-false}",
            description =
                    "Take the client address from the last X-Forwarded-For entry; only behind a proxy (env TRUST_PROXY).")
    boolean trustProxy;

    @Option(
            names = "--frame-ancestors",
            defaultValue = "${env:FRAME_ANCESTORS:-'self'}",
            description =
                    "CSP frame-ancestors: who may frame the pages, e.g. 'self' https://example.org (env FRAME_ANCESTORS).")
    String frameAncestors;

    @Option(
            names = "--request-log",
            defaultValue = "${env:REQUEST_LOG:-ALL}",
            description = "Structured request log lines: ALL, ERRORS (>= 400 or slow) or OFF (env REQUEST_LOG).")
    String requestLog;

    @Option(
            names = "--search-cache-mb",
            defaultValue = "${env:SEARCH_CACHE_MB:-32}",
            description = "MiB of search answers kept until the next re-index; 0 = no cache (env SEARCH_CACHE_MB).")
    long searchCacheMb;

    @Option(
            names = "--keyword-scoring",
            defaultValue = "${env:KEYWORD_SCORING:-leaf_cache}",
            description = "How keyword queries are scored: leaf_cache (fast, the default) or lucene (Lucene's own"
                    + " IndexSearcher, the reference to fall back on) (env KEYWORD_SCORING).")
    String keywordScoring;

    @Override
    public ServiceConfig call() {
        List<String> origins = Arrays.stream(corsOrigins.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        return new ServiceConfig(
                manifest(),
                state,
                port,
                neo4jUri == null || neo4jUri.isBlank() ? null : URI.create(neo4jUri),
                neo4jUser,
                neo4jPassword,
                neo4jDatabase,
                boltPort,
                origins,
                adminToken,
                embeddingCache,
                org.guidesearch.indexer.semantic.EmbeddingModelChoice.parseList(embeddingModels),
                new WebConfig(
                        rateLimitPerMinute,
                        rateLimitBurst,
                        trustProxy,
                        frameAncestors,
                        RequestLog.Mode.valueOf(requestLog.strip().toUpperCase(java.util.Locale.ROOT)),
                        searchCacheMb << 20),
                keywordScoring(keywordScoring));
    }

    private static KeywordScoring keywordScoring(String raw) {
        try {
            return KeywordScoring.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new GuideConfigException("KEYWORD_SCORING: " + e.getMessage());
        }
    }

    /** The manifest, or one folder when CORPUS_DIR is given; a problem is a {@link GuideConfigException} to print. */
    private GuideManifest manifest() {
        if (corpus != null) {
            if (siteBaseUrl == null || siteBaseUrl.isBlank()) {
                throw new GuideConfigException(
                        "CORPUS_DIR=" + corpus + " needs SITE_BASE_URL too: the published site of that"
                                + " guide, which search hits link to (e.g. SITE_BASE_URL=https://example.org/my-guide/)");
            }
            return GuideManifest.folder(corpus, siteBaseUrl, data);
        }
        return GuideManifest.load(guides);
    }
}

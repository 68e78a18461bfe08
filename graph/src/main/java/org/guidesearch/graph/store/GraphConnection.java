package org.guidesearch.graph.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokenManager;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver to the graph store, and the embedded DBMS behind it when no external server is configured. Owns and
 * closes both: the driver first, so the DBMS shuts down with no open Bolt connections.
 *
 * <p>An embedded store is this service's alone. Its Bolt port is any free one unless one is configured, and a
 * configured port another process holds fails {@link #open} with {@link BoltPortTakenException}. The driver reads and
 * writes only a store that has shown, over Bolt, the {@link StoreIdentity} id kept in the store's folder: until then
 * it has no credentials to send, so every query fails as {@link GraphUnavailableException} (the API answers 503,
 * /health says DEGRADED), and a store showing another id is never read or written, with the reason logged.
 *
 * <p>A transient failure of the embedded DBMS itself (its folder is locked by another process, it did not become
 * available) does not fail opening: the driver is created for its address and the DBMS is retried in the background
 * every {@link #RETRY_SECONDS} seconds, so search serves at once and the graph follows when the DBMS is up. Likewise
 * the driver connects lazily, so an external server may come up after the service. An external server is shared on
 * purpose (replicas) and is used as configured.
 */
public final class GraphConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GraphConnection.class);
    public static final int RETRY_SECONDS = 3;
    private static final int FREE_PORT_ATTEMPTS = 3;
    private static final String READ_IDENTITY = "MATCH (i:StoreIdentity) RETURN i.id AS id";

    private final Driver driver;
    private final URI uri;
    private final Path embeddedDir;
    private final int embeddedPort;
    private final OwnStoreCredentials credentials;
    private final ScheduledExecutorService starter;
    private volatile EmbeddedNeo4j embedded;
    private volatile boolean closed;

    private GraphConnection(
            Driver driver, URI uri, Path embeddedDir, int embeddedPort, OwnStoreCredentials credentials) {
        this.driver = driver;
        this.uri = uri;
        this.embeddedDir = embeddedDir;
        this.embeddedPort = embeddedPort;
        this.credentials = credentials;
        this.starter = embeddedDir == null
                ? null
                : Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "embedded-neo4j-start");
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Connects to the external server, or starts the embedded one.
     *
     * @throws BoltPortTakenException when the embedded store's configured Bolt port is held by another process
     */
    public static GraphConnection open(GraphStoreSettings config) throws IOException {
        if (!config.embedded()) {
            AuthToken auth =
                    config.password() == null ? AuthTokens.none() : AuthTokens.basic(config.user(), config.password());
            return new GraphConnection(
                    GraphDatabase.driver(config.uri(), auth, driverConfig()), config.uri(), null, 0, null);
        }
        boolean configured = config.boltPort() > 0;
        int port = configured ? config.boltPort() : freePort();
        EmbeddedNeo4j started = null;
        Exception failure = null;
        // The first attempt comes before the driver, whose address is then fixed: a free port someone took in between
        // can still be swapped for another.
        for (int attempt = 1; started == null && failure == null; attempt++) {
            try {
                started = EmbeddedNeo4j.start(config.embeddedDir(), port);
            } catch (BoltPortTakenException e) {
                if (configured) throw e;
                if (attempt < FREE_PORT_ATTEMPTS) {
                    port = freePort();
                } else {
                    failure = e;
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
        }
        URI uri = URI.create("bolt://127.0.0.1:" + port);
        OwnStoreCredentials credentials = new OwnStoreCredentials(uri);
        Driver driver = GraphDatabase.driver(uri, credentials, driverConfig());
        GraphConnection connection = new GraphConnection(driver, uri, config.embeddedDir(), port, credentials);
        boolean ready = started != null ? connection.adopt(started) : connection.startFailed(failure);
        if (!ready) {
            connection.starter.scheduleWithFixedDelay(
                    connection::retryStartEmbedded, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
        }
        return connection;
    }

    private static Config driverConfig() {
        return Config.builder()
                .withConnectionTimeout(3, TimeUnit.SECONDS)
                // Reads fail at once when the store is down (the API answers 503 and the client retries) instead of
                // holding
                // a request thread through the driver's retries (30 s by default; even 1 s of retries took ~3 s of
                // backoff).
                .withMaxTransactionRetryTime(0, TimeUnit.SECONDS)
                .withConnectionAcquisitionTimeout(5, TimeUnit.SECONDS)
                .withMaxConnectionPoolSize(32)
                .withLogging(org.neo4j.driver.Logging.slf4j())
                .build();
    }

    /** Starts the embedded DBMS if it is not running and checks it; false while there is reason to try again. */
    private synchronized boolean tryStartEmbedded() {
        if (closed || credentials.decided()) return true;
        if (embedded != null) return verify(embedded);
        try {
            return adopt(EmbeddedNeo4j.start(embeddedDir, embeddedPort));
        } catch (IOException | RuntimeException e) {
            return startFailed(e);
        }
    }

    private boolean startFailed(Exception e) {
        LOG.error(
                "the embedded graph store did not start ({}); search serves, the graph answers 503 and the store is "
                        + "retried every {} s",
                rootMessage(e),
                RETRY_SECONDS);
        return false;
    }

    /** Takes ownership of a started DBMS (closed with this connection), then checks it is the store the driver reaches. */
    private synchronized boolean adopt(EmbeddedNeo4j store) {
        if (closed) {
            store.close();
            return true;
        }
        embedded = store;
        return verify(store);
    }

    /**
     * Asks the store at the driver's address for its identity, with a short-lived driver of its own, and gives the
     * serving driver its credentials only when the identity is the folder's. False when the store cannot be asked yet,
     * true once that is decided either way.
     */
    private boolean verify(EmbeddedNeo4j store) {
        String found;
        try (Driver probe = GraphDatabase.driver(uri, store.authToken(), driverConfig())) {
            List<Record> rows = probe.executableQuery(READ_IDENTITY)
                    .withConfig(QueryConfig.builder().withDatabase("neo4j").build())
                    .execute()
                    .records();
            found = rows.isEmpty() ? null : rows.get(0).get("id").asString(null);
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            LOG.warn(
                    "the embedded graph store at {} cannot be asked for its identity yet ({}); retried every {} s",
                    uri,
                    rootMessage(e),
                    RETRY_SECONDS);
            return false;
        } catch (SecurityException e) {
            refuse("it refuses the password in " + embeddedDir.resolve(StoreIdentity.PASSWORD_FILE)
                    + ", so it is not the store this service started");
            return true;
        } catch (Neo4jException e) {
            refuse("it could not say which store it is (" + rootMessage(e) + ")");
            return true;
        }
        if (store.storeId().equals(found)) {
            credentials.allow(store.authToken());
            LOG.info("the embedded graph store is up at {} (store {})", uri, found);
        } else {
            refuse("it is store " + found + ", while " + embeddedDir.resolve(StoreIdentity.ID_FILE) + " names "
                    + store.storeId() + ". If " + embeddedDir
                    + " came from another service, delete it and restart: this "
                    + "service then builds a store of its own and writes the graph from the guide again");
        }
        return true;
    }

    /** Never uses the store; the log says why, while clients (through /health) learn only that it is not ours. */
    private void refuse(String why) {
        credentials.refuse(
                "the graph store at " + uri + " is not this service's own, so it is neither read nor written");
        LOG.error(
                "the graph store at {} is not this service's own and is neither read nor written: {}. Search serves, "
                        + "the graph answers 503",
                uri,
                why);
    }

    private void retryStartEmbedded() {
        if (tryStartEmbedded()) starter.shutdown();
    }

    public Driver driver() {
        return driver;
    }

    public URI uri() {
        return uri;
    }

    public boolean embedded() {
        return embeddedDir != null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        if (starter != null) starter.shutdownNow();
        driver.close();
        EmbeddedNeo4j running = embedded;
        if (running != null) {
            running.close();
        }
    }

    /**
     * The serving driver's credentials for an embedded store: none until the store has shown its identity, so no
     * query reaches a store that is not this service's; the store's own once it has. Thread-safe.
     */
    private static final class OwnStoreCredentials implements AuthTokenManager {
        private final URI uri;
        private volatile AuthToken token;
        private volatile String refusal;

        OwnStoreCredentials(URI uri) {
            this.uri = uri;
        }

        void allow(AuthToken ownToken) {
            token = ownToken;
        }

        void refuse(String reason) {
            refusal = reason;
        }

        boolean decided() {
            return token != null || refusal != null;
        }

        @Override
        public CompletionStage<AuthToken> getToken() {
            AuthToken own = token;
            if (own != null) return CompletableFuture.completedFuture(own);
            String reason = refusal != null ? refusal : "the embedded graph store at " + uri + " has not started yet";
            return CompletableFuture.failedFuture(new GraphUnavailableException(reason, null));
        }

        @Override
        public boolean handleSecurityException(AuthToken authToken, SecurityException exception) {
            return false;
        }
    }
}

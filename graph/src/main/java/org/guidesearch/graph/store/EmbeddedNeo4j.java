package org.guidesearch.graph.store;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * A Neo4j Community DBMS inside this JVM, reachable only through its Bolt connector on 127.0.0.1, so the service
 * talks to it through the driver exactly as it would to an external server. Its data folder survives restarts.
 *
 * <p>The store is its folder's own ({@link StoreIdentity}): authentication is on, with the password kept in the
 * folder, and the first start writes the folder's id into the store as a {@code (:StoreIdentity {id})} node, so a
 * client reaching a store over Bolt can tell whether it is this one. The owner closes it.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
    private static final String WRITE_IDENTITY = """
      MERGE (i:StoreIdentity)
        ON CREATE SET i.id = $id, i.createdAt = datetime()
      """;

    private final DatabaseManagementService dbms;
    private final URI boltUri;
    private final StoreIdentity identity;

    private EmbeddedNeo4j(DatabaseManagementService dbms, URI boltUri, StoreIdentity identity) {
        this.dbms = dbms;
        this.boltUri = boltUri;
        this.identity = identity;
    }

    /**
     * Starts the DBMS in {@code dataDir}; {@code port} 0 picks a free port. Blocks until the database is available.
     *
     * @throws BoltPortTakenException when another process holds the port
     */
    public static EmbeddedNeo4j start(Path dataDir, int port) throws IOException {
        StoreIdentity identity = StoreIdentity.ofFolder(dataDir);
        int boltPort = port > 0 ? port : freePort();
        requireFree(boltPort);
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(dataDir.toAbsolutePath())
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    // Loopback is no boundary: any local process (another service, a browser page's fetch) could
                    // otherwise
                    // read and write the graph.
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
                    // The defaults wait ~10 s for Bolt threads at shutdown; the driver is closed first, so nothing is
                    // lost.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(100))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
                    .build();
        } catch (RuntimeException e) {
            if (causedBy(e, BindException.class)) throw new BoltPortTakenException(boltPort, e);
            throw e;
        }
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(Duration.ofSeconds(60).toMillis())) {
                throw new IOException("embedded Neo4j did not become available in " + dataDir);
            }
            setPassword(dbms, identity.password());
            db.executeTransactionally(WRITE_IDENTITY, Map.of("id", identity.id()));
        } catch (IOException | RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
        return new EmbeddedNeo4j(dbms, URI.create("bolt://127.0.0.1:" + boltPort), identity);
    }

    public URI boltUri() {
        return boltUri;
    }

    /** The id its {@code StoreIdentity} node should hold. */
    public String storeId() {
        return identity.id();
    }

    /** The credentials of its {@value StoreIdentity#USER} user. */
    public AuthToken authToken() {
        return identity.authToken();
    }

    /** The password of its {@value StoreIdentity#USER} user, for clients configured with one. */
    public String password() {
        return identity.password();
    }

    /**
     * Gives the user the folder's password. Run in-process on every start, so a store made before auth was on, or
     * one whose password file was deleted, takes the password the folder holds now.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER " + StoreIdentity.USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                            Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to set the password the user already has: nothing to change.
            if (e.getMessage() == null || !e.getMessage().contains("cannot be the same")) throw e;
        }
    }

    private static void requireFree(int port) throws BoltPortTakenException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new BoltPortTakenException(port, e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        dbms.shutdown();
    }
}

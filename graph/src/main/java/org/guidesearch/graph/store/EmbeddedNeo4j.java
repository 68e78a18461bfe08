package org.guidesearch.graph.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * A Neo4j Community DBMS inside this JVM, reachable only through its Bolt connector on 127.0.0.1, so the service
 * talks to it through the driver exactly as it would to an external server. Its data folder survives restarts.
 *
 * <p>Authentication is off because the connector listens on loopback only. The owner closes it.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
  private final DatabaseManagementService dbms;
  private final URI boltUri;

  private EmbeddedNeo4j(DatabaseManagementService dbms, URI boltUri) {
    this.dbms = dbms;
    this.boltUri = boltUri;
  }

  /** Starts the DBMS in {@code dataDir}; {@code port} 0 picks a free port. Blocks until the database is available. */
  public static EmbeddedNeo4j start(Path dataDir, int port) throws IOException {
    int boltPort = port > 0 ? port : freePort();
    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(dataDir.toAbsolutePath())
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
            // The defaults wait ~10 s for Bolt threads at shutdown; the driver is closed first, so nothing is lost.
            .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(100))
            .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
            .build();
    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    if (!db.isAvailable(Duration.ofSeconds(60).toMillis())) {
      dbms.shutdown();
      throw new IOException("embedded Neo4j did not become available in " + dataDir);
    }
    return new EmbeddedNeo4j(dbms, URI.create("bolt://127.0.0.1:" + boltPort));
  }

  public URI boltUri() {
    return boltUri;
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

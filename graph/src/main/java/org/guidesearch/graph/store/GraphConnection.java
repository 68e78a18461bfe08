package org.guidesearch.graph.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver to the graph store, and the embedded DBMS behind it when no external server is configured. Owns and
 * closes both: the driver first, so the DBMS shuts down with no open Bolt connections.
 *
 * <p>Opening never fails because of the store: if the embedded DBMS cannot start (its port is taken, its folder is
 * locked), the driver is still created for its address and the DBMS is retried in the background every
 * {@link #RETRY_SECONDS} seconds, so search serves at once and the graph follows when the DBMS is up. Likewise the
 * driver connects lazily, so an external server may come up after the service.
 */
public final class GraphConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GraphConnection.class);
  public static final int RETRY_SECONDS = 3;

  private final Driver driver;
  private final URI uri;
  private final Path embeddedDir;
  private final int embeddedPort;
  private final ScheduledExecutorService starter;
  private volatile EmbeddedNeo4j embedded;
  private volatile boolean closed;

  private GraphConnection(Driver driver, URI uri, Path embeddedDir, int embeddedPort) {
    this.driver = driver;
    this.uri = uri;
    this.embeddedDir = embeddedDir;
    this.embeddedPort = embeddedPort;
    this.starter = embeddedDir == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "embedded-neo4j-start");
      t.setDaemon(true);
      return t;
    });
  }

  public static GraphConnection open(GraphStoreSettings config) throws IOException {
    URI uri = config.uri();
    AuthToken auth;
    Path embeddedDir = null;
    int port = 0;
    if (config.embedded()) {
      embeddedDir = config.embeddedDir();
      // The port is fixed before the first attempt so the driver's address holds across retries.
      port = config.boltPort() > 0 ? config.boltPort() : freePort();
      uri = URI.create("bolt://127.0.0.1:" + port);
      auth = AuthTokens.none();
    } else {
      auth = config.password() == null ? AuthTokens.none() : AuthTokens.basic(config.user(), config.password());
    }
    Config driverConfig = Config.builder()
        .withConnectionTimeout(3, TimeUnit.SECONDS)
        // Reads fail at once when the store is down (the API answers 503 and the client retries) instead of holding
        // a request thread through the driver's retries (30 s by default; even 1 s of retries took ~3 s of backoff).
        .withMaxTransactionRetryTime(0, TimeUnit.SECONDS)
        .withConnectionAcquisitionTimeout(5, TimeUnit.SECONDS)
        .withMaxConnectionPoolSize(32)
        .withLogging(org.neo4j.driver.Logging.slf4j())
        .build();
    Driver driver = GraphDatabase.driver(uri, auth, driverConfig);
    GraphConnection connection = new GraphConnection(driver, uri, embeddedDir, port);
    if (embeddedDir != null && !connection.tryStartEmbedded()) {
      connection.starter.scheduleWithFixedDelay(connection::retryStartEmbedded, RETRY_SECONDS, RETRY_SECONDS,
          TimeUnit.SECONDS);
    }
    return connection;
  }

  private synchronized boolean tryStartEmbedded() {
    if (closed || embedded != null) return true;
    try {
      embedded = EmbeddedNeo4j.start(embeddedDir, embeddedPort);
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.error("the embedded graph store did not start ({}); search serves, the graph answers 503 and the store is "
          + "retried every {} s", rootMessage(e), RETRY_SECONDS);
      return false;
    }
  }

  private void retryStartEmbedded() {
    if (tryStartEmbedded()) {
      if (!closed) LOG.info("the embedded graph store is up at {}", uri);
      starter.shutdown();
    }
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
}

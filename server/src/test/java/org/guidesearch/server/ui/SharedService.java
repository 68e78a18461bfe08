package org.guidesearch.server.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.guidesearch.server.RunningService;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the browser test classes one real service (embedded Neo4j over Bolt, Lucene on disk, a real port),
 * started on first use and closed when the whole test run ends. The pages only read, so sharing is safe, and
 * it saves a ~15 s start per class. Use: {@code @ExtendWith(SharedService.class)} and a {@code RunningService}
 * parameter on a {@code @BeforeAll} method.
 */
final class SharedService implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedService.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunningService.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Started.class, key -> Started.start(), Started.class).service();
  }

  /** The service and the state folder it owns; JUnit closes AutoCloseable store values with the root store. */
  record Started(RunningService service, Path state) implements AutoCloseable {
    static Started start() {
      try {
        Path state = Files.createTempDirectory("guide-search-ui-state-");
        return new Started(RunningService.start(state), state);
      } catch (IOException e) {
        throw new UncheckedIOException("starting the service for the browser tests", e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        service.close();
      } finally {
        try (Stream<Path> files = Files.walk(state)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}

package org.guidesearch.server.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.guidesearch.indexer.guide.Guide;
import org.guidesearch.indexer.guide.GuideManifest;
import org.guidesearch.indexer.guide.GuideSource;
import org.guidesearch.server.RunningService;
import org.guidesearch.server.app.ServiceConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the browser test classes one real service (embedded Neo4j over Bolt, Lucene on disk, a real port),
 * started on first use and closed when the whole test run ends. The pages only read, so sharing is safe, and
 * it saves a ~15 s start per class. Use: {@code @ExtendWith(SharedService.class)} and a {@code RunningService}
 * parameter on a {@code @BeforeAll} method.
 *
 * <p>A {@link TwoGuides} parameter (on a test method) gets a second service, also started once on first use, that
 * serves the Python guide and a small guide of another subject: the multi-guide states of the pages.
 */
final class SharedService implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedService.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningService.class || type == TwoGuides.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        if (parameter.getParameter().getType() == TwoGuides.class) {
            return store.getOrComputeIfAbsent(TwoGuides.class, key -> TwoGuides.start(), TwoGuides.class);
        }
        return store.getOrComputeIfAbsent(Started.class, key -> Started.start(), Started.class)
                .service();
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
                delete(state);
            }
        }
    }

    /**
     * A service with two guides: the Python guide as {@code ./run} serves it, then a small made-up guide read from a
     * folder as it is (no curation), with its own title and site. Both guides have a {@code part1.md}, as real guides
     * do, and both speak of reference counting, so one query finds sections of each.
     */
    record TwoGuides(RunningService service, Path folder, Path state) implements AutoCloseable {
        static final String PYTHON = "python-under-the-hood";
        static final String SECOND = "widget-toolkit";
        static final String SECOND_TITLE = "The Widget Toolkit Handbook";
        static final String SECOND_SITE = "https://handbook.example/widgets/";

        static TwoGuides start() {
            try {
                Path folder = Files.createTempDirectory("guide-search-ui-second-guide-");
                Files.writeString(folder.resolve("part1.md"), """
            # Part 1: Getting Started with Widgets

            ## 1. Installing the Toolkit

            Widgets are drawn by the toolkit's renderer. Install the toolkit, then open a window and add a button.

            ## 2. Reference Counting of Widgets

            Every widget keeps a reference count. Reference counting frees a widget when its last parent lets go,
            so a window that closes releases its buttons, labels and sliders at once.
            """);
                Files.writeString(folder.resolve("part2.md"), """
            # Part 2: Layout and Events

            ## 3. Layout Managers

            A layout manager places widgets in rows, columns or grids and recomputes sizes when the window resizes.

            ## 4. Event Dispatch

            Clicks and key presses reach widgets through the event dispatcher. Handlers that hold a reference to a
            widget keep its reference count above zero, so remove them when the widget closes.
            """);
                Guide python = GuideManifest.load(
                                RunningService.repositoryData().resolve("guides.json"))
                        .first();
                Guide second = new Guide(
                        SECOND,
                        SECOND_TITLE,
                        SECOND_SITE,
                        new GuideSource(List.of(new GuideSource.Folder(folder)), Map.of()),
                        null);
                Path state = Files.createTempDirectory("guide-search-ui-two-guides-state-");
                RunningService service =
                        RunningService.start(ServiceConfig.forTests(new GuideManifest(List.of(python, second)), state));
                return new TwoGuides(service, folder, state);
            } catch (IOException e) {
                throw new UncheckedIOException("starting the two-guide service for the browser tests", e);
            }
        }

        String base() {
            return service.base();
        }

        @Override
        public void close() throws IOException {
            try {
                service.close();
            } finally {
                delete(state);
                delete(folder);
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

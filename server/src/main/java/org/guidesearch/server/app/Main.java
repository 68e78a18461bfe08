package org.guidesearch.server.app;

import java.io.PrintStream;
import org.guidesearch.graph.store.BoltPortTakenException;
import org.guidesearch.indexer.guide.GuideConfigException;
import org.guidesearch.indexer.guide.GuideFetchException;
import picocli.CommandLine;

/**
 * Reads the configuration, starts the service, and stops it cleanly on exit. A start that cannot proceed prints what
 * failed and how to fix it, with no stack trace, and exits non-zero.
 */
public final class Main {
    static final int CANNOT_START = 2;

    private Main() {}

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ServeCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof GuideConfigException) {
                cannotStart(cmd.getErr(), e.getMessage());
                return CANNOT_START;
            }
            throw e;
        });
        int exit = cli.execute(args);
        ServiceConfig config = cli.getExecutionResult();
        if (exit != 0 || config == null) {
            System.exit(exit);
            return;
        }
        GuideSearchService service;
        try {
            service = GuideSearchService.start(config);
        } catch (GuideFetchException | GuideConfigException | BoltPortTakenException e) {
            // a configuration or environment problem, not a crash: say what to change, without a stack trace
            cannotStart(System.err, e.getMessage());
            System.exit(CANNOT_START);
            return;
        } catch (Exception e) {
            cannotStart(System.err, describe(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shutdown"));
    }

    private static void cannotStart(PrintStream err, String message) {
        err.println("guide-search cannot start: " + message);
        err.flush();
    }

    private static void cannotStart(java.io.PrintWriter err, String message) {
        err.println("guide-search cannot start: " + message);
        err.flush();
    }

    /** The chain of causes as one line each, which usually says what to fix (a taken port, an unwritable folder). */
    private static String describe(Throwable e) {
        StringBuilder m = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (m.length() > 0) m.append("\n  because: ");
            m.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return m.toString();
    }
}

package org.guidesearch.server.app;

import org.guidesearch.graph.store.BoltPortTakenException;
import picocli.CommandLine;

/** Reads the configuration, starts the service, and stops it cleanly on exit. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    CommandLine cli = new CommandLine(new ServeCommand());
    int exit = cli.execute(args);
    ServiceConfig config = cli.getExecutionResult();
    if (exit != 0 || config == null) {
      System.exit(exit);
      return;
    }
    GuideSearchService service;
    try {
      service = GuideSearchService.start(config);
    } catch (BoltPortTakenException e) {
      // A configuration mistake, not a crash: say what to change, without a stack trace.
      System.err.println("guide-search cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shutdown"));
  }
}

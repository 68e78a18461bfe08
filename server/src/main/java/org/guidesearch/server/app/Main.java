package org.guidesearch.server.app;

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
    GuideSearchService service = GuideSearchService.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shutdown"));
  }
}

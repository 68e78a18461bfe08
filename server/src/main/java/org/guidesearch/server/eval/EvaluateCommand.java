package org.guidesearch.server.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.guidesearch.indexer.eval.QuerySet;
import org.guidesearch.indexer.search.SearchMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./evaluate}: prints nDCG@10, MRR@10, P@1 and Recall@10 per mode and per half of the judged set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Scores every search mode on the judged query set.")
public final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--corpus", defaultValue = "${env:CORPUS_DIR:-../shared/corpus/python-under-the-hood}") Path corpus;
  @Option(names = "--data", defaultValue = "${env:DATA_DIR:-data}") Path data;
  @Option(names = "--queries", defaultValue = "data/eval/queries.json") Path queries;
  @Option(names = "--embedding-cache", defaultValue = "${env:EMBEDDING_CACHE:-var/embeddings.bin}") Path cache;
  @Option(names = "--models", defaultValue = "${env:EMBEDDING_MODELS}",
      description = "Comma-separated embedding models to fuse: minilm, bge_small, e5_small.") String models;
  @Option(names = "--misses", description = "Also list the queries whose first hit is not the answer.") boolean misses;

  public static void main(String[] args) {
    System.exit(new CommandLine(new EvaluateCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path indexDir = Files.createTempDirectory("guide-search-eval");
    QuerySet set = QuerySet.load(queries);
    try (SearchEvaluation eval = SearchEvaluation.open(corpus, data, indexDir, cache,
        org.guidesearch.indexer.semantic.EmbeddingModelChoice.parseList(models))) {
      System.out.printf("index built in %d ms (embedding cache %s)%n", eval.indexMillis(), cache);
      SearchEvaluation.Report report = eval.run(set);
      System.out.print(SearchEvaluation.table(report));
      for (SearchMode mode : SearchMode.values()) {
        double[] ms = report.outcomes().get(mode).stream().mapToDouble(SearchEvaluation.QueryOutcome::millis).sorted().toArray();
        System.out.printf("%s: p50 %.2f ms, p95 %.2f ms over %d queries (in-process, single pass)%n",
            mode.name().toLowerCase(), ms[ms.length / 2], ms[(int) Math.floor(ms.length * 0.95)], ms.length);
      }
      if (misses) {
        report.outcomes().forEach((mode, outcomes) -> outcomes.stream().filter(o -> o.metrics().p1() == 0).forEach(o ->
            System.out.printf("MISS %-8s %-4s %-50s → %s (answer: %s)%n", mode.name().toLowerCase(), o.query().id(),
                o.query().query(), o.ranking().isEmpty() ? "-" : o.ranking().get(0),
                o.query().grades().entrySet().stream().filter(e -> e.getValue() == 3).map(e -> e.getKey()).toList())));
      }
    }
    return 0;
  }
}

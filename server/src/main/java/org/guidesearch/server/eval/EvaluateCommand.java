package org.guidesearch.server.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.guidesearch.indexer.eval.QuerySet;
import org.guidesearch.indexer.eval.WordOverlap;
import org.guidesearch.indexer.guide.Guide;
import org.guidesearch.indexer.guide.GuideFetcher;
import org.guidesearch.indexer.guide.GuideManifest;
import org.guidesearch.indexer.query.SearchMode;
import org.guidesearch.indexer.semantic.ReaderQuestions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./evaluate}: prints nDCG@10, MRR@10, P@1 and Recall@10 per mode and per half of the judged set. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Scores every search mode on the judged query set.")
public final class EvaluateCommand implements Callable<Integer> {
    @Option(
            names = "--guides",
            defaultValue = "${env:GUIDES:-data/guides-two.json}",
            description = "Guides manifest the guide is read from (default: the example with both guides).")
    Path guides;

    @Option(names = "--guide", description = "Guide id to evaluate (default: the manifest's first).")
    String guideId;

    @Option(names = "--no-curation", description = "Leave the guide's curated overlay out: its text alone.")
    boolean noCuration;

    @Option(names = "--state", defaultValue = "${env:STATE_DIR:-var}", description = "Where fetched guides are kept.")
    Path state;

    @Option(
            names = "--queries",
            description = "Judged queries (default: data/eval/<guide>/queries.json if there, "
                    + "else data/eval/queries.json).")
    Path queries;

    @Option(names = "--embedding-cache", defaultValue = "${env:EMBEDDING_CACHE:-var/embeddings.bin}")
    Path cache;

    @Option(
            names = "--models",
            defaultValue = "${env:EMBEDDING_MODELS}",
            description = "Comma-separated embedding models to fuse: minilm, minilm_q, bge_small, e5_small.")
    String models;

    @Option(names = "--no-extraction", description = "Search with the curated vocabulary alone, as before extraction.")
    boolean noExtraction;

    @Option(
            names = "--ungrouped",
            description = "Score every matching section in rank order instead of the ranking "
                    + "as served (one hit per numbered section).")
    boolean ungrouped;

    @Option(names = "--misses", description = "Also list the queries whose first hit is not the answer.")
    boolean misses;

    @Option(
            names = "--per-query",
            description = "Also list every query's hybrid nDCG@10 and P@1 with its first hits, to compare two runs.")
    boolean perQuery;

    @Option(
            names = "--strict",
            arity = "0..1",
            fallbackValue = "0.4",
            paramLabel = "OVERLAP",
            description = "Leave out every reader question sharing at least OVERLAP (default 0.4) of its words with a "
                    + "judged query, to show how much of the score rests on near-paraphrases.")
    Double strict;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path indexDir = Files.createTempDirectory("guide-search-eval");
        GuideManifest manifest = GuideManifest.load(guides);
        Guide guide = manifest.guide(guideId);
        Path corpus = GuideFetcher.withDefaultLimits(state.resolve("guides"))
                .fetch(guide)
                .folder();
        Path data = noCuration ? null : guide.dataDir();
        if (queries == null) {
            Path own = Path.of("data", "eval", guide.id(), "queries.json");
            queries = Files.isRegularFile(own) ? own : Path.of("data", "eval", "queries.json");
        }
        System.out.printf(
                "guide %s%s, queries %s%n",
                guide.id(), data == null ? " without curation" : " with its overlay", queries);
        QuerySet set = QuerySet.load(queries);
        ReaderQuestions questions =
                data == null ? ReaderQuestions.none() : ReaderQuestions.load(data.resolve(ReaderQuestions.FOLDER));
        if (strict != null) {
            int before = questions.passages().size();
            questions = questions.without(q ->
                    set.queries().stream().anyMatch(j -> WordOverlap.of(q, j.query()) >= strict));
            System.out.printf(
                    "strict: %d of %d reader questions left out (word overlap >= %.2f with a judged query)%n",
                    before - questions.passages().size(), before, strict);
        }
        try (SearchEvaluation eval = SearchEvaluation.open(
                corpus,
                data,
                indexDir,
                cache,
                org.guidesearch.indexer.semantic.EmbeddingModelChoice.parseList(models),
                questions,
                !noExtraction)) {
            System.out.printf("index built in %d ms (embedding cache %s)%n", eval.indexMillis(), cache);
            SearchEvaluation.Report report = eval.run(set, !ungrouped);
            System.out.print(SearchEvaluation.table(report));
            // The first pass runs on a cold JVM; the second, over the same queries, shows the warm service.
            SearchEvaluation.Report warm = eval.run(set, !ungrouped);
            for (SearchMode mode : SearchMode.values()) {
                System.out.printf(
                        "%s: cold pass p50 %.2f ms, p95 %.2f ms; warm pass p50 %.2f ms, p95 %.2f ms (%d queries, in-process)%n",
                        mode.name().toLowerCase(),
                        percentile(report, mode, 0.5),
                        percentile(report, mode, 0.95),
                        percentile(warm, mode, 0.5),
                        percentile(warm, mode, 0.95),
                        report.outcomes().get(mode).size());
            }
            System.out.printf(
                    "distinct numbered sections among the first 5 hits (hybrid): %.2f ungrouped, %.2f grouped%n",
                    eval.distinctSectionsInTop5(set, SearchMode.HYBRID, false),
                    eval.distinctSectionsInTop5(set, SearchMode.HYBRID, true));
            if (perQuery) {
                report.outcomes()
                        .get(SearchMode.HYBRID)
                        .forEach(o -> System.out.printf(
                                "QUERY %-4s %-8s ndcg %.3f p1 %.0f  %-50s → %s%n",
                                o.query().id(),
                                o.query().kind(),
                                o.metrics().ndcg10(),
                                o.metrics().p1(),
                                o.query().query(),
                                o.ranking().stream().limit(10).toList()));
            }
            if (misses) {
                report.outcomes()
                        .forEach((mode, outcomes) -> outcomes.stream()
                                .filter(o -> o.metrics().p1() == 0)
                                .forEach(o -> System.out.printf(
                                        "MISS %-8s %-4s %-50s → %s (answer: %s)%n",
                                        mode.name().toLowerCase(),
                                        o.query().id(),
                                        o.query().query(),
                                        o.ranking().isEmpty()
                                                ? "-"
                                                : o.ranking().get(0),
                                        o.query().grades().entrySet().stream()
                                                .filter(e -> e.getValue() == 3)
                                                .map(e -> e.getKey())
                                                .toList())));
            }
        }
        return 0;
    }

    private static double percentile(SearchEvaluation.Report report, SearchMode mode, double p) {
        double[] ms = report.outcomes().get(mode).stream()
                .mapToDouble(SearchEvaluation.QueryOutcome::millis)
                .sorted()
                .toArray();
        return ms[Math.min(ms.length - 1, (int) Math.floor(ms.length * p))];
    }
}

package org.guidesearch.server.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.guidesearch.graph.extract.ConceptExtractor;
import org.guidesearch.graph.extract.ExtractionCache;
import org.guidesearch.graph.extract.OverlayReport;
import org.guidesearch.graph.extract.OverlayReview;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.graph.vocabulary.VocabularyException;
import org.guidesearch.graph.vocabulary.VocabularyLoader;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.CorpusReader;
import org.guidesearch.indexer.corpus.SectionRef;
import org.guidesearch.indexer.corpus.SectionSplitter;
import org.guidesearch.indexer.guide.Guide;
import org.guidesearch.indexer.guide.GuideConfigException;
import org.guidesearch.indexer.guide.GuideFetcher;
import org.guidesearch.indexer.guide.GuideManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./discover}: the review report of a guide's curated overlay against what extraction finds in its text, so an
 * owner sees what to add, fix or block. Reads the same extraction cache as the service.
 */
@Command(
        name = "discover",
        mixinStandardHelpOptions = true,
        description = "Reports what concept extraction found in a guide that its curated overlay lacks or contradicts.")
public final class DiscoverCommand implements Callable<Integer> {
    private static final int TEXT_WIDTH = 70;

    @Option(names = "--guides", defaultValue = "${env:GUIDES:-data/guides.json}", description = "Guides manifest.")
    Path guides;

    @Option(names = "--guide", description = "Guide id (default: the manifest's first).")
    String guideId;

    @Option(
            names = "--state",
            defaultValue = "${env:STATE_DIR:-var}",
            description = "Where fetched guides and extractions are kept.")
    Path state;

    @Option(names = "--top", defaultValue = "40", description = "How many entries to print per list.")
    int top;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new DiscoverCommand());
        // a guide that cannot be had or an overlay that cannot be read is the user's to fix: say so, no stack trace
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IOException || e instanceof GuideConfigException || e instanceof VocabularyException) {
                cmd.getErr().println("discover cannot run: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Guide guide = GuideManifest.load(guides).guide(guideId);
        Path folder = GuideFetcher.withDefaultLimits(state.resolve("guides"))
                .fetch(guide)
                .folder();
        Corpus corpus = new CorpusReader(new SectionSplitter()).read(folder);
        Vocabulary extracted = new ExtractionCache(
                        state.resolve("extracted").resolve(guide.id()), new ConceptExtractor())
                .vocabulary(corpus, folder);
        VocabularyLoader loader = new VocabularyLoader();
        Vocabulary curated = loader.loadIfPresent(guide.dataDir());
        Set<String> blocklist = loader.blocklist(guide.dataDir());
        OverlayReport report = new OverlayReview().review(extracted, curated, blocklist);
        print(System.out, guide, extracted, curated, blocklist, report);
        return 0;
    }

    void print(
            PrintStream out,
            Guide guide,
            Vocabulary extracted,
            Vocabulary curated,
            Set<String> blocklist,
            OverlayReport report) {
        out.printf(
                "Review of '%s': the text gives %d concepts and %d relations; the overlay has %d concepts,"
                        + " %d relations and %d blocked names.%n",
                guide.id(),
                extracted.concepts().size(),
                extracted.relations().size(),
                curated.concepts().size(),
                curated.relations().size(),
                blocklist.size());
        if (curated.concepts().isEmpty()) {
            out.println("This guide has no curated overlay: the service serves everything below as extracted.");
        }
        section(
                out,
                "Concepts the overlay lacks (add them to concepts.json, or their names to blocklist.json)",
                report.unmatched(),
                c -> String.format(
                        "%-32s %-24s %s",
                        clip(c.name() + (c.aliases().isEmpty() ? "" : " " + c.aliases()), 32),
                        c.home() == null ? "" : clip(c.home().toString(), 24),
                        clip(c.definition(), TEXT_WIDTH)));
        section(
                out,
                "Relations between curated concepts that the overlay lacks (add them to relations.json)",
                report.missingRelations(),
                r -> String.format("%.2f  %-60s %s", r.weight(), clip(r.toString(), 60), evidence(r.evidence())));
        section(
                out,
                "Where the text and the overlay disagree",
                report.contradictions(),
                c -> String.format("%-15s %s; %s  %s", c.kind(), c.curated(), c.text(), evidence(c.evidence())));
    }

    private <T> void section(PrintStream out, String title, List<T> entries, Function<T, String> line) {
        out.printf("%n%s: %d%n", title, entries.size());
        entries.stream().limit(top).forEach(e -> out.println("  " + line.apply(e)));
        if (entries.size() > top) out.printf("  … and %d more (--top)%n", entries.size() - top);
    }

    private static String evidence(List<SectionRef> refs) {
        return refs.isEmpty() ? "" : "(" + refs.get(0) + (refs.size() > 1 ? " +" + (refs.size() - 1) : "") + ")";
    }

    private static String clip(String s, int width) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= width ? one : one.substring(0, width - 1) + "…";
    }
}

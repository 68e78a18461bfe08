package org.guidesearch.server.app;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.guidesearch.graph.discovery.Candidate;
import org.guidesearch.graph.discovery.CandidateDiscovery;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.graph.vocabulary.VocabularyLoader;
import org.guidesearch.indexer.guide.Guide;
import org.guidesearch.indexer.guide.GuideFetcher;
import org.guidesearch.indexer.guide.GuideManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./discover}: candidate concepts the vocabulary lacks, most frequent first, for review. */
@Command(
        name = "discover",
        mixinStandardHelpOptions = true,
        description = "Lists bold terms, inline code, glossary entries and headings that no concept matches yet.")
public final class DiscoverCommand implements Callable<Integer> {
    @Option(names = "--guides", defaultValue = "${env:GUIDES:-data/guides.json}", description = "Guides manifest.")
    Path guides;

    @Option(names = "--guide", description = "Guide id (default: the manifest's first).")
    String guideId;

    @Option(names = "--state", defaultValue = "${env:STATE_DIR:-var}", description = "Where fetched guides are kept.")
    Path state;

    @Option(names = "--top", defaultValue = "50", description = "How many candidates to print.")
    int top;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DiscoverCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        GuideManifest manifest = GuideManifest.load(guides);
        Guide guide = manifest.guide(guideId);
        Path corpus = GuideFetcher.withDefaultLimits(state.resolve("guides"))
                .fetch(guide)
                .folder();
        Vocabulary vocabulary = new VocabularyLoader().loadIfPresent(guide.dataDir());
        List<Candidate> candidates = new CandidateDiscovery().discover(corpus, vocabulary);
        System.out.printf("%-4s %-40s %6s %6s  %s%n", "rank", "candidate", "count", "files", "seen as");
        for (int i = 0; i < Math.min(top, candidates.size()); i++) {
            Candidate c = candidates.get(i);
            System.out.printf(
                    "%-4d %-40s %6d %6d  %s%n", i + 1, c.term(), c.count(), c.files(), new TreeSet<>(c.sources()));
        }
        System.out.printf("%d candidates in all%n", candidates.size());
        return 0;
    }
}

package org.guidesearch.graph.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.Section;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracted vocabularies kept as canonical JSON in a folder, keyed by the SHA-256 of the corpus sections' text and
 * the extractor's {@link ConceptExtractor#VERSION}: an unchanged guide is extracted once. A file is written to a
 * temporary name and moved into place, so a reader never sees half of one. An unreadable cache file is extracted
 * again and replaced.
 */
public final class ExtractionCache {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractionCache.class);

    private final Path folder;
    private final ConceptExtractor extractor;
    private final VocabularyJson json = new VocabularyJson();

    public ExtractionCache(Path folder, ConceptExtractor extractor) {
        this.folder = folder;
        this.extractor = extractor;
    }

    /** The extracted vocabulary of {@code corpus}, from the cache when the same text was extracted before. */
    public Vocabulary vocabulary(Corpus corpus, Path corpusFolder) throws IOException {
        Path file = folder.resolve(key(corpus) + ".json");
        if (Files.isRegularFile(file)) {
            try {
                return json.read(Files.readAllBytes(file));
            } catch (IOException | RuntimeException e) {
                LOG.warn("cached extraction {} is unreadable ({}); extracting again", file, e.getMessage());
            }
        }
        Vocabulary extracted = extractor.extract(corpus, corpusFolder);
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, "extraction", ".tmp");
        Files.write(tmp, json.write(extracted));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return extracted;
    }

    static String key(Corpus corpus) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ConceptExtractor.VERSION.getBytes(StandardCharsets.UTF_8));
            for (Section s : corpus.sections()) {
                for (String part : new String[] {s.id(), s.title(), s.role().name(), s.prose(), s.code()}) {
                    sha.update(part.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

package org.guidesearch.indexer.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.guidesearch.indexer.corpus.Section;

/**
 * Keeps generations of the section index on disk and says which one is current.
 *
 * <p>A build writes a complete new generation beside the serving one and only then points {@code CURRENT} at it with
 * an atomic rename; a build that fails or is killed half-way leaves {@code CURRENT} on the previous generation.
 * Older generations are deleted after a successful switch.
 */
public final class IndexStore {
    private static final String CURRENT = "CURRENT";
    private static final String PREFIX = "gen-";

    private final Path root;

    public IndexStore(Path root) {
        this.root = root;
    }

    /** The generation {@code CURRENT} names, if it exists and holds a committed index. */
    public Optional<Path> current() throws IOException {
        Path pointer = root.resolve(CURRENT);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        Path dir =
                root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip());
        try (Directory directory = FSDirectory.open(dir)) {
            return DirectoryReader.indexExists(directory) ? Optional.of(dir) : Optional.empty();
        }
    }

    /** Writes {@code sections} as a new generation and makes it current; returns its folder. */
    public Path build(List<Section> sections, List<Document> extraDocuments) throws IOException {
        return build(sections, Map.of(), extraDocuments);
    }

    /**
     * As {@link #build(List, List)}, with {@code asked}: by section id, the questions readers ask that the section
     * answers, searched by keywords too.
     */
    public Path build(List<Section> sections, Map<String, String> asked, List<Document> extraDocuments)
            throws IOException {
        Files.createDirectories(root);
        Path dir = Files.createTempDirectory(root, PREFIX + System.currentTimeMillis() + "-");
        IndexWriterConfig config = new IndexWriterConfig(SectionSchema.indexAnalyzer());
        config.setSimilarity(new BM25Similarity());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (Directory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, config)) {
            for (Section s : sections) {
                if (!s.isNavigation()) {
                    writer.updateDocument(
                            new Term(SectionSchema.ID, s.id()),
                            SectionSchema.toDocument(s, asked.getOrDefault(s.id(), "")));
                }
            }
            for (Document d : extraDocuments) {
                writer.addDocument(d);
            }
            writer.commit();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
        switchTo(dir);
        return dir;
    }

    private void switchTo(Path dir) throws IOException {
        Path tmp = root.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, dir.getFileName().toString(), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes every generation except {@code keep}; open readers on Unix keep their files until closed. */
    public void deleteOtherGenerations(Path keep) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(p -> p.getFileName().toString().startsWith(PREFIX) && !p.equals(keep))
                    .forEach(IndexStore::deleteQuietly);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover generation costs disk only; the next successful build removes it
        }
    }
}

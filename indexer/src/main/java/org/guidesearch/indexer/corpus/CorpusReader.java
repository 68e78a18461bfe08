package org.guidesearch.indexer.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every {@code .md} file of one folder into sections.
 *
 * <p>Reading order: {@code index.md} first, then the files in the order index.md links to them, then any others by
 * name. A file that is not valid UTF-8 or cannot be read is reported with its line and skipped.
 */
public final class CorpusReader {
    private static final Logger LOG = LoggerFactory.getLogger(CorpusReader.class);
    private static final String INDEX = "index.md";
    private static final Pattern FILE_LINK = Pattern.compile("\\]\\((?:\\./)?([^/)#\\s]+\\.md)[)#]");

    private final SectionSplitter splitter;
    private final ChapterFurniture furniture = new ChapterFurniture();

    public CorpusReader(SectionSplitter splitter) {
        this.splitter = splitter;
    }

    public Corpus read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("corpus folder not found: " + folder.toAbsolutePath());
        }
        List<Section> sections = new ArrayList<>();
        List<CorpusProblem> problems = new ArrayList<>();
        Map<SectionRef, String> synopses = new HashMap<>();
        for (Path file : inReadingOrder(folder)) {
            String doc = file.getFileName().toString();
            try {
                String text = decode(doc, Files.readAllBytes(file));
                sections.addAll(splitter.split(doc, text, sections.size()));
                splitter.synopses(doc, text).forEach(synopses::putIfAbsent);
            } catch (MalformedMarkdownException e) {
                LOG.warn("skipping {}: {}", doc, e.problem());
                problems.add(e.problem());
            } catch (IOException | RuntimeException e) {
                // The exception's message often is the absolute path; problems are shown to clients, so name the kind
                // only.
                CorpusProblem problem =
                        new CorpusProblem(doc, 0, "cannot read (" + e.getClass().getSimpleName() + ")");
                LOG.debug("reading {}", file, e);
                LOG.warn("skipping {}: {}", doc, problem);
                problems.add(problem);
            }
        }
        sections.replaceAll(s -> synopses.containsKey(s.ref()) ? s.withSynopsis(synopses.get(s.ref())) : s);
        return new Corpus(furniture.mark(sections), problems);
    }

    private List<Path> inReadingOrder(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
        Set<String> order = new LinkedHashSet<>();
        Path index = folder.resolve(INDEX);
        if (Files.isRegularFile(index)) {
            order.add(INDEX);
            Matcher m = FILE_LINK.matcher(Files.readString(index, StandardCharsets.UTF_8));
            while (m.find()) {
                order.add(m.group(1));
            }
        }
        List<Path> ordered = new ArrayList<>();
        for (String name : order) {
            files.stream()
                    .filter(f -> f.getFileName().toString().equals(name))
                    .findFirst()
                    .ifPresent(ordered::add);
        }
        files.stream().filter(f -> !ordered.contains(f)).forEach(ordered::add);
        return ordered;
    }

    /** Strict UTF-8: a bad byte is reported with its line instead of becoming a replacement character. */
    private static String decode(String doc, byte[] bytes) throws MalformedMarkdownException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            int line = 1 + lineOfFirstBadByte(bytes);
            throw new MalformedMarkdownException(new CorpusProblem(doc, line, "not valid UTF-8 text"));
        }
    }

    private static int lineOfFirstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int lines = 0;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return lines;
                }
                lines++;
                start = i + 1;
            }
        }
        return lines;
    }

    /** Carries the problem out of the decoder. */
    private static final class MalformedMarkdownException extends Exception {
        private final CorpusProblem problem;

        MalformedMarkdownException(CorpusProblem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        CorpusProblem problem() {
            return problem;
        }
    }
}

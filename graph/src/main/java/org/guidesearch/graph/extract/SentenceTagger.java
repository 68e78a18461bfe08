package org.guidesearch.graph.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.util.SequenceValidator;
import org.guidesearch.indexer.corpus.Section;

/**
 * Splits a section's prose into paragraphs and sentences, tokenises them and tags parts of speech with Apache
 * OpenNLP's English model (trained on the Universal Dependencies English Web Treebank, so its tags are UD tags:
 * NOUN, PROPN, ADJ, VERB …).
 *
 * <p>Tokens keep identifiers whole ({@code app.config}, {@code a::b}, {@code __meta__}, {@code super()}, {@code C#}), and a token that
 * can only be code (underscore, inner dot or {@code ::}, parentheses) is tagged NOUN whatever the model says, because the model was
 * trained on web English, not on technical prose. Not thread-safe: one instance per extraction.
 */
final class SentenceTagger {
    private static final Pattern TOKEN = Pattern.compile(
            "@?[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*|[.'’\\-][A-Za-z0-9_]+)*(?:\\+\\+|#)?(?:\\(\\))?"
                    + "|\\d+(?:\\.\\d+)*[A-Za-z]*|[^\\sA-Za-z0-9_]");
    /** A sentence ends at . ! ? before a space and a capital, a quote, a bracket or a digit. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9`\"'(\\[*])");

    private static final Pattern HEADING_SPLIT = Pattern.compile(
            "\\s+(?:vs\\.?|versus)\\s+|:\\s+|\\s+[—–-]\\s+|\\s*[(),]\\s*|\\s+and\\s+(?=[A-Z])",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_SENTENCE_TOKENS = 120;

    private static final int THREADS = 2;

    private final POSModel model;
    private final ThreadLocal<BeamSearch> search;
    private final ThreadLocal<POSContextGenerator> context;
    private final SequenceValidator<String> validator;

    /**
     * Greedy decoding (a beam of one) instead of the model's beam of three: faster, which the 15-second budget for a
     * long guide needs, and the noun-phrase pattern hardly notices the difference. The model is shared; the search
     * and the context generator keep scratch state, so each thread has its own.
     */
    SentenceTagger() {
        this.model = loadModel();
        MaxentModel maxent = model.getArtifact("pos.model");
        this.search = ThreadLocal.withInitial(() -> new BeamSearch(1, maxent));
        this.context = ThreadLocal.withInitial(() -> model.getFactory().getPOSContextGenerator(0));
        this.validator = model.getFactory().getSequenceValidator();
    }

    /** Reads every section, on {@value #THREADS} threads; the result is in the order of {@code sections}. */
    List<TaggedSection> readAll(List<Section> sections) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(THREADS);
        try {
            List<java.util.concurrent.Future<TaggedSection>> futures = new ArrayList<>();
            for (Section s : sections) futures.add(pool.submit(() -> read(s)));
            List<TaggedSection> out = new ArrayList<>(sections.size());
            for (var f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while tagging", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("tagging failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    TaggedSection read(Section section) {
        List<TaggedSentence> heading = new ArrayList<>();
        String title = Section.withoutNumber(section.title()).strip();
        for (String part : HEADING_SPLIT.split(title)) {
            if (!part.isBlank()) heading.add(tag(part.strip()));
        }
        List<List<TaggedSentence>> paragraphs = new ArrayList<>();
        for (String paragraph : paragraphs(section.prose())) {
            if (paragraph.isBlank()) continue;
            List<TaggedSentence> sentences = new ArrayList<>();
            for (String sentence : SENTENCE_END.split(paragraph.strip())) {
                TaggedSentence tagged = tag(sentence);
                if (tagged.size() > 0) sentences.add(tagged);
            }
            if (!sentences.isEmpty()) paragraphs.add(sentences);
        }
        return new TaggedSection(section, heading, paragraphs);
    }

    /**
     * Plain section text has one line per block, but a paragraph wrapped in the Markdown source keeps its soft line
     * breaks too: a line that does not end a sentence, followed by one that starts in lower case, continues it.
     */
    static List<String> paragraphs(String prose) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : prose.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            boolean continues = current.length() > 0
                    && !current.toString().matches("(?s).*[.!?:;]$")
                    && (Character.isLowerCase(l.charAt(0)) || Character.isDigit(l.charAt(0)));
            if (!continues && current.length() > 0) {
                out.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) current.append(' ');
            current.append(l);
        }
        if (current.length() > 0) out.add(current.toString());
        return out;
    }

    TaggedSentence tag(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find() && tokens.size() < MAX_SENTENCE_TOKENS) tokens.add(m.group());
        if (tokens.isEmpty()) return new TaggedSentence(text, List.of(), List.of());
        String[] tags = search.get()
                .bestSequence(tokens.toArray(String[]::new), new Object[0], context.get(), validator)
                .getOutcomes()
                .toArray(String[]::new);
        for (int i = 0; i < tags.length; i++) {
            if (isCode(tokens.get(i))) tags[i] = "NOUN";
        }
        return new TaggedSentence(text, tokens, Arrays.asList(tags));
    }

    static boolean isCode(String token) {
        return token.indexOf('_') >= 0
                || token.endsWith("()")
                || token.startsWith("@")
                || token.contains("::")
                || (token.indexOf('.') > 0 && Character.isLetter(token.charAt(token.length() - 1)));
    }

    /**
     * The model jar names its one model file in {@code model.properties}; other jars on the class path may carry a file
     * of that name too, so the English part-of-speech one is picked by its properties.
     */
    private static POSModel loadModel() {
        ClassLoader loader = SentenceTagger.class.getClassLoader();
        try {
            for (java.net.URL url : java.util.Collections.list(loader.getResources("model.properties"))) {
                Properties p = new Properties();
                try (InputStream in = url.openStream()) {
                    p.load(in);
                }
                String name = p.getProperty("model.name", "");
                if (!"en".equals(p.getProperty("model.language")) || !name.contains("-pos-")) continue;
                try (InputStream model = loader.getResourceAsStream(name)) {
                    if (model != null) return new POSModel(model);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenNLP POS model", e);
        }
        throw new IllegalStateException(
                "the OpenNLP English POS model (opennlp-models-pos-en) is not on the class path");
    }
}

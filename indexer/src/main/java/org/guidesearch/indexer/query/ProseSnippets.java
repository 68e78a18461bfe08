package org.guidesearch.indexer.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.guidesearch.indexer.index.SectionSchema;

/**
 * A hit's snippet: the sentence of its prose that holds the most (and rarest) of the query's words, with each word
 * in {@code <mark>}, as escaped HTML.
 *
 * <p>The prose of every section is cut into sentences and analysed once, when an index generation opens, into a
 * map from each indexed term to where it occurs; a search then only looks its terms up. (Lucene's highlighter
 * re-ran sentence breaking and passage scoring for every hit of every search: half of a keyword search's time.)
 * The map is one for the whole guide, each term's sections in order: a search looks each term up once, and each hit
 * finds itself in the few arrays of its terms. One map per section cost a look-up per term and hit, each in another
 * section's map: 2.8 % of the request threads' samples, of 11.8 % for snippets (JFR, unseen keyword queries).
 */
final class ProseSnippets {
    /** A sentence longer than this is cut to a window around its first marked word. */
    static final int MAX_CHARS = 300;

    private static final int CONTEXT_BEFORE = 80;
    private static final double REPEAT_WEIGHT = 0.2;

    private final Map<Integer, SectionText> sections;
    private final Map<String, Occurrences> occurrences;

    private ProseSnippets(Map<Integer, SectionText> sections, Map<String, Occurrences> occurrences) {
        this.sections = sections;
        this.occurrences = occurrences;
    }

    /** Where one term occurs: the sections holding it, in order, and in each its start/end offsets, flattened. */
    private record Occurrences(int[] docs, int[][] offsets) {
        /** The term's offsets in {@code doc}, or null when {@code doc} does not hold it. */
        int[] in(int doc) {
            int i = Arrays.binarySearch(docs, doc);
            return i >= 0 ? offsets[i] : null;
        }
    }

    /** Analyses {@code proseByDoc} with the index's own analyzer, so its terms are the ones queries are made of. */
    static ProseSnippets analyse(Map<Integer, String> proseByDoc, Analyzer indexAnalyzer) {
        Map<Integer, SectionText> out = new HashMap<>();
        Map<String, TreeMap<Integer, int[]>> byTerm = new HashMap<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        proseByDoc.forEach((doc, prose) -> {
            if (prose == null || prose.isBlank()) return;
            out.put(doc, SectionText.of(prose, sentences));
            offsets(prose, indexAnalyzer)
                    .forEach((term, at) ->
                            byTerm.computeIfAbsent(term, t -> new TreeMap<>()).put(doc, at));
        });
        Map<String, Occurrences> occurrences = new HashMap<>();
        byTerm.forEach((term, docs) -> occurrences.put(
                term,
                new Occurrences(
                        docs.keySet().stream().mapToInt(Integer::intValue).toArray(),
                        docs.values().toArray(int[][]::new))));
        return new ProseSnippets(Map.copyOf(out), occurrences);
    }

    /** A query's terms looked up once for all its hits: in the order and with the weights of {@code weights}. */
    Terms terms(TermWeights weights) {
        Occurrences[] found = new Occurrences[weights.size()];
        for (int t = 0; t < found.length; t++) found[t] = occurrences.get(weights.term(t));
        return new Terms(weights, found);
    }

    /** A query's terms with where each occurs ({@link #terms}); null where the guide's prose never has it. */
    static final class Terms {
        private final TermWeights weights;
        private final Occurrences[] occurrences;

        private Terms(TermWeights weights, Occurrences[] occurrences) {
            this.weights = weights;
            this.occurrences = occurrences;
        }
    }

    /** {@link #snippet(int, Terms)} for terms not yet looked up. */
    String snippet(int doc, TermWeights query) {
        return snippet(doc, terms(query));
    }

    /**
     * The best sentence of {@code doc} for the query's terms (rarer terms weigh more), or null when none of them
     * occurs in its prose.
     */
    String snippet(int doc, Terms terms) {
        SectionText text = sections.get(doc);
        if (text == null) return null;
        TermWeights query = terms.weights;
        int[][] occurrences = new int[query.size()][];
        boolean any = false;
        for (int t = 0; t < occurrences.length; t++) {
            occurrences[t] = terms.occurrences[t] == null ? null : terms.occurrences[t].in(doc);
            any |= occurrences[t] != null;
        }
        if (!any) return null;
        int best = bestSentence(text, query, occurrences);
        int start = text.sentenceStarts()[best];
        int end = text.sentenceStarts()[best + 1];
        List<int[]> inside = new ArrayList<>();
        for (int[] at : occurrences) {
            if (at == null) continue;
            for (int i = 0; i < at.length; i += 2) {
                if (at[i] >= start && at[i + 1] <= end) inside.add(new int[] {at[i], at[i + 1]});
            }
        }
        return format(text, best, inside);
    }

    /**
     * The sentence with the highest sum of its terms' weights, a term repeated in it weighing less each time; ties go
     * to the earlier sentence. Only sentences that hold a term are visited: arrays over every sentence of a long
     * section, for the few that hold one, were a tenth of a snippet's cost (JFR).
     */
    private static int bestSentence(SectionText text, TermWeights query, int[][] occurrences) {
        int total = 0;
        for (int[] at : occurrences) total += at == null ? 0 : at.length / 2;
        long[] sentenceAndTerm = new long[total]; // sorted, each sentence's terms come together and in query order
        int k = 0;
        for (int t = 0; t < occurrences.length; t++) {
            int[] at = occurrences[t];
            if (at == null) continue;
            for (int i = 0; i < at.length; i += 2) sentenceAndTerm[k++] = (long) text.sentenceOf(at[i]) << 32 | t;
        }
        Arrays.sort(sentenceAndTerm);
        int best = 0;
        double bestScore = 0; // a sentence without a term scores 0
        for (int i = 0; i < total; ) {
            int sentence = (int) (sentenceAndTerm[i] >>> 32);
            double score = 0;
            int lastTerm = -1;
            for (; i < total && (int) (sentenceAndTerm[i] >>> 32) == sentence; i++) {
                int t = (int) sentenceAndTerm[i];
                score += query.weight(t) * (lastTerm == t ? REPEAT_WEIGHT : 1.0);
                lastTerm = t;
            }
            if (sentence == 0 || score > bestScore) {
                best = sentence;
                bestScore = score;
            }
        }
        return best;
    }

    /** The sentence as escaped HTML with {@code inside} (its terms' offsets) marked, cut around them when long. */
    private static String format(SectionText text, int sentence, List<int[]> inside) {
        String prose = text.prose();
        int start = text.sentenceStarts()[sentence];
        int end = text.sentenceStarts()[sentence + 1];
        inside.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        while (end > start && Character.isWhitespace(prose.charAt(end - 1))) end--;
        String prefix = "";
        String suffix = "";
        if (end - start > MAX_CHARS) {
            int first = inside.isEmpty() ? start : inside.get(0)[0];
            int from = Math.max(start, first - CONTEXT_BEFORE);
            if (from > start) {
                from = wordStart(prose, from, first);
                prefix = "… ";
            }
            int to = Math.min(end, from + MAX_CHARS);
            if (to < end) {
                to = wordEnd(prose, to, end);
                suffix = " …";
            }
            start = from;
            end = to;
        }
        StringBuilder out = new StringBuilder(end - start + 64).append(prefix);
        int at = start;
        for (int[] match : inside) {
            if (match[0] < at || match[1] > end) continue; // overlaps a mark already made (a code token and its parts)
            SnippetText.escapeHtml(prose, at, match[0], out).append("<mark>");
            SnippetText.escapeHtml(prose, match[0], match[1], out).append("</mark>");
            at = match[1];
        }
        return SnippetText.escapeHtml(prose, at, end, out)
                .append(suffix)
                .toString()
                .strip();
    }

    private static int wordStart(String s, int from, int limit) {
        while (from < limit && !Character.isWhitespace(s.charAt(from - 1))) from++;
        return from;
    }

    private static int wordEnd(String s, int to, int limit) {
        while (to < limit && !Character.isWhitespace(s.charAt(to))) to++;
        return to;
    }

    /** A query's terms and their weights, in a fixed order, prepared once per search for all its hits' snippets. */
    static final class TermWeights {
        private final String[] terms;
        private final float[] weights;

        TermWeights(Map<String, Float> weights) {
            this.terms = new String[weights.size()];
            this.weights = new float[weights.size()];
            int i = 0;
            for (Map.Entry<String, Float> e : weights.entrySet()) {
                terms[i] = e.getKey();
                this.weights[i++] = e.getValue();
            }
        }

        int size() {
            return terms.length;
        }

        String term(int i) {
            return terms[i];
        }

        float weight(int i) {
            return weights[i];
        }
    }

    /** For each indexed term of {@code prose}, the start/end offsets of its occurrences, flattened. */
    private static Map<String, int[]> offsets(String prose, Analyzer analyzer) {
        Map<String, List<Integer>> found = new HashMap<>();
        try (TokenStream ts = analyzer.tokenStream(SectionSchema.PROSE, prose)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                List<Integer> at = found.computeIfAbsent(term.toString(), k -> new ArrayList<>());
                at.add(offset.startOffset());
                at.add(offset.endOffset());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a String does no I/O
        }
        Map<String, int[]> offsets = new HashMap<>();
        found.forEach((t, at) ->
                offsets.put(t, at.stream().mapToInt(Integer::intValue).toArray()));
        return offsets;
    }

    /** One section's prose and where each sentence starts (plus the text's end). */
    private record SectionText(String prose, int[] sentenceStarts) {
        static SectionText of(String prose, BreakIterator sentences) {
            List<Integer> starts = new ArrayList<>();
            sentences.setText(prose);
            for (int b = sentences.first(); b != BreakIterator.DONE; b = sentences.next()) starts.add(b);
            if (starts.get(starts.size() - 1) != prose.length()) starts.add(prose.length());
            return new SectionText(
                    prose, starts.stream().mapToInt(Integer::intValue).toArray());
        }

        /** The sentence holding character {@code offset}. */
        int sentenceOf(int offset) {
            int i = Arrays.binarySearch(sentenceStarts, offset);
            int s = i >= 0 ? i : -i - 2;
            return Math.max(0, Math.min(s, sentenceStarts.length - 2));
        }
    }
}

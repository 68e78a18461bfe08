package org.guidesearch.indexer.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;

/**
 * Analysed query text as the token graph Lucene's query builder walks, cut into parts it can count and simplify.
 *
 * <p>A part is a run of tokens whose spans overlap: one word, several words stacked on one position (a code
 * identifier and its parts), or a <em>site</em>, where the synonym filter put a concept's other names beside the
 * words it matched. The builder makes of a graph's any-word query one clause per term of every path through each
 * part, and of its sloppy phrase one phrase per path through the whole graph: the product of the parts' path
 * counts, which grows exponentially with the sites. Both counts are known here before anything is built, and a
 * site can be {@linkplain #select kept plain}: its synonyms dropped, its own words kept.
 *
 * <p>Spans are laid out as {@code GraphTokenStreamFiniteStrings} lays them out (the hole a stop word leaves belongs to
 * the token after it), so the counts are those of the queries Lucene builds. Immutable; not tied to a thread.
 */
final class TokenGraph {
    private static final long MANY = Integer.MAX_VALUE;

    private final AttributeSource template;
    private final List<Token> tokens;
    private final AttributeSource.State end;
    /** Where each part starts in {@link #tokens}; the last entry is the token count. */
    private final int[] partStarts;

    private final Count[] expanded;
    private final Count[] plain;

    /**
     * A token, its position and the span of the graph it covers: from right after the previous position (a stop word's
     * hole before it belongs to it, as in {@code GraphTokenStreamFiniteStrings}) to its position plus its length.
     */
    private record Token(AttributeSource.State state, BytesRef term, int from, int position, int to, boolean synonym) {}

    /** A token of a graph of single words in a row ({@link #plainWords}): its term, and its position. */
    record Word(BytesRef term, int position) {}

    /** What a part adds to the queries built from it. */
    private record Count(long paths, long pathTerms, boolean branches, boolean stacked, boolean spans) {}

    private TokenGraph(AttributeSource template, List<Token> tokens, AttributeSource.State end) {
        this.template = template;
        this.tokens = tokens;
        this.end = end;
        List<Integer> starts = new ArrayList<>();
        int reach = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).from >= reach) starts.add(i);
            reach = Math.max(reach, tokens.get(i).to);
        }
        starts.add(tokens.size());
        this.partStarts = new int[starts.size()];
        for (int i = 0; i < partStarts.length; i++) partStarts[i] = starts.get(i);
        this.expanded = new Count[parts()];
        this.plain = new Count[parts()];
        for (int p = 0; p < parts(); p++) {
            List<Token> all = tokens.subList(partStarts[p], partStarts[p + 1]);
            expanded[p] = count(all);
            plain[p] = isSite(p) ? count(of(template, relaid(ownWords(all)), end).tokens) : expanded[p];
        }
    }

    /** The tokens an analyzer produced ({@code states}, in stream order), and the state after its end. */
    static TokenGraph of(AttributeSource template, List<AttributeSource.State> states, AttributeSource.State end) {
        AttributeSource reader = template.cloneAttributes();
        PositionIncrementAttribute increment = reader.addAttribute(PositionIncrementAttribute.class);
        PositionLengthAttribute length = reader.addAttribute(PositionLengthAttribute.class);
        TypeAttribute type = reader.addAttribute(TypeAttribute.class);
        TermToBytesRefAttribute term = reader.addAttribute(TermToBytesRefAttribute.class);
        List<Token> tokens = new ArrayList<>(states.size());
        int position = -1;
        int hole = 0;
        for (AttributeSource.State state : states) {
            reader.restoreState(state);
            int inc = increment.getPositionIncrement();
            if (inc > 0) {
                position += inc;
                hole = inc - 1;
            }
            tokens.add(new Token(
                    state,
                    BytesRef.deepCopyOf(term.getBytesRef()),
                    position - hole,
                    position,
                    position + length.getPositionLength(),
                    SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())));
        }
        return new TokenGraph(template, List.copyOf(tokens), end);
    }

    /**
     * The tokens, when each is a word of its own on a position of its own (no synonyms, no stacked code parts, no
     * multi-position token): most queries, whose queries can be built without Lucene's builder; else null.
     */
    List<Word> plainWords() {
        List<Word> out = new ArrayList<>(tokens.size());
        int previous = -1;
        for (Token t : tokens) {
            if (t.synonym || t.position <= previous || t.to - t.position != 1) return null;
            out.add(new Word(t.term, t.position));
            previous = t.position;
        }
        return out;
    }

    int parts() {
        return partStarts.length - 1;
    }

    /** Whether part {@code p} holds synonyms, which keeping it plain would drop. */
    boolean isSite(int p) {
        for (int i = partStarts[p]; i < partStarts[p + 1]; i++) {
            if (tokens.get(i).synonym) return true;
        }
        return false;
    }

    /**
     * Leaf clauses of the any-word query of one field built from the first {@code kept} parts, each site expanded where
     * {@code expand} says: a term or a group of stacked synonyms per plain part, a term per token of every path
     * through a part that branches.
     */
    long anyWordClauses(boolean[] expand, int kept) {
        long clauses = 0;
        for (int p = 0; p < kept; p++) {
            Count c = form(p, expand);
            clauses = saturated(clauses + (c.branches ? c.pathTerms : 1));
        }
        return clauses;
    }

    /**
     * Leaf clauses of one sloppy phrase built likewise: a phrase per path through the graph when a kept part spans
     * several positions, else a single phrase, whose stacked positions count one each.
     */
    long phraseClauses(boolean[] expand, int kept) {
        boolean graph = false;
        boolean stacked = false;
        long paths = 1;
        for (int p = 0; p < kept; p++) {
            Count c = form(p, expand);
            graph |= c.spans;
            stacked |= c.stacked;
            paths = saturated((double) paths * c.paths);
        }
        if (graph) return paths;
        return stacked ? kept : 1;
    }

    private Count form(int p, boolean[] expand) {
        return expand[p] ? expanded[p] : plain[p];
    }

    /** The graph of the first {@code kept} parts, sites not to {@code expand} plain; this graph itself when unchanged. */
    TokenGraph select(boolean[] expand, int kept) {
        boolean unchanged = kept == parts();
        for (int p = 0; p < kept && unchanged; p++) unchanged = expand[p] || !isSite(p);
        if (unchanged) return this;
        List<Token> chosen = new ArrayList<>();
        for (int p = 0; p < kept; p++) {
            for (Token t : tokens.subList(partStarts[p], partStarts[p + 1])) {
                if (expand[p] || !t.synonym) chosen.add(t);
            }
        }
        return of(template, relaid(chosen), end);
    }

    /**
     * {@code chosen} tokens with the positions that only dropped tokens held taken out, so that a site kept plain reads
     * as its own words in a row, each where it was among the others; the holes stop words left stay.
     */
    private List<AttributeSource.State> relaid(List<Token> chosen) {
        TreeSet<Integer> nodes = new TreeSet<>();
        for (Token t : chosen) {
            nodes.add(t.from);
            nodes.add(t.position);
            nodes.add(t.to);
        }
        Map<Integer, Integer> rank = new HashMap<>();
        for (int node : nodes) rank.put(node, rank.size());
        AttributeSource writer = template.cloneAttributes();
        PositionIncrementAttribute increment = writer.addAttribute(PositionIncrementAttribute.class);
        PositionLengthAttribute length = writer.addAttribute(PositionLengthAttribute.class);
        List<AttributeSource.State> out = new ArrayList<>(chosen.size());
        int previous = -1;
        for (Token t : chosen) {
            int position = rank.get(t.position);
            writer.restoreState(t.state);
            increment.setPositionIncrement(position - previous);
            length.setPositionLength(rank.get(t.to) - position);
            out.add(writer.captureState());
            previous = position;
        }
        return out;
    }

    /** The part's tokens other than synonyms. */
    private static List<Token> ownWords(List<Token> part) {
        List<Token> out = new ArrayList<>(part.size());
        for (Token t : part) {
            if (!t.synonym) out.add(t);
        }
        return out;
    }

    /**
     * Paths through a part from its first position to its last, the terms on them, and its shape. Plain loops: a plan
     * counts every part of its text, and these streams were a few percent of what planning a new query allocated.
     */
    private static Count count(List<Token> part) {
        if (part.isEmpty()) return new Count(1, 0, false, false, false);
        int first = part.get(0).from;
        int last = first;
        boolean spans = false;
        for (Token t : part) {
            last = Math.max(last, t.to);
            spans |= t.to - t.from > 1;
        }
        long[] paths = new long[last - first + 1];
        long[] terms = new long[paths.length];
        paths[last - first] = 1;
        // Tokens come in order of position, so walking them backwards sees every path's rest before its start.
        for (int i = part.size() - 1; i >= 0; i--) {
            Token t = part.get(i);
            paths[t.from - first] = saturated(paths[t.from - first] + paths[t.to - first]);
            terms[t.from - first] = saturated(terms[t.from - first] + terms[t.to - first] + paths[t.to - first]);
        }
        boolean branches = spans;
        for (Token t : part) branches |= t.from == first && t.to != part.get(0).to;
        return new Count(paths[0], terms[0], branches, part.size() > 1 && !spans, spans);
    }

    /** Counts stop growing at {@link #MANY}: past any clause limit, and small enough to multiply by a field count. */
    private static long saturated(double n) {
        return n >= MANY ? MANY : (long) n;
    }

    private static long saturated(long n) {
        return Math.min(n, MANY);
    }

    /** The tokens again, as a stream Lucene's query builder can read (each call a fresh one). */
    TokenStream stream() {
        return new TokenStream(template.cloneAttributes()) {
            private int next;

            @Override
            public boolean incrementToken() {
                if (next == tokens.size()) return false;
                restoreState(tokens.get(next++).state);
                return true;
            }

            @Override
            public void end() throws IOException {
                super.end();
                restoreState(end);
            }

            @Override
            public void reset() throws IOException {
                super.reset();
                next = 0;
            }
        };
    }
}

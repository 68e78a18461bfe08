package org.guidesearch.indexer.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;

/**
 * The words of one index generation, as a query is checked against them: whether a word is known, what a prefix
 * completes to, which known word a typo is closest to. Thread-safe.
 *
 * <p>Closest words and completions are remembered (bounded): the guide's words never change within a generation,
 * readers make the same typos and type the same prefixes, while a typo's look-up builds Levenshtein automata (the
 * dearest step of planning a query) and each prefix walks the term dictionary, three times per keystroke.
 */
final class Lexicon {
    private static final int MAX_REMEMBERED = 20_000;

    private final IndexReader reader;
    private final TermStatesCache terms;
    /**
     * Corrections within one edit are tried first: nearly every typo is one (a transposition counts as one), and
     * the one-edit automaton costs a third of the two-edit one.
     */
    private final DirectSpellChecker oneEdit = spellChecker(1);

    private final DirectSpellChecker twoEdits = spellChecker(2);
    private final Cache<Typo, Optional<String>> closest;
    private final Cache<Completions, List<String>> completions;

    /** The two stats counters outlive the generations: each cache counts its hits and misses in one. */
    Lexicon(IndexReader reader, TermStatesCache terms, StatsCounter closestStats, StatsCounter completionStats) {
        this.reader = reader;
        this.terms = terms;
        this.closest = bounded(closestStats);
        this.completions = bounded(completionStats);
    }

    Cache<?, ?> closestCache() {
        return closest;
    }

    Cache<?, ?> completionCache() {
        return completions;
    }

    /** The term of {@code field} with {@code bytes}, the dictionary's own instance when it is indexed. */
    Term term(String field, BytesRef bytes) {
        return terms.term(field, bytes);
    }

    /** Whether {@code word} is indexed in {@code field}. */
    boolean knows(String field, String word) {
        return terms.docFreq(new Term(field, word)) > 0;
    }

    /** Up to {@code max} indexed words of {@code field} that start with {@code prefix}, in term order. */
    List<String> completions(String field, String prefix, int max) {
        return completions.get(new Completions(field, prefix, max), this::walk);
    }

    private List<String> walk(Completions of) {
        String field = of.field();
        String prefix = of.prefix();
        List<String> out = new ArrayList<>();
        try {
            Terms fieldTerms = MultiTerms.getTerms(reader, field);
            if (fieldTerms == null) return List.of();
            TermsEnum te = fieldTerms.iterator();
            if (te.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) return List.of();
            do {
                String term = te.term().utf8ToString();
                if (!term.startsWith(prefix)) break;
                out.add(term);
            } while (out.size() < of.max() && te.next() != null);
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The known word of {@code field} closest to {@code word} (one edit, else two), if any is close enough. */
    Optional<String> closest(String field, String word) {
        return closest.get(new Typo(field, word), typo -> lookUp(new Term(typo.field(), typo.word())));
    }

    private Optional<String> lookUp(Term typed) {
        try {
            SuggestWord[] suggestions = oneEdit.suggestSimilar(typed, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (suggestions.length == 0) {
                suggestions = twoEdits.suggestSimilar(typed, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            }
            return suggestions.length == 0 ? Optional.empty() : Optional.of(suggestions[0].string);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <K, V> Cache<K, V> bounded(StatsCounter stats) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_REMEMBERED)
                .executor(Runnable::run) // evict on the searching thread: no background tasks to own or stop
                .recordStats(() -> stats)
                .<K, V>build();
    }

    private static DirectSpellChecker spellChecker(int maxEdits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMinPrefix(0);
        checker.setMaxEdits(maxEdits);
        checker.setAccuracy(0.6f);
        return checker;
    }

    private record Typo(String field, String word) {}

    private record Completions(String field, String prefix, int max) {}
}

package org.guidesearch.indexer.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * <p>Closest words are remembered (bounded): the guide's words never change within a generation and readers make
 * the same typos, while each look-up builds Levenshtein automata, the dearest step of planning a query.
 */
final class Lexicon {
  private static final int MAX_REMEMBERED_TYPOS = 20_000;

  private final IndexReader reader;
  private final TermStatesCache terms;
  /**
   * Corrections within one edit are tried first: nearly every typo is one (a transposition counts as one), and
   * the one-edit automaton costs a third of the two-edit one.
   */
  private final DirectSpellChecker oneEdit = spellChecker(1);
  private final DirectSpellChecker twoEdits = spellChecker(2);
  private final Cache<String, Optional<String>> closest = Caffeine.newBuilder()
      .maximumSize(MAX_REMEMBERED_TYPOS)
      .executor(Runnable::run) // evict on the searching thread: no background tasks to own or stop
      .build();

  Lexicon(IndexReader reader, TermStatesCache terms) {
    this.reader = reader;
    this.terms = terms;
  }

  /** Whether {@code word} is indexed in {@code field}. */
  boolean knows(String field, String word) {
    return terms.docFreq(new Term(field, word)) > 0;
  }

  /** Up to {@code max} indexed words of {@code field} that start with {@code prefix}, in term order. */
  List<String> completions(String field, String prefix, int max) {
    List<String> out = new ArrayList<>();
    try {
      Terms fieldTerms = MultiTerms.getTerms(reader, field);
      if (fieldTerms == null) return out;
      TermsEnum te = fieldTerms.iterator();
      if (te.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) return out;
      do {
        String term = te.term().utf8ToString();
        if (!term.startsWith(prefix)) break;
        out.add(term);
      } while (out.size() < max && te.next() != null);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The known word of {@code field} closest to {@code word} (one edit, else two), if any is close enough. */
  Optional<String> closest(String field, String word) {
    return closest.get(field + '\u0000' + word, key -> lookUp(new Term(field, word)));
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

  private static DirectSpellChecker spellChecker(int maxEdits) {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinPrefix(0);
    checker.setMaxEdits(maxEdits);
    checker.setAccuracy(0.6f);
    return checker;
  }
}

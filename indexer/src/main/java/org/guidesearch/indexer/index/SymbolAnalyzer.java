package org.guidesearch.indexer.index;

import java.io.IOException;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Text as written: whitespace-separated tokens, lower-cased, with the punctuation that only surrounds them trimmed
 * ({@code -o2}, {@code --verbose}, {@code a[]}, {@code =}).
 *
 * <p>The section analyzer splits such tokens into their words, which then match every section that mentions the
 * words (a compiler flag's letters, an operator's keyword). A query holding such a token also looks for it whole in
 * the {@link SectionSchema#SYMBOLS} field ({@code QueryPlanner}).
 */
public final class SymbolAnalyzer extends Analyzer {
    private static final String OPERATORS = "-+=<>[]{}!~&|^%*/#";

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        WhitespaceTokenizer source = new WhitespaceTokenizer();
        return new TokenStreamComponents(source, new TrimFilter(source));
    }

    /**
     * Whether {@code token} (trimmed as the index trims it) begins or ends with an operator character: a flag
     * ({@code -o2}), an operator ({@code =}, {@code +=}), a declarator ({@code a[]}). Identifiers joined by dots,
     * colons or underscores are not: the section analyzer keeps those whole already, and version labels
     * ({@code v2.0-beta}) end in a letter or digit.
     */
    public static boolean isSymbolic(String token) {
        String t = trim(token);
        return !t.isEmpty()
                && (OPERATORS.indexOf(t.charAt(0)) >= 0 || OPERATORS.indexOf(t.charAt(t.length() - 1)) >= 0);
    }

    /**
     * Drops quotes, table bars and sentence punctuation around a token, and a bracket only when the token does not
     * hold its partner or wraps it whole: {@code (see}, {@code done).} and {@code (-o2)} lose theirs, {@code f()} and
     * {@code a[i]} keep them.
     */
    public static String trim(String token) {
        int start = 0;
        int end = token.length();
        boolean changed = true;
        while (changed && start < end) {
            changed = false;
            char first = token.charAt(start);
            char last = token.charAt(end - 1);
            if ("\"'`“‘".indexOf(first) >= 0) {
                start++;
                changed = true;
            } else if ("\"'`,.;:!?”’".indexOf(last) >= 0) {
                end--;
                changed = true;
            } else if ((first == '|' || last == '|') && !onlyBars(token, start, end)) {
                // a table row rendered as text: "cell"| next cell
                if (first == '|') start++;
                else end--;
                changed = true;
            } else if (first == '(' && last == ')' && end - start > 2) {
                start++;
                end--;
                changed = true;
            } else if (first == '(' && token.indexOf(')', start) < 0) {
                start++;
                changed = true;
            } else if (last == ')' && token.lastIndexOf('(', end - 1) < start) {
                end--;
                changed = true;
            }
        }
        return token.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static boolean onlyBars(String token, int start, int end) {
        for (int i = start; i < end; i++) if (token.charAt(i) != '|') return false;
        return true;
    }

    /** Applies {@link #trim} to each token and drops the ones that were punctuation only. */
    private static final class TrimFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        TrimFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (input.incrementToken()) {
                String trimmed = trim(term.toString());
                if (trimmed.isEmpty()) continue;
                term.setEmpty().append(trimmed);
                return true;
            }
            return false;
        }
    }
}

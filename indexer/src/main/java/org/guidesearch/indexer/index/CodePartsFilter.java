package org.guidesearch.indexer.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Keeps code identifiers findable whole and by their parts.
 *
 * <p>The standard tokenizer keeps {@code app.config}, {@code net.set_timeout} and {@code __meta__} as single
 * tokens. This filter passes each such token through unchanged (marked as a keyword, so no stemmer mangles it) and
 * stacks its parts at the same position: {@code net.set_timeout} also yields {@code net}, {@code set_timeout},
 * {@code set} and {@code timeout}; {@code __meta__} also yields {@code meta}. Queries then match either form.
 */
public final class CodePartsFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private AttributeSource.State original;

    public CodePartsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(original);
            term.setEmpty().append(pending.pop());
            posInc.setPositionIncrement(0);
            keyword.setKeyword(false);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String token = term.toString();
        if (isIdentifier(token)) {
            keyword.setKeyword(true);
            pending.addAll(partsOf(token));
            original = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        original = null;
    }

    /** A token with an inner dot or an underscore is code, not an English word. */
    static boolean isIdentifier(String token) {
        return token.indexOf('_') >= 0 || (token.indexOf('.') > 0 && token.indexOf('.') < token.length() - 1);
    }

    static Set<String> partsOf(String token) {
        Set<String> parts = new LinkedHashSet<>();
        for (String dotted : token.split("\\.")) {
            String bare = strip(dotted);
            if (!bare.isEmpty()) {
                parts.add(bare);
            }
            for (String word : bare.split("_+")) {
                if (word.length() > 1) {
                    parts.add(word);
                }
            }
        }
        parts.remove(token);
        return parts;
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '_') start++;
        while (end > start && s.charAt(end - 1) == '_') end--;
        return s.substring(start, end);
    }
}

package org.guidesearch.graph.extract;

import java.util.List;

/** One sentence as written and as tokens with their Universal Dependencies part-of-speech tags, index for index. */
record TaggedSentence(String text, List<String> tokens, List<String> tags) {
    TaggedSentence {
        tokens = List.copyOf(tokens);
        tags = List.copyOf(tags);
        if (tokens.size() != tags.size()) {
            throw new IllegalArgumentException(tokens.size() + " tokens but " + tags.size() + " tags");
        }
    }

    int size() {
        return tokens.size();
    }

    /** Tokens [from, to) joined by single spaces, punctuation attached: what the cue patterns read. */
    String join(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            String t = tokens.get(i);
            boolean glue = b.length() == 0
                    || t.equals(",")
                    || t.equals(".")
                    || t.equals(")")
                    || t.equals(":")
                    || b.charAt(b.length() - 1) == '(';
            if (!glue) b.append(' ');
            b.append(t);
        }
        return b.toString();
    }
}

package org.guidesearch.indexer.query;

import java.util.regex.Pattern;

/** Text as a snippet shows it: HTML-escaped, so that the only markup in a snippet is the {@code <mark>} it adds. */
final class SnippetText {
    private static final int FALLBACK_CHARS = 220;

    /** Compiled once: a fallback snippet is cut for many hits of every query. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SnippetText() {}

    /**
     * A snippet for a hit without a marked sentence (the passage that matched by meaning, or the section's opening):
     * its first characters on one line, escaped.
     */
    static String fallback(String text) {
        String cut = text.length() > FALLBACK_CHARS ? text.substring(0, FALLBACK_CHARS) + "…" : text;
        return escapeHtml(WHITESPACE.matcher(cut).replaceAll(" ").strip());
    }

    /** Appends {@code s[from, to)} to {@code out}, escaped: a snippet's pieces go straight into it, not via copies. */
    static StringBuilder escapeHtml(String s, int from, int to, StringBuilder out) {
        int copied = from;
        for (int i = from; i < to; i++) {
            String entity = entity(s.charAt(i));
            if (entity == null) continue;
            out.append(s, copied, i).append(entity);
            copied = i + 1;
        }
        return out.append(s, copied, to);
    }

    /** {@code s} escaped; {@code s} itself when it holds nothing to escape, as most opening snippets don't. */
    static String escapeHtml(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (entity(s.charAt(i)) != null) {
                StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
                return escapeHtml(s, i, s.length(), out).toString();
            }
        }
        return s;
    }

    private static String entity(char c) {
        return switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&#x27;";
            default -> null;
        };
    }
}

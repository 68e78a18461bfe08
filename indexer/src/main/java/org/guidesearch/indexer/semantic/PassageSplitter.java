package org.guidesearch.indexer.semantic;

import java.util.ArrayList;
import java.util.List;
import org.guidesearch.indexer.corpus.Section;

/**
 * Cuts a section's prose into passages the embedding model can read whole.
 *
 * <p>all-MiniLM-L6-v2 truncates at 128 word pieces, so a passage holds at most {@value #MAX_WORDS} words of prose
 * plus the section title (which gives every passage its topic). Paragraph boundaries are kept where they fit;
 * longer paragraphs are cut at sentence ends. Code is left out: it embeds poorly and is searched by keywords.
 */
public final class PassageSplitter {
    static final int MAX_WORDS = 80;

    public List<Passage> split(Section section) {
        String title = topic(section);
        List<String> sentences = new ArrayList<>();
        for (String paragraph : section.prose().split("\\n+")) {
            for (String sentence : paragraph.split("(?<=[.!?])\\s+")) {
                if (!sentence.isBlank()) sentences.add(sentence.strip());
            }
            sentences.add("\n");
        }
        List<Passage> passages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int words = 0;
        for (String sentence : sentences) {
            if (sentence.equals("\n")) {
                if (words >= MAX_WORDS / 2) {
                    passages.add(passage(section, title, passages.size(), current));
                    current.setLength(0);
                    words = 0;
                }
                continue;
            }
            String[] sentenceWords = sentence.split("\\s+");
            if (words > 0 && words + sentenceWords.length > MAX_WORDS) {
                passages.add(passage(section, title, passages.size(), current));
                current.setLength(0);
                words = 0;
            }
            for (int i = 0; i < sentenceWords.length; i += MAX_WORDS) {
                int end = Math.min(sentenceWords.length, i + MAX_WORDS);
                if (i > 0) {
                    passages.add(passage(section, title, passages.size(), current));
                    current.setLength(0);
                    words = 0;
                }
                current.append(current.length() == 0 ? "" : " ")
                        .append(String.join(" ", List.of(sentenceWords).subList(i, end)));
                words += end - i;
            }
        }
        if (words > 0 || passages.isEmpty()) {
            passages.add(passage(section, title, passages.size(), current));
        }
        if (!section.synopsis().isBlank()) {
            passages.add(passage(section, title, passages.size(), section.synopsis()));
        }
        return passages;
    }

    /**
     * The section's title without its number; a subsection also carries its parent's title ("Lambdas and
     * Higher-Order Functions: Late Binding Closures"), since its own heading alone often lacks the topic.
     */
    static String topic(Section section) {
        String own = unnumbered(section.title());
        List<String> crumbs = section.breadcrumb();
        if (section.level() >= 3 && !crumbs.isEmpty()) {
            return unnumbered(crumbs.get(crumbs.size() - 1)) + ": " + own;
        }
        return own;
    }

    private static String unnumbered(String title) {
        return Section.withoutNumber(title);
    }

    private static Passage passage(Section section, String title, int ordinal, CharSequence body) {
        String text = body.length() == 0 ? title : title + ". " + body;
        return new Passage(section.id(), ordinal, text, body.toString());
    }
}

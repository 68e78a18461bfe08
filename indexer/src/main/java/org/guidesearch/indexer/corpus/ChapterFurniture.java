package org.guidesearch.indexer.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the headings a guide repeats at the close of its chapters ("Review Questions", "Practice Problems", "Recap")
 * and gives those sections the {@link SectionRole#SUMMARY} role, as the splitter does for "Key Takeaways".
 *
 * <p>Such a section goes over its whole chapter in a few lines, so it matches every question about the chapter and
 * used to outrank the section that answers it. A heading counts when the guide repeats it whole at least {@value
 * #MIN_REPEATS} times and most of its occurrences close their chapter: nothing but other repeated headings (nested in
 * it or beside it) follows before the next chapter number, a table of contents or the end of the file. A heading
 * repeated inside chapters ("Pitfalls" under each of several numbered sections) stays content.
 */
public final class ChapterFurniture {
    static final int MIN_REPEATS = 3;
    // "7. Title", "7.5 Title", "A.2. Title": the chapter is the first number; a letter counts only with its dot
    private static final Pattern CHAPTER =
            Pattern.compile("^\\s*(?:([A-Za-z])(?:\\.\\d+)*\\.|(\\d+)(?:\\.\\d+)*\\.?)\\s+\\S");

    /** The sections with chapter furniture and everything nested in it marked as summaries. */
    public List<Section> mark(List<Section> sections) {
        int n = sections.size();
        String[] keys = new String[n];
        Map<String, Integer> repeats = new HashMap<>();
        for (int i = 0; i < n; i++) {
            keys[i] = key(sections.get(i));
            if (!sections.get(i).isNavigation()) repeats.merge(keys[i], 1, Integer::sum);
        }
        boolean[] repeated = new boolean[n];
        for (int i = 0; i < n; i++) {
            repeated[i] = !sections.get(i).isNavigation() && repeats.get(keys[i]) >= MIN_REPEATS;
        }
        String[] chapters = chaptersInEffect(sections);
        boolean[] closing = new boolean[n];
        for (int i = n - 1; i >= 0; i--) {
            closing[i] = closes(sections, chapters, repeated, closing, i);
        }
        Map<String, int[]> closingCounts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (!repeated[i]) continue;
            int[] c = closingCounts.computeIfAbsent(keys[i], k -> new int[2]);
            c[0]++;
            if (closing[i]) c[1]++;
        }
        Set<String> furniture = new HashSet<>();
        closingCounts.forEach((key, c) -> {
            if (3 * c[1] >= 2 * c[0]) furniture.add(key);
        });
        Set<SectionRef> marked = new HashSet<>();
        List<Section> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Section s = sections.get(i);
            boolean inFurniture = s.parent() != null && marked.contains(new SectionRef(s.doc(), s.parent()));
            if (s.role() == SectionRole.CONTENT && (furniture.contains(keys[i]) || inFurniture)) {
                s = s.withRole(SectionRole.SUMMARY);
            }
            if (s.role() == SectionRole.SUMMARY) marked.add(s.ref());
            out.add(s);
        }
        return out;
    }

    private static boolean closes(
            List<Section> sections, String[] chapters, boolean[] repeated, boolean[] closing, int i) {
        if (i + 1 == sections.size()) return true;
        Section next = sections.get(i + 1);
        if (!next.doc().equals(sections.get(i).doc()) || next.isNavigation()) return true;
        // "Recap" then "Practice Problems", nested or side by side, close the chapter together; a heading that only
        // precedes a shallower closing one ("Example" ending the last section before "Summary") is the section's own
        boolean chained = next.level() >= sections.get(i).level();
        if (chained && repeated[i + 1] && closing[i + 1]) return true;
        return chapters[i + 1] != null && chapters[i] != null && !chapters[i + 1].equals(chapters[i]);
    }

    /**
     * For each section, the chapter it is in: the number of the nearest numbered heading at or before it in its file,
     * among the file's shallowest numbered headings (so "1. First step" under "8.2. A section" starts no chapter).
     */
    private static String[] chaptersInEffect(List<Section> sections) {
        Map<String, Integer> chapterLevel = new HashMap<>();
        for (Section s : sections) {
            if (chapterNumber(s.title()) != null) chapterLevel.merge(s.doc(), s.level(), Math::min);
        }
        String[] out = new String[sections.size()];
        String doc = null;
        String chapter = null;
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (!s.doc().equals(doc)) {
                doc = s.doc();
                chapter = null;
            }
            String own = chapterNumber(s.title());
            if (own != null && s.level() == chapterLevel.get(doc)) chapter = own;
            out[i] = chapter;
        }
        return out;
    }

    private static String chapterNumber(String title) {
        Matcher m = CHAPTER.matcher(title);
        if (!m.find()) return null;
        return (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
    }

    private static String key(Section s) {
        return Section.withoutNumber(s.title()).strip().replaceAll("[:.]+$", "").toLowerCase(Locale.ROOT);
    }
}

package org.guidesearch.indexer.corpus;

import java.util.List;
import java.util.Objects;

/**
 * One heading of the guide and the text it owns up to the next heading of any level.
 *
 * @param ref        file and heading id, exactly as the published site links to it
 * @param title      the heading as plain text (inline code and link text kept, markup dropped)
 * @param level      the Markdown heading level, 1–4
 * @param parent     the anchor of the enclosing section in the same file, or null at the top
 * @param breadcrumb titles of the enclosing sections, outermost first
 * @param prose      the section's own prose as plain text (inline code included)
 * @param code       the section's own fenced and indented code blocks
 * @param order      position in reading order across the whole corpus
 * @param line       the 1-based source line of the heading
 * @param links      heading links the section's text makes (in-page and cross-file)
 * @param synopsis   the one-line description a table of contents gives the section, or empty
 */
public record Section(
        SectionRef ref,
        String title,
        int level,
        String parent,
        List<String> breadcrumb,
        String prose,
        String code,
        SectionRole role,
        int order,
        int line,
        List<SectionRef> links,
        String synopsis) {

    public Section {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(role, "role");
        if (level < 1 || level > 6) {
            throw new IllegalArgumentException("heading level out of range: " + level);
        }
        breadcrumb = List.copyOf(breadcrumb);
        links = List.copyOf(links);
        prose = prose == null ? "" : prose;
        code = code == null ? "" : code;
        synopsis = synopsis == null ? "" : synopsis;
    }

    public String doc() {
        return ref.doc();
    }

    public String anchor() {
        return ref.anchor();
    }

    public String id() {
        return ref.id();
    }

    public boolean isNavigation() {
        return role == SectionRole.NAVIGATION;
    }

    /** Title, prose and code together: what concept matching reads. */
    public String fullText() {
        return title + "\n" + prose + "\n" + code;
    }

    // "13.1. Title", "A.2. Title", and "9.1 Title" (some guides leave out the last dot once there is a sub-number)
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("^\\s*(?:(?:[A-Za-z]|\\d+)(?:\\.\\d+)*\\.|\\d+(?:\\.\\d+)+)\\s+");

    /** A heading without its section number: "4.2. The Frame Cache", "4.2 The Frame Cache" and "A.2. Layers" become "The Frame Cache" and "Layers". */
    public static String withoutNumber(String title) {
        return NUMBER.matcher(title).replaceFirst("");
    }

    public Section withRole(SectionRole newRole) {
        return new Section(ref, title, level, parent, breadcrumb, prose, code, newRole, order, line, links, synopsis);
    }

    public Section withSynopsis(String text) {
        return new Section(ref, title, level, parent, breadcrumb, prose, code, role, order, line, links, text);
    }
}

package org.guidesearch.indexer.guide;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One guide a service serves, as its manifest describes it.
 *
 * @param id      short id, unique in the manifest: lower-case letters, digits and hyphens
 * @param title   what readers call it
 * @param site    base URL of the published guide; deep links are {@code site + <file>.html#anchor}
 * @param source  where its Markdown comes from
 * @param dataDir its curated overlay (vocabulary, relations, reader questions), or null for none
 */
public record Guide(String id, String title, String site, GuideSource source, Path dataDir) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Guide {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        if (!ID.matcher(id).matches()) {
            throw new GuideConfigException("guide id '" + id + "' must be 1-64 lower-case letters, digits and hyphens");
        }
        title = title == null || title.isBlank() ? id : title.strip();
        if (site == null || site.isBlank()) {
            throw new GuideConfigException("guide '" + id + "' needs a 'site': the base URL its deep links start with");
        }
        site = site.endsWith("/") ? site : site + "/";
    }

    /** The published page of a section: {@code chapter.md#x} lives at {@code site/chapter.html#x}. */
    public String url(String doc, String anchor) {
        String page = doc.endsWith(".md") ? doc.substring(0, doc.length() - 3) + ".html" : doc;
        return site + page + "#" + anchor;
    }
}

package org.guidesearch.indexer.guide;

import java.nio.file.Path;
import java.util.List;

/**
 * A guide's Markdown, ready to read.
 *
 * @param guide    the guide
 * @param folder   the folder holding its files
 * @param origin   where they came from this time (a kept copy, a mirror, a working folder)
 * @param warnings what went wrong on the way but did not stop it (a refused file, an unreachable mirror)
 */
public record FetchedGuide(Guide guide, Path folder, String origin, List<String> warnings) {
    public FetchedGuide {
        warnings = List.copyOf(warnings);
    }
}

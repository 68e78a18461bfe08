package org.guidesearch.indexer.guide;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a guide's Markdown comes from.
 *
 * @param mirrors tried in order: http(s) base URLs, or folders (already resolved against the manifest's folder)
 * @param files   file name to its pinned {@code sha256:<hex>}, in name order; empty means "read a folder mirror as it
 *                is", for owners pointing at their own working copy
 */
public record GuideSource(List<Mirror> mirrors, Map<String, String> files) {
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.md");
    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");

    public GuideSource {
        mirrors = List.copyOf(mirrors);
        files = files == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(files));
        if (mirrors.isEmpty()) throw new GuideConfigException("a guide source needs at least one mirror");
        files.forEach((name, hash) -> {
            // a file name is joined to mirror URLs and folders: nothing that could leave them
            if (!FILE.matcher(name).matches()) {
                throw new GuideConfigException(
                        "file '" + name + "' must be a plain Markdown file name (letters, digits, . _ -)");
            }
            if (!HASH.matcher(hash).matches()) {
                throw new GuideConfigException(
                        "file '" + name + "' needs its hash as sha256:<64 lower-case hex digits>");
            }
        });
    }

    public boolean pinned() {
        return !files.isEmpty();
    }

    /** A place that may hold the guide's files. */
    public sealed interface Mirror permits Folder, Web {
        String describe();
    }

    public record Folder(Path path) implements Mirror {
        @Override
        public String describe() {
            return "folder " + path;
        }
    }

    public record Web(URI base) implements Mirror {
        public Web {
            String s = base.toString();
            base = s.endsWith("/") ? base : URI.create(s + "/");
        }

        @Override
        public String describe() {
            return base.toString();
        }
    }
}

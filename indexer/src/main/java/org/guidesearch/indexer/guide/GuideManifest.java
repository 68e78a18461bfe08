package org.guidesearch.indexer.guide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The guides a service serves, in order (the first is the one that {@code doc}/{@code anchor} URLs without a guide
 * refer to). Read from a manifest file ({@code data/guides.json}) or made for one local folder.
 */
public record GuideManifest(List<Guide> guides) {
    public GuideManifest {
        guides = List.copyOf(guides);
        if (guides.isEmpty()) throw new GuideConfigException("the manifest lists no guides");
        Set<String> ids = new HashSet<>();
        for (Guide g : guides) {
            if (!ids.add(g.id())) throw new GuideConfigException("guide id '" + g.id() + "' is listed twice");
        }
    }

    /** One guide read from a local folder as it is (the {@code CORPUS_DIR} shortcut). */
    public static GuideManifest folder(Path corpusDir, String site, Path dataDir) {
        String name = corpusDir.toAbsolutePath().normalize().getFileName().toString();
        String id = name.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return new GuideManifest(List.of(new Guide(
                id.isEmpty() ? "guide" : id,
                name,
                site,
                new GuideSource(List.of(new GuideSource.Folder(corpusDir)), Map.of()),
                dataDir)));
    }

    /** Reads a manifest; relative mirror folders and {@code data} folders are relative to the manifest's folder. */
    public static GuideManifest load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            throw new GuideConfigException(
                    "no guides manifest at " + file.toAbsolutePath().normalize()
                            + "; set GUIDES to a manifest or CORPUS_DIR to a folder of Markdown");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new GuideConfigException(
                    "the guides manifest " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new GuideConfigException("cannot read the guides manifest " + file + ": " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        JsonNode list = root == null ? null : root.get("guides");
        if (list == null || !list.isArray()) {
            throw new GuideConfigException(file + ": expected {\"guides\": [ ... ]}");
        }
        List<Guide> guides = new ArrayList<>();
        for (JsonNode g : list) {
            String id = text(g, "id");
            try {
                guides.add(guide(g, base));
            } catch (GuideConfigException e) {
                throw new GuideConfigException(file + ", guide '" + id + "': " + e.getMessage(), e);
            }
        }
        return new GuideManifest(guides);
    }

    private static Guide guide(JsonNode g, Path base) {
        JsonNode source = g.get("source");
        if (source == null || !source.isObject()) throw new GuideConfigException("needs a 'source' with 'mirrors'");
        List<GuideSource.Mirror> mirrors = new ArrayList<>();
        JsonNode ms = source.get("mirrors");
        if (ms == null || !ms.isArray()) throw new GuideConfigException("'source.mirrors' must be a list");
        for (JsonNode m : ms) {
            String s = m.asText("");
            if (s.startsWith("http://") || s.startsWith("https://")) {
                try {
                    mirrors.add(new GuideSource.Web(URI.create(s)));
                } catch (IllegalArgumentException e) {
                    throw new GuideConfigException("mirror '" + s + "' is not a valid URL");
                }
            } else if (!s.isBlank()) {
                mirrors.add(new GuideSource.Folder(base.resolve(s).normalize()));
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        JsonNode fs = source.get("files");
        if (fs != null && fs.isObject())
            fs.fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
        String data = text(g, "data");
        return new Guide(
                text(g, "id"),
                text(g, "title"),
                text(g, "site"),
                new GuideSource(mirrors, files),
                data == null ? null : base.resolve(data).normalize());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The guide with this id, or the first when {@code id} is null. */
    public Guide guide(String id) {
        if (id == null) return first();
        return guides.stream()
                .filter(g -> g.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new GuideConfigException("no guide '" + id + "' in the manifest; its guides are "
                        + guides.stream().map(Guide::id).toList()));
    }

    public Guide first() {
        return guides.get(0);
    }
}

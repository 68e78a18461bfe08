package org.guidesearch.graph.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.Vocabulary;

/**
 * How extracted concepts meet a guide's curated overlay: a curated concept claims every extracted one that shares a
 * normalised form with it ({@link TermKey}), and the blocklist (ids, names or aliases, any case) drops extracted ones.
 * One place for both, so the overlay the service serves and the review report {@code ./discover} prints agree.
 */
final class CuratedForms {
    private final Map<String, String> idByKey = new HashMap<>();
    private final Set<String> blocked = new HashSet<>();

    CuratedForms(Vocabulary curated, Set<String> blocklist) {
        for (Concept c : curated.concepts()) {
            c.surfaceForms().forEach(f -> idByKey.putIfAbsent(TermKey.of(f), c.id()));
        }
        blocklist.forEach(b -> blocked.add(b.strip().toLowerCase(Locale.ROOT)));
    }

    boolean blocks(Concept extracted) {
        return blocked.contains(extracted.id())
                || extracted.surfaceForms().stream().anyMatch(f -> blocked.contains(f.toLowerCase(Locale.ROOT)));
    }

    /** The curated concepts sharing a form with {@code extracted}, in the order of its forms; the first one wins. */
    List<String> claimants(Concept extracted) {
        List<String> ids = new ArrayList<>(2);
        for (String form : extracted.surfaceForms()) {
            String id = idByKey.get(TermKey.of(form));
            if (id != null && !ids.contains(id)) ids.add(id);
        }
        return ids;
    }
}

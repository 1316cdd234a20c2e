package com.aifinops.workbench.importers.usage.vendor;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Warns once per file about each JSON member a reader does not know (a new API field is worth noticing but
 * must never fail an import).
 */
public final class UnknownFields {
    private final Set<String> known;
    private final Set<String> warned = new HashSet<>();

    public UnknownFields(Set<String> known) {
        this.known = known;
    }

    /** Checks the members of the object at {@code dotted} ("" for the object itself). */
    public void check(JsonFields fields, String dotted) {
        var node = dotted.isEmpty() ? fields.node() : fields.at(dotted);
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String key = dotted.isEmpty() ? name : dotted + "." + name;
            if (!known.contains(key) && warned.add(key)) {
                fields.warning(key, "unknown field, ignored");
            }
        }
    }
}

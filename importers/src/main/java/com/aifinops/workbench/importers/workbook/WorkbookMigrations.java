package com.aifinops.workbench.importers.workbook;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Upgrades an older workbook document, as a JSON tree, one version at a time to {@code Workbook.SCHEMA_VERSION}.
 * Each step only adds or reshapes keys; the numbers in the file are never re-parsed or rounded.
 */
final class WorkbookMigrations {
    private WorkbookMigrations() {
    }

    /** Migrates {@code doc} in place from {@code version} to {@code target}. */
    static void upgrade(ObjectNode doc, int version, int target) {
        for (int v = version; v < target; v++) {
            switch (v) {
                case 1 -> v1ToV2(doc);
                default -> throw new IllegalStateException("no migration from schema " + v);
            }
            doc.put("schemaVersion", v + 1);
        }
    }

    /** Version 2 added scenarios, notes and usage rollups; a version-1 workbook has none of them. */
    private static void v1ToV2(ObjectNode doc) {
        for (String section : new String[]{"compareModels", "priceRows", "scenarios", "notes", "usageRollups"}) {
            if (!doc.hasNonNull(section)) {
                doc.putArray(section);
            }
        }
    }
}

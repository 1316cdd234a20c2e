package com.aifinops.workbench.importers.share;

import com.aifinops.workbench.importers.workbook.WorkbookFixtures;
import com.aifinops.workbench.model.workbook.Note;
import com.aifinops.workbench.model.workbook.UsageRollup;
import com.aifinops.workbench.model.workbook.UsageRollup.Dimension;
import com.aifinops.workbench.model.workbook.Workbook;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkbookSharingTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void redactsChosenDimensionsConsistentlyAndDropsInternalNotes() {
        Workbook wb = WorkbookFixtures.full();
        WorkbookSharing.Share s = WorkbookSharing.prepare(wb, EnumSet.of(Dimension.USER, Dimension.API_KEY, Dimension.CUSTOMER), KEY);
        List<UsageRollup> rows = s.shared().usageRollups();
        assertEquals(List.of(new Note("Shared assumption", false)), s.shared().notes());
        assertEquals(1, s.notesDropped());
        // both rows share key-prod-1: same pseudonym; users differ: different pseudonyms
        assertEquals(rows.get(0).apiKey(), rows.get(1).apiKey());
        assertNotEquals(rows.get(0).user(), rows.get(1).user());
        assertTrue(rows.get(0).user().matches("user-[0-9a-f]{10}"), rows.get(0).user());
        assertTrue(rows.get(0).customer().startsWith("customer-"));
        assertTrue(rows.stream().noneMatch(r -> r.user().startsWith("u-") || r.customer().contains("Acme")));
        // what was not chosen is kept, figures are untouched
        assertEquals("Support", rows.get(0).team());
        assertEquals(wb.usageRollups().get(0).costUsd(), rows.get(0).costUsd());
        assertEquals(wb.workloads(), s.shared().workloads());
        assertEquals(Map.of(Dimension.USER, 2, Dimension.API_KEY, 1, Dimension.CUSTOMER, 2), s.pseudonymised());
    }

    @Test
    void sameKeySamePseudonymsAnotherShareCannotBeLinked() {
        Workbook wb = WorkbookFixtures.full();
        var users = EnumSet.of(Dimension.USER);
        String a = WorkbookSharing.prepare(wb, users, KEY).shared().usageRollups().get(0).user();
        String b = WorkbookSharing.prepare(wb, users, KEY).shared().usageRollups().get(0).user();
        String c = WorkbookSharing.prepare(wb, users, WorkbookSharing.newKey()).shared().usageRollups().get(0).user();
        assertEquals(a, b);
        assertNotEquals(a, c);
    }
}

package com.aifinops.workbench.importers.usage.litellm;

import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpendLogsCsvTest {

    /** Values alike in length and in their first and last 8 chars share a pool slot, and must never be confused. */
    @Test
    void pooledCellsAreSharedPerValueAndNeverMixedUp() throws Exception {
        String a = "abcdefgh-X-12345678";
        String b = "abcdefgh-Y-12345678";
        SpendLogsCsv csv = new SpendLogsCsv(new StringReader(a + ",1\n" + b + ",2\n" + a + ",3\n\"" + b + "\",4\n" + b + ",5\n"));
        String[] seen = new String[5];
        for (int i = 0; i < 5; i++) {
            assertTrue(csv.next());
            seen[i] = csv.pooled(0);
            assertEquals(String.valueOf(i + 1), csv.get(1));
        }
        assertFalse(csv.next());
        assertEquals(a, seen[0]);
        assertEquals(b, seen[1]);
        assertEquals(a, seen[2]);
        assertEquals(b, seen[3]);
        assertEquals(b, seen[4]);
        assertSame(seen[3], seen[4]); // a repeated value is one instance
    }

    @Test
    void quotedFieldsKeepDoubledQuotesCommasAndLineBreaks() throws Exception {
        SpendLogsCsv csv = new SpendLogsCsv(new StringReader("x,\"a \"\"b\"\", c\nd\",y\r\nz\n"));
        assertTrue(csv.next());
        assertEquals(3, csv.size());
        assertEquals("a \"b\", c\nd", csv.get(1));
        assertEquals(1, csv.recordLine());
        assertTrue(csv.next());
        assertEquals("z", csv.pooled(0));
        assertEquals(3, csv.recordLine());
    }
}

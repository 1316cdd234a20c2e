package com.aifinops.workbench.importers.share;

import com.aifinops.workbench.model.workbook.Note;
import com.aifinops.workbench.model.workbook.UsageRollup;
import com.aifinops.workbench.model.workbook.UsageRollup.Dimension;
import com.aifinops.workbench.model.workbook.Workbook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Prepare for sharing": replaces chosen rollup dimensions by pseudonyms and drops internal notes. A pseudonym
 * is an HMAC-SHA-256 of the value under a key drawn at random for each share, so within one share the same
 * value always gets the same pseudonym (totals by user still add up), while two shares cannot be linked and
 * the original cannot be looked up from a list of candidates without the key, which is never written.
 */
public final class WorkbookSharing {
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What a share contains and what was done to it.
     *
     * @param shared         the workbook to write
     * @param notesDropped   internal notes removed
     * @param pseudonymised  distinct values replaced, per dimension
     */
    public record Share(Workbook shared, int notesDropped, Map<Dimension, Integer> pseudonymised) {
    }

    private WorkbookSharing() {
    }

    /** A fresh random key for one share. */
    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    public static Share prepare(Workbook wb, Set<Dimension> redact, byte[] key) {
        Mac mac = mac(key);
        Map<Dimension, Set<String>> seen = new EnumMap<>(Dimension.class);
        List<UsageRollup> rows = new ArrayList<>(wb.usageRollups().size());
        for (UsageRollup r : wb.usageRollups()) {
            UsageRollup out = r;
            for (Dimension d : redact) {
                String value = r.dimension(d);
                if (value != null) {
                    seen.computeIfAbsent(d, k -> new HashSet<>()).add(value);
                    out = out.with(d, pseudonym(mac, d, value));
                }
            }
            rows.add(out);
        }
        List<Note> notes = wb.notes().stream().filter(n -> !n.internal()).toList();
        Map<Dimension, Integer> counts = new EnumMap<>(Dimension.class);
        redact.forEach(d -> counts.put(d, seen.getOrDefault(d, Set.of()).size()));
        return new Share(wb.withNotes(notes).withUsageRollups(rows), wb.notes().size() - notes.size(), counts);
    }

    /** {@code user-3fa9c2d1e0}: the dimension and 40 bits of the HMAC, enough to keep thousands of values apart. */
    static String pseudonym(Mac mac, Dimension d, String value) {
        byte[] h = mac.doFinal((d.key() + '\u0000' + value).getBytes(StandardCharsets.UTF_8));
        return d.key() + "-" + HexFormat.of().formatHex(h, 0, 5);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}

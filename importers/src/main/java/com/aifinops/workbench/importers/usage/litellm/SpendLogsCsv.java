package com.aifinops.workbench.importers.usage.litellm;

import java.io.IOException;
import java.io.Reader;

/**
 * An RFC 4180 record tokenizer for large request logs: quoted fields, doubled quotes, line breaks inside quotes,
 * CRLF or LF, empty lines skipped. Written for speed because Commons CSV reads one character at a time through a
 * synchronized {@code BufferedReader} (about 9 µs per 600-byte spend-log row, most of the import's time): this one
 * scans a char buffer and makes a {@code String} only for the cells a reader asks for.
 *
 * <p>Not thread-safe; one instance per file.
 */
final class SpendLogsCsv {
    /** A malformed record: the physical line it starts on and what is wrong. */
    static final class Malformed extends IOException {
        final long line;

        Malformed(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;

    private char[] rec = new char[4096];
    private int recLen;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int fields;
    private long line = 1;
    private long recordLine;

    SpendLogsCsv(Reader in) {
        this.in = in;
    }

    /** Reads the next non-empty record; false at the end of the input. */
    boolean next() throws IOException {
        while (true) {
            int c = peek();
            if (c < 0) return false;
            if (c == '\n') {
                pos++;
                line++;
                continue;
            }
            if (c == '\r') {
                pos++;
                continue;
            }
            break;
        }
        recordLine = line;
        recLen = 0;
        fields = 0;
        while (true) {
            int start = recLen;
            int c = peek();
            if (c == '"') {
                pos++;
                quoted();
                c = peek();
                if (c >= 0 && c != ',' && c != '\n' && c != '\r') {
                    throw new Malformed(recordLine, "unexpected character '" + (char) c + "' after a closing quote; expected , or end of line");
                }
            } else {
                plain();
                c = peek();
            }
            addField(start, recLen);
            if (c == ',') {
                pos++;
                continue;
            }
            // end of record: line break or end of input
            if (c == '\r') {
                pos++;
                if (peek() == '\n') pos++;
                line++;
            } else if (c == '\n') {
                pos++;
                line++;
            }
            return true;
        }
    }

    /** The physical line the current record starts on. */
    long recordLine() {
        return recordLine;
    }

    int size() {
        return fields;
    }

    String get(int i) {
        return i >= fields ? null : new String(rec, starts[i], ends[i] - starts[i]);
    }

    private final String[] pool = new String[1 << 14];
    private final char[][] poolChars = new char[1 << 14][];

    /**
     * The cell as a shared {@code String}: dimension columns (model, user, team, key, …) repeat a few thousand
     * values, so handing out one instance per value saves the allocation and lets the rollup's hash and equality
     * checks hit the cached hash and the identity fast path. The slot is picked from the length and a few chars at
     * both ends (API keys are 64 hex chars: hashing all of them was a tenth of the parse); a hit is confirmed by a
     * full, vectorised compare.
     */
    String pooled(int i) {
        if (i >= fields) return null;
        int from = starts[i];
        int len = ends[i] - from;
        if (len > 128) return get(i);
        int h = len;
        int head = Math.min(len, 8);
        for (int k = from; k < from + head; k++) h = 31 * h + rec[k];
        for (int k = Math.max(from + head, from + len - 8); k < from + len; k++) h = 31 * h + rec[k];
        int slot = (h ^ (h >>> 16)) & (pool.length - 1);
        char[] cs = poolChars[slot];
        if (cs != null && cs.length == len && java.util.Arrays.equals(cs, 0, len, rec, from, from + len)) return pool[slot];
        String s = new String(rec, from, len);
        pool[slot] = s;
        poolChars[slot] = java.util.Arrays.copyOfRange(rec, from, from + len);
        return s;
    }

    boolean isEmpty(int i) {
        return i >= fields || ends[i] == starts[i];
    }

    private void plain() throws IOException {
        while (true) {
            if (pos == lim && !fill()) return;
            int p = pos;
            int l = lim;
            char[] b = buf;
            while (p < l) {
                char ch = b[p];
                if (ch == ',' || ch == '\n' || ch == '\r') {
                    append(b, pos, p - pos);
                    pos = p;
                    return;
                }
                p++;
            }
            append(b, pos, l - pos);
            pos = l;
        }
    }

    private void quoted() throws IOException {
        while (true) {
            if (pos == lim && !fill()) throw new Malformed(recordLine, "a quoted value is not closed; expected a closing \"");
            int p = pos;
            int l = lim;
            char[] b = buf;
            while (p < l) {
                char ch = b[p];
                if (ch == '"') {
                    append(b, pos, p - pos);
                    pos = p + 1;
                    if (peek() == '"') { // a doubled quote is one literal quote
                        append(buf, pos, 1);
                        pos++;
                        break;
                    }
                    return;
                }
                if (ch == '\n') line++;
                p++;
            }
            if (p == l) {
                append(b, pos, l - pos);
                pos = l;
            }
        }
    }

    private int peek() throws IOException {
        if (pos == lim && !fill()) return -1;
        return buf[pos];
    }

    private boolean fill() throws IOException {
        if (eof) return false;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            pos = lim = 0;
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    private void append(char[] src, int from, int len) {
        if (len == 0) return;
        if (recLen + len > rec.length) {
            char[] bigger = new char[Math.max(rec.length * 2, recLen + len)];
            System.arraycopy(rec, 0, bigger, 0, recLen);
            rec = bigger;
        }
        System.arraycopy(src, from, rec, recLen, len);
        recLen += len;
    }

    private void addField(int start, int end) {
        if (fields == starts.length) {
            starts = java.util.Arrays.copyOf(starts, fields * 2);
            ends = java.util.Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = start;
        ends[fields] = end;
        fields++;
    }
}

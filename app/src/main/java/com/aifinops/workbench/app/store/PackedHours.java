package com.aifinops.workbench.app.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The packed hours of one {@code usage_hourly_day} row (V7): a day of one series as a bit set of the UTC hours that
 * have a point ({@code hours}, bit h for hour h) and, in hour order, each point's requests, input tokens, output
 * tokens and unpriced requests as zigzag varints, then its cost, exact: a varint of the zigzag scale times two (plus
 * one when the unscaled value does not fit a {@code long}), then the unscaled value as a zigzag varint or as its
 * length and two's-complement bytes. A month of a thousand agents' hours is then 32,000 rows of about 300 bytes,
 * which H2 hands over twenty times faster than 760,000 rows of one hour each.
 *
 * <p>V7 migrates V5's rows through {@link #pack(Integer[], Long[], Long[], Long[], Long[], BigDecimal[])}, called
 * from SQL: keep its name and signature.
 */
public final class PackedHours {
    /** A point as read; {@code big} is the cost when it is not {@code unscaled × 10^-scale}, else null. */
    public interface Point {
        void accept(int hourOfDay, long requests, long inputTokens, long outputTokens, long unpricedRequests, long unscaled, int scale,
                    BigDecimal big);
    }

    private PackedHours() {
    }

    /** Reads every point of a row, in hour order. */
    public static void read(int hours, byte[] data, Point to) {
        int[] at = {0};
        for (int bits = hours; bits != 0; bits &= bits - 1) {
            int h = Integer.numberOfTrailingZeros(bits);
            long req = signed(data, at), in = signed(data, at), out = signed(data, at), unpriced = signed(data, at);
            long head = unsigned(data, at);
            int scale = (int) unzigzag(head >>> 1);
            if ((head & 1) == 0) {
                to.accept(h, req, in, out, unpriced, signed(data, at), scale, null);
            } else {
                int n = (int) unsigned(data, at);
                byte[] b = Arrays.copyOfRange(data, at[0], at[0] + n);
                at[0] += n;
                to.accept(h, req, in, out, unpriced, 0, scale, new BigDecimal(new BigInteger(b), scale));
            }
        }
    }

    /** The cost of a point as {@link #read} hands it over. */
    public static BigDecimal cost(long unscaled, int scale, BigDecimal big) {
        return big != null ? big : BigDecimal.valueOf(unscaled, scale);
    }

    /** Builds one row: {@link #add} the hours in increasing order, each once. */
    public static final class Writer {
        private byte[] buf = new byte[512];
        private int n;
        private int hours;
        private int lastHour = -1;

        public Writer add(int hourOfDay, long requests, long inputTokens, long outputTokens, long unpricedRequests, BigDecimal cost) {
            if (hourOfDay <= lastHour || hourOfDay > 23) {
                throw new IllegalArgumentException("hour " + hourOfDay + " after " + lastHour);
            }
            lastHour = hourOfDay;
            hours |= 1 << hourOfDay;
            signed(requests);
            signed(inputTokens);
            signed(outputTokens);
            signed(unpricedRequests);
            BigInteger u = cost.unscaledValue();
            if (u.bitLength() < 64) {
                unsigned(zigzag(cost.scale()) << 1);
                signed(u.longValue());
            } else {
                byte[] b = u.toByteArray();
                unsigned(zigzag(cost.scale()) << 1 | 1);
                unsigned(b.length);
                room(b.length);
                System.arraycopy(b, 0, buf, n, b.length);
                n += b.length;
            }
            return this;
        }

        public boolean isEmpty() {
            return hours == 0;
        }

        /** The bit set of the hours added. */
        public int hours() {
            return hours;
        }

        public byte[] bytes() {
            return Arrays.copyOf(buf, n);
        }

        /** Empties the writer for the next row. */
        public void reset() {
            n = 0;
            hours = 0;
            lastHour = -1;
        }

        private void signed(long v) {
            unsigned(zigzag(v));
        }

        private void unsigned(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                buf[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[n++] = (byte) v;
        }

        private void room(int more) {
            if (n + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }
    }

    /**
     * For V7's SQL: one row's packed hours from the arrays of its hours of day (ascending) and their sums, as
     * {@code ARRAY_AGG} hands them over.
     */
    public static byte[] pack(Integer[] hours, Long[] requests, Long[] inputTokens, Long[] outputTokens, Long[] unpriced, BigDecimal[] costs) {
        Writer w = new Writer();
        for (int i = 0; i < hours.length; i++) {
            w.add(hours[i], requests[i], inputTokens[i], outputTokens[i], unpriced[i], costs[i]);
        }
        return w.bytes();
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static long signed(byte[] d, int[] at) {
        return unzigzag(unsigned(d, at));
    }

    private static long unsigned(byte[] d, int[] at) {
        long v = 0;
        int shift = 0;
        int i = at[0];
        while (true) {
            byte b = d[i++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                at[0] = i;
                return v;
            }
            shift += 7;
        }
    }
}

package com.aifinops.workbench.views.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Squarified treemap layout (Bruls, Huizing and van Wijk, 2000): values, largest first, are laid out in rows along
 * the shorter side of the space left, a row growing while that does not worsen its worst aspect ratio. Geometry for
 * drawing only (doubles); the amounts behind it stay exact elsewhere.
 */
public final class Squarify {
    /** A tile: position, size, and its aspect ratio (long side over short side, ≥ 1). */
    public record Rect(double x, double y, double w, double h) {
        public double aspect() {
            return w == 0 || h == 0 ? Double.POSITIVE_INFINITY : Math.max(w / h, h / w);
        }

        public double area() {
            return w * h;
        }
    }

    private Squarify() {
    }

    /**
     * @return one rectangle per value, in the order given, with areas proportional to the values and together
     *         filling the rectangle; values of zero or less get an empty rectangle at the corner
     */
    public static List<Rect> layout(double[] values, double x, double y, double w, double h) {
        Rect[] out = new Rect[values.length];
        Arrays.fill(out, new Rect(x, y, 0, 0));
        double sum = Arrays.stream(values).filter(v -> v > 0).sum();
        if (sum <= 0 || w <= 0 || h <= 0) {
            return List.of(out);
        }
        double scale = w * h / sum;
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values[i]).reversed());
        int n = 0;
        while (n < order.length && values[order[n]] > 0) {
            n++;
        }
        int i = 0;
        while (i < n) {
            double side = Math.min(w, h);
            List<Integer> row = new ArrayList<>(List.of(order[i++]));
            double rowArea = values[row.get(0)] * scale;
            while (i < n) {
                double a = values[order[i]] * scale;
                if (worst(row, rowArea + a, a, side, values, scale) > worst(row, rowArea, 0, side, values, scale)) {
                    break;
                }
                row.add(order[i++]);
                rowArea += a;
            }
            boolean last = i >= n;
            if (w >= h) {
                // the short side is the height: the row is a column on the left
                double cw = last ? w : rowArea / h, yy = y;
                for (int k = 0; k < row.size(); k++) {
                    double hh = k == row.size() - 1 ? y + h - yy : values[row.get(k)] * scale / cw;
                    out[row.get(k)] = new Rect(x, yy, cw, hh);
                    yy += hh;
                }
                x += cw;
                w -= cw;
            } else {
                double rh = last ? h : rowArea / w, xx = x;
                for (int k = 0; k < row.size(); k++) {
                    double ww = k == row.size() - 1 ? x + w - xx : values[row.get(k)] * scale / rh;
                    out[row.get(k)] = new Rect(xx, y, ww, rh);
                    xx += ww;
                }
                y += rh;
                h -= rh;
            }
        }
        return List.of(out);
    }

    /** The worst aspect ratio of the row's tiles (plus one of area {@code extra} when > 0) laid along {@code side}. */
    private static double worst(List<Integer> row, double total, double extra, double side, double[] values, double scale) {
        double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
        for (int k : row) {
            max = Math.max(max, values[k] * scale);
            min = Math.min(min, values[k] * scale);
        }
        if (extra > 0) {
            max = Math.max(max, extra);
            min = Math.min(min, extra);
        }
        double s2 = side * side, t2 = total * total;
        return Math.max(s2 * max / t2, t2 / (s2 * min));
    }
}

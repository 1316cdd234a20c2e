package com.aifinops.workbench.views.common;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example of Bruls, Huizing and van Wijk (2000): areas 6, 6, 4, 3, 2, 2, 1 in a 6 × 4 rectangle (total 24, so one
 * unit of value is one unit of area). Worked by hand:
 * <ol>
 *   <li>short side 4 (the height): row [6] is a column 6/4 = 1.5 wide, aspect 4 ÷ 1.5 = 2.67; [6, 6] → a column 12/4 = 3 wide, two
 *       3 × 2 tiles, aspect 1.5 (better); adding 4 → column 16/4 = 4 wide, heights 1.5, 1.5, 1: worst 4 ÷ 1 = 4 (worse), so
 *       the column is [6, 6] at x 0..3;</li>
 *   <li>left 3 × 4, short side 3 (the width): [4] → a row 4/3 high, aspect 3 ÷ 1.333 = 2.25; [4, 3] → row 7/3 high,
 *       widths 12/7 and 9/7, worst (7/3) ÷ (9/7) = 1.81 (better); adding 2 → row 3 high, widths 4/3, 1, 2/3: worst 4.5,
 *       so the row is [4, 3] at y 0..7/3;</li>
 *   <li>left 3 × 5/3 (x 3..6, y 7/3..4), short side 5/3 (the height): [2] → a column 1.2 wide, aspect 1.39; [2, 2] →
 *       column 2.4 wide, heights 5/6: aspect 2.88 (worse): column [2] at x 3..4.2;</li>
 *   <li>left 1.8 × 5/3: [2] → column 1.2 wide, aspect 1.39; [2, 1] → column 1.8 wide, heights 10/9 and 5/9: worst 3.24:
 *       column [2] at x 4.2..5.4;</li>
 *   <li>left 0.6 × 5/3: [1], aspect (5/3) ÷ 0.6 = 2.78.</li>
 * </ol>
 */
class SquarifyTest {
    private static final double E = 1e-9;

    @Test
    void laysOutThePapersExampleAsThePaperDoes() {
        double[] v = {6, 6, 4, 3, 2, 2, 1};
        List<Squarify.Rect> r = Squarify.layout(v, 0, 0, 6, 4);
        assertRect(r.get(0), 0, 0, 3, 2);
        assertRect(r.get(1), 0, 2, 3, 2);
        assertRect(r.get(2), 3, 0, 12.0 / 7, 7.0 / 3);
        assertRect(r.get(3), 3 + 12.0 / 7, 0, 9.0 / 7, 7.0 / 3);
        assertRect(r.get(4), 3, 7.0 / 3, 1.2, 5.0 / 3);
        assertRect(r.get(5), 4.2, 7.0 / 3, 1.2, 5.0 / 3);
        assertRect(r.get(6), 5.4, 7.0 / 3, 0.6, 5.0 / 3);
        double[] aspects = {1.5, 1.5, (7.0 / 3) / (12.0 / 7), (7.0 / 3) / (9.0 / 7), (5.0 / 3) / 1.2, (5.0 / 3) / 1.2, (5.0 / 3) / 0.6};
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i], r.get(i).area(), E, "area of tile " + i + " is its value");
            assertEquals(aspects[i], r.get(i).aspect(), E, "aspect of tile " + i);
            assertInside(r.get(i), 0, 0, 6, 4);
        }
    }

    @Test
    void scalesValuesToTheRectangleAndKeepsTheOrderGiven() {
        // 1 and 3 in a 4 × 2 rectangle (area 8): 3 takes 6, 1 takes 2; the short side is 2, [3] alone = 3 × 2 (1.5),
        // [3, 1] = a 4 × 2 column split 1.5 / 0.5: worst 4 ÷ 0.5 = 8 → two columns, 3 wide then 1 wide
        List<Squarify.Rect> r = Squarify.layout(new double[]{1, 3}, 10, 20, 4, 2);
        assertRect(r.get(1), 10, 20, 3, 2);
        assertRect(r.get(0), 13, 20, 1, 2);
    }

    @Test
    void zeroAndNegativeValuesGetEmptyTilesAndTheRestFillTheRectangle() {
        List<Squarify.Rect> r = Squarify.layout(new double[]{0, 5, -2, 5}, 0, 0, 10, 1);
        assertEquals(0, r.get(0).area(), E);
        assertEquals(0, r.get(2).area(), E);
        assertEquals(5, r.get(1).area(), E);
        assertEquals(5, r.get(3).area(), E);
        assertTrue(Squarify.layout(new double[]{0, 0}, 0, 0, 3, 3).stream().allMatch(x -> x.area() == 0));
    }

    private static void assertRect(Squarify.Rect r, double x, double y, double w, double h) {
        assertEquals(x, r.x(), E, "x of " + r);
        assertEquals(y, r.y(), E, "y of " + r);
        assertEquals(w, r.w(), E, "w of " + r);
        assertEquals(h, r.h(), E, "h of " + r);
    }

    private static void assertInside(Squarify.Rect r, double x, double y, double w, double h) {
        assertTrue(r.x() >= x - E && r.y() >= y - E && r.x() + r.w() <= x + w + E && r.y() + r.h() <= y + h + E, r + " inside");
    }
}

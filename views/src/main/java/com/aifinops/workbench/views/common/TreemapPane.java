package com.aifinops.workbench.views.common;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A squarified treemap of two levels: the tiles given, each split into its own children under a header band when
 * there is room. A tile is labelled with its name and amount where they fit (the tooltip always has both); hatched
 * tiles stand for spend nobody owns. A click on a tile (or Enter on the selected one; arrows move the selection)
 * hands its key to {@link #setOnDrill}.
 */
public final class TreemapPane extends Pane {
    /** What a tile shows: a key handed back on drill, a colour (CSS), hatched or not, and its children. */
    public record Tile(Object key, String kind, String name, String amount, double value, String colour, boolean hatched, String tooltip,
                       List<Tile> children) {
    }

    private static final String FRAME = "#e4e8ed";
    private static final double HEADER = 18, GAP = 2;
    private static final Font NAME = Font.font("DejaVu Sans", 12);
    private static final String HATCH = "linear-gradient(from 0px 0px to 10px 10px, repeat, #c9ced6 0%, #c9ced6 30%, #eceef1 30%, #eceef1 100%)";

    private List<Tile> tiles = List.of();
    private final List<Pane> top = new ArrayList<>();
    private final List<Label> headers = new ArrayList<>();
    private int selected = -1;
    /** The size the tiles were built for; they are rebuilt when it or the tiles change, not on every layout pass. */
    private double builtW = -1, builtH = -1;
    private Consumer<Object> onDrill = k -> { };

    public TreemapPane() {
        getStyleClass().add("treemap");
        setFocusTraversable(true);
        setMinSize(200, 150);
        setStyle("-fx-background-color: white;");
        setOnKeyPressed(e -> {
            if (tiles.isEmpty()) {
                return;
            }
            if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.DOWN) {
                select(Math.min(tiles.size() - 1, selected + 1));
                e.consume();
            } else if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.UP) {
                select(Math.max(0, selected - 1));
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && selected >= 0) {
                onDrill.accept(tiles.get(selected).key());
                e.consume();
            }
        });
        setOnMousePressed(e -> requestFocus());
    }

    public void setTiles(List<Tile> tiles) {
        this.tiles = List.copyOf(tiles);
        selected = tiles.isEmpty() ? -1 : 0;
        builtW = -1;
        requestLayout();
    }

    public List<Tile> tiles() {
        return tiles;
    }

    public void setOnDrill(Consumer<Object> onDrill) {
        this.onDrill = onDrill;
    }

    /** The key of the selected top-level tile, or null. */
    public Object selectedKey() {
        return selected < 0 ? null : tiles.get(selected).key();
    }

    public void select(int i) {
        selected = i;
        for (int k = 0; k < top.size(); k++) {
            top.get(k).setBorder(k == selected ? new javafx.scene.layout.Border(new javafx.scene.layout.BorderStroke(
                    javafx.scene.paint.Color.web("#1f2933"), javafx.scene.layout.BorderStrokeStyle.SOLID, null,
                    new javafx.scene.layout.BorderWidths(2))) : null);
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        if (w == builtW && h == builtH) {
            // a label has no size until its skin exists (after the CSS pass that follows adding it): size it now
            headers.forEach(Label::autosize);
            return;
        }
        headers.clear();
        builtW = w;
        builtH = h;
        getChildren().clear();
        top.clear();
        List<Squarify.Rect> rects = Squarify.layout(values(tiles), 0, 0, w, h);
        for (int i = 0; i < tiles.size(); i++) {
            Tile t = tiles.get(i);
            Squarify.Rect r = rects.get(i);
            if (r.w() < 1 || r.h() < 1) {
                continue;
            }
            boolean nested = !t.children().isEmpty() && !(t.children().size() == 1 && t.children().get(0).name().equals(t.name()))
                    && r.w() > 60 && r.h() > HEADER + 30;
            // a frame around nested tiles is drawn plain: the hatch is for the tiles that hold the spend
            Pane frame = tile(nested ? new Tile(t.key(), t.kind(), t.name(), t.amount(), t.value(), FRAME, false, t.tooltip(), t.children()) : t, r, true);
            top.add(frame);
            int index = i;
            frame.setOnMouseClicked(e -> {
                select(index);
                onDrill.accept(t.key());
            });
            if (nested) {
                double cx = r.x() + GAP, cy = r.y() + HEADER, cw = r.w() - 2 * GAP, ch = r.h() - HEADER - GAP;
                List<Squarify.Rect> inner = Squarify.layout(values(t.children()), cx, cy, cw, ch);
                for (int k = 0; k < t.children().size(); k++) {
                    Squarify.Rect ir = inner.get(k);
                    if (ir.w() >= 1 && ir.h() >= 1) {
                        Tile child = t.children().get(k);
                        Region cr = tile(child, ir, false);
                        cr.setOnMouseClicked(e -> {
                            // into the frame, then into the tile clicked in it
                            select(index);
                            onDrill.accept(t.key());
                            onDrill.accept(child.key());
                            e.consume();
                        });
                    }
                }
                String full = t.kind() + " " + t.name() + "  " + t.amount(), shorter = t.name() + "  " + t.amount();
                Label header = new Label(fits(full, NAME, r.w() - 8) ? full : fits(shorter, NAME, r.w() - 8) ? shorter
                        : fits(t.name(), NAME, r.w() - 8) ? t.name() : "");
                header.setFont(NAME);
                header.setStyle("-fx-text-fill: #1f2933; -fx-font-weight: bold;"); // on the plain frame, whatever the tile's colour
                header.relocate(r.x() + 4, r.y() + 1);
                header.setMouseTransparent(true);
                headers.add(header); // this pane lays out by hand: the label is sized to its text on the next pass
                getChildren().add(header);
            } else {
                label(frame, t, r);
            }
        }
        select(selected);
    }

    private Pane tile(Tile t, Squarify.Rect r, boolean topLevel) {
        Pane p = new Pane();
        p.getStyleClass().add("treemap-tile");
        p.setUserData(t.key());
        p.resizeRelocate(r.x() + 0.5, r.y() + 0.5, Math.max(0, r.w() - 1), Math.max(0, r.h() - 1));
        p.setStyle("-fx-background-color: " + (t.hatched() ? HATCH : t.colour()) + "; -fx-border-color: white; -fx-border-width: "
                + (topLevel ? 1.5 : 0.75) + ";");
        Tooltip tip = new Tooltip(t.tooltip());
        tip.setShowDelay(Duration.millis(200));
        Tooltip.install(p, tip);
        getChildren().add(p);
        if (!topLevel) {
            label(p, t, r);
        }
        return p;
    }

    /** The name, and the amount under it, where they fit inside the tile; nothing where they do not. */
    private static void label(Pane p, Tile t, Squarify.Rect r) {
        double room = r.w() - 8;
        boolean name = fits(t.name(), NAME, room) && r.h() >= 18;
        boolean amount = name && fits(t.amount(), NAME, room) && r.h() >= 34;
        if (!name) {
            return;
        }
        Label l = new Label(amount ? t.name() + "\n" + t.amount() : t.name());
        l.setFont(NAME);
        l.setAlignment(Pos.TOP_LEFT);
        l.setPadding(new Insets(3, 4, 3, 4));
        l.setStyle("-fx-text-fill: " + textOn(t) + ";");
        l.setMouseTransparent(true);
        p.getChildren().add(l);
    }

    static boolean fits(String s, Font f, double room) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth() <= room;
    }

    /** Dark text on light fills (and on the hatch), white on dark ones. */
    private static String textOn(Tile t) {
        if (t.hatched()) {
            return "#2b3440";
        }
        javafx.scene.paint.Color c = javafx.scene.paint.Color.web(t.colour());
        double lum = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return lum > 0.55 ? "#1f2933" : "white";
    }

    private static double[] values(List<Tile> ts) {
        double[] v = new double[ts.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ts.get(i).value();
        }
        return v;
    }
}

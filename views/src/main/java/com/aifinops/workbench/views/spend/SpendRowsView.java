package com.aifinops.workbench.views.spend;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.ReportRow;
import com.aifinops.workbench.model.analysis.SpendRows;
import com.aifinops.workbench.model.analysis.TagText;
import com.aifinops.workbench.model.ledger.DailyRollup;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The ledger rows behind a figure: one line per daily rollup with the allocation the rules gave it, sortable by any
 * column, with a total line over every row that matched (so it equals the figure clicked to the cent, also when the
 * list is cut at {@link SpendRows#LIMIT}). The table puts the amounts first; copies and exports keep the ledger's
 * order (day, provider, model, allocation, tags, requests, token classes, priced, billed, cost). Ctrl+C copies the selected rows (all when none is selected) as
 * tab-separated text with a header line; Export CSV… writes every listed row. Copies and exports carry exact
 * amounts, the table shows cents.
 */
public final class SpendRowsView extends BorderPane {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    /** A column: its title, the row's value (sorts; null when the row has none) and how it is shown. */
    private record Column(String title, Function<DailyRollup, Object> value, boolean figure, Function<Object, String> shown) {
    }

    static final List<Column> COLUMNS = List.of(
            text("day", r -> r.day().toString()),
            text("provider", DailyRollup::provider),
            text("model", r -> r.modelId() != null ? r.modelId() : r.modelRaw()),
            text("org", r -> r.allocation().org()),
            text("team", r -> r.allocation().team()),
            text("project", r -> r.allocation().project()),
            text("agent", r -> r.allocation().agent()),
            text("user", r -> r.allocation().user()),
            text("api key", r -> r.allocation().apiKey()),
            text("workspace", r -> r.allocation().workspace()),
            text("environment", r -> r.allocation().environment()),
            text("feature", r -> r.allocation().feature()),
            text("customer", r -> r.allocation().customer()),
            text("tags", r -> r.allocation().tags().isEmpty() ? null : TagText.write(new java.util.TreeMap<>(r.allocation().tags()))),
            count("requests", DailyRollup::requests),
            count("uncached input", DailyRollup::uncachedInput),
            count("cache read", DailyRollup::cacheRead),
            count("cache write 5m", DailyRollup::cacheWrite5m),
            count("cache write 1h", DailyRollup::cacheWrite1h),
            count("output", DailyRollup::outputTokens),
            count("reasoning", DailyRollup::reasoningTokens),
            money("priced", DailyRollup::pricedCost),
            money("billed", DailyRollup::billedCost),
            money("cost", DailyRollup::cost));

    /** The table's order: the amounts next to the day and model, so they show without scrolling. */
    static final List<String> DISPLAY_ORDER = List.of("day", "provider", "model", "cost", "billed", "priced", "requests", "org", "team",
            "project", "agent", "user", "api key", "workspace", "environment", "feature", "customer", "tags", "uncached input",
            "cache read", "cache write 5m", "cache write 1h", "output", "reasoning");

    private final TableView<DailyRollup> table = new TableView<>();
    private final Label title = new Label();
    private final Label total = new Label();
    private final Label showing = new Label();

    public SpendRowsView() {
        title.setId("drillTitle");
        title.getStyleClass().add("block-title");
        total.setId("drillTotal");
        total.setStyle("-fx-font-weight: bold;");
        showing.setId("drillShowing");
        showing.getStyleClass().add("warning-text");
        showing.managedProperty().bind(showing.textProperty().isNotEmpty());
        table.setId("drillTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No rows"));
        table.setTableMenuButtonVisible(true);
        for (String t : DISPLAY_ORDER) {
            table.getColumns().add(column(COLUMNS.stream().filter(c -> c.title().equals(t)).findFirst().orElseThrow()));
        }
        table.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                copy();
                e.consume();
            }
        });
        Button copy = new Button("Copy");
        copy.setId("drillCopy");
        copy.setOnAction(e -> copy());
        Button export = new Button("Export CSV…");
        export.setId("drillExport");
        export.setOnAction(e -> chooseAndExport());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(12, total, showing, spacer, copy, export);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox body = new VBox(8, title, table, bottom);
        VBox.setVgrow(table, Priority.ALWAYS);
        body.setPadding(new Insets(12));
        setCenter(body);
    }

    /** Shows a drill-down's rows. */
    public void show(SpendViewModel.Drill d) {
        title.setText(d.rows().filter().describe());
        table.getSortOrder().clear();
        table.getItems().setAll(d.rows().rows());
        // a column no listed row fills (no customer, no 1-hour cache writes) is hidden; the table menu shows it
        // again, and copies and exports always carry every column
        for (int i = 0; i < DISPLAY_ORDER.size(); i++) {
            String t = DISPLAY_ORDER.get(i);
            Column c = COLUMNS.stream().filter(x -> x.title().equals(t)).findFirst().orElseThrow();
            table.getColumns().get(i).setVisible(d.rows().rows().isEmpty() || d.rows().rows().stream().map(c.value())
                    .anyMatch(v -> v != null && !(v instanceof Long n && n == 0L)));
        }
        ReportRow t = d.rows().total();
        total.setText(totalLine(d.rows()));
        showing.setText(d.rows().cut() ? String.format("showing %,d of %,d rows, those of the earliest days (the total covers all %,d)",
                d.rows().rows().size(), d.rows().matched(), d.rows().matched()) : "");
        if (d.figure() != null && d.figure().compareTo(t.cost()) != 0) {
            // the figure and the rows come from two queries: a ledger changed in between shows here, not silently
            showing.setText((showing.getText().isEmpty() ? "" : showing.getText() + "; ") + "the ledger changed: the figure clicked was "
                    + Usd.format(d.figure()));
        }
    }

    public TableView<DailyRollup> table() {
        return table;
    }

    /** {@code Total $1,234.56 · 12,000 requests · priced $1,200.00 · billed $1,234.56 · 31 rows}. */
    static String totalLine(SpendRows r) {
        ReportRow t = r.total();
        return "Total " + Usd.format(t.cost()) + " · " + String.format("%,d", t.requests()) + " requests · priced " + Usd.format(t.pricedCost())
                + " · billed " + (t.billedCost() == null ? "—" : Usd.format(t.billedCost())) + " · " + String.format("%,d", r.matched())
                + (r.matched() == 1 ? " row" : " rows");
    }

    /** The selected rows, else every row, as tab-separated text with a header line, to the clipboard. */
    public void copy() {
        List<DailyRollup> rows = table.getSelectionModel().getSelectedItems().isEmpty() ? table.getItems()
                : List.copyOf(table.getSelectionModel().getSelectedItems());
        ClipboardContent content = new ClipboardContent();
        content.putString(tsv(rows));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void chooseAndExport() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export rows as CSV");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        fc.setInitialFileName("rows.csv");
        Window w = getScene() == null ? null : getScene().getWindow();
        java.io.File f = fc.showSaveDialog(w);
        if (f != null) {
            try {
                exportCsv(f.toPath());
            } catch (IOException e) {
                showing.setText("Could not write " + f + ": " + e.getMessage());
            }
        }
    }

    /** Writes the listed rows, in the table's current order, as CSV (RFC 4180, UTF-8, a header line). */
    public void exportCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(csvLine(COLUMNS.stream().map(Column::title).toList()));
            for (DailyRollup r : table.getItems()) {
                w.write(csvLine(COLUMNS.stream().map(c -> exact(c.value().apply(r))).toList()));
            }
        }
    }

    static String tsv(List<DailyRollup> rows) {
        StringBuilder b = new StringBuilder(String.join("\t", COLUMNS.stream().map(Column::title).toList())).append('\n');
        for (DailyRollup r : rows) {
            b.append(String.join("\t", COLUMNS.stream().map(c -> exact(c.value().apply(r)).replaceAll("[\t\r\n]", " ")).toList())).append('\n');
        }
        return b.toString();
    }

    private static String csvLine(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (String c : cells) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(c.contains("\"") || c.contains(",") || c.contains("\n") || c.contains("\r") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return b.append("\r\n").toString();
    }

    /**
     * A value as copies and exports carry it: amounts exact, nothing rounded, at least to the cent (the ledger's
     * DECFLOAT gives 9.00 back as 9); empty for none.
     */
    static String exact(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof BigDecimal d ? (d.scale() < 2 ? d.setScale(2) : d).toPlainString() : v.toString();
    }

    /** The window that shows drill-downs, one per owner, reused and brought to the front by each new one. */
    public static final class RowsWindow {
        private final Window owner;
        private Stage stage;
        private SpendRowsView view;

        public RowsWindow(Window owner) {
            this.owner = owner;
        }

        public void show(SpendViewModel.Drill d) {
            if (stage == null) {
                view = new SpendRowsView();
                stage = new Stage();
                stage.initOwner(owner);
                Scene scene = new Scene(view, 1180, 560);
                if (owner != null && owner.getScene() != null) {
                    scene.getStylesheets().setAll(owner.getScene().getStylesheets());
                }
                stage.setScene(scene);
            }
            view.show(d);
            stage.setTitle("Rows · " + d.rows().filter().describe());
            stage.show();
            stage.toFront();
        }

        public SpendRowsView view() {
            return view;
        }
    }

    private static TableColumn<DailyRollup, Object> column(Column c) {
        TableColumn<DailyRollup, Object> col = new TableColumn<>(c.title());
        col.setId("drill-" + c.title().replace(' ', '-'));
        col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(c.value().apply(cd.getValue())));
        col.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? (empty ? null : c.figure() ? "—" : "") : c.shown().apply(item));
            }
        });
        col.setComparator(Comparator.nullsFirst(SpendRowsView::compare));
        if (c.figure()) {
            col.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        col.setPrefWidth(c.figure() ? 92 : c.title().equals("tags") ? 150 : c.title().equals("model") ? 130 : 96);
        return col;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    private static Column text(String title, Function<DailyRollup, String> value) {
        return new Column(title, r -> {
            String v = value.apply(r);
            return v == null || v.isEmpty() ? null : v;
        }, false, Object::toString);
    }

    private static Column count(String title, Function<DailyRollup, Long> value) {
        return new Column(title, value::apply, true, v -> String.format("%,d", (Long) v));
    }

    private static Column money(String title, Function<DailyRollup, BigDecimal> value) {
        return new Column(title, value::apply, true, v -> Usd.format((BigDecimal) v));
    }
}

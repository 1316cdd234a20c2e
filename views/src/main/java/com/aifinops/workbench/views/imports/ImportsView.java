package com.aifinops.workbench.views.imports;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.ledger.ColumnMappings;
import com.aifinops.workbench.model.ledger.ImportBatch;
import com.aifinops.workbench.model.ledger.ImportService;
import com.aifinops.workbench.model.usage.ImportProblem;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Imports screen: drop or pick usage and billing files, choose a format or let it be detected, watch the
 * import and cancel it, decide what happens to a rejected file, and browse or remove the batches in the ledger.
 * Binds to {@link ImportsViewModel}; no service calls here.
 */
public final class ImportsView extends BorderPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    static final ButtonType REMOVE = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);

    private final ImportsViewModel vm;
    private final TableView<ImportBatch> batchTable = new TableView<>();

    public ImportsView(ImportsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("imports");
        setPadding(new Insets(16));
        VBox top = new VBox(10, createDropZone(), createQueue(), createProgress(), createRejection(), createOutcomes());
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);
        setCenter(createLedger());
        enableDrop();
    }

    public ImportsViewModel viewModel() {
        return vm;
    }

    /**
     * Opens the native file chooser (several files at once) and imports the chosen files straight away with the
     * chosen format; what File > Import usage files… (Ctrl+I) calls.
     */
    public void chooseAndImport() {
        List<File> files = chooser().showOpenMultipleDialog(getScene() == null ? null : getScene().getWindow());
        if (files != null && !files.isEmpty()) {
            vm.addFilesAndImport(files.stream().map(File::toPath).toList());
        }
    }

    /** Opens the file chooser and queues the chosen files (their detected formats show before importing). */
    public void chooseFiles() {
        List<File> files = chooser().showOpenMultipleDialog(getScene() == null ? null : getScene().getWindow());
        if (files != null) {
            vm.addFiles(files.stream().map(File::toPath).toList());
        }
    }

    /**
     * "Map columns…": opens the mapping dialog for the first queued file no reader detects (else the first queued
     * file, else one picked now).
     */
    public void mapColumns() {
        ImportsViewModel.QueuedFile q = vm.mappingCandidate();
        if (q != null) {
            openMappingDialog(q.file());
            return;
        }
        FileChooser c = new FileChooser();
        c.setTitle("Map the columns of a CSV file");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.tsv", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = c.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            openMappingDialog(f.toPath());
        }
    }

    /**
     * Opens the mapping dialog on {@code file}: from the saved mapping chosen under Format, else a suggestion from
     * the file's header. Saving imports the file with the mapping. Returns the dialog (shown, not waited for).
     */
    public MappingDialog openMappingDialog(Path file) {
        ColumnMappings m = vm.mappings();
        try {
            ColumnMappings.Preview preview = m.preview(file, 5);
            ImportService.Format chosen = vm.formatProperty().get();
            ColumnMappings.Draft initial = null;
            if (chosen != null && chosen.id().startsWith(ColumnMappings.FORMAT_PREFIX)) {
                initial = m.load(chosen.id().substring(ColumnMappings.FORMAT_PREFIX.length())).orElse(null);
            }
            if (initial == null) {
                String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                initial = m.suggest(base, preview);
            }
            MappingDialog d = new MappingDialog(m, preview, initial, m.names());
            if (getScene() != null) {
                d.initOwner(getScene().getWindow());
            }
            d.setOnHidden(e -> {
                String saved = d.getResult();
                if (saved != null) {
                    vm.importWithMapping(file, saved);
                }
            });
            d.show();
            return d;
        } catch (Exception e) {
            Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage() == null ? e.toString() : e.getMessage());
            a.setHeaderText(file.getFileName() + " cannot be mapped: its first lines cannot be read as CSV.");
            if (getScene() != null) {
                a.initOwner(getScene().getWindow());
            }
            a.show();
            return null;
        }
    }

    private static FileChooser chooser() {
        FileChooser c = new FileChooser();
        c.setTitle("Import usage and billing files");
        c.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Usage and billing exports", "*.csv", "*.json", "*.jsonl", "*.ndjson", "*.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return c;
    }

    private Region createDropZone() {
        Label title = new Label("Drop usage or billing exports here");
        title.getStyleClass().add("drop-title");
        Label hint = new Label(vm.hasFormats()
                ? "OpenAI, Anthropic, cloud billing and gateway exports; each file is one transaction."
                : "No import formats are available in this build.");
        hint.getStyleClass().add("hint");
        hint.setId("formatsHint");

        Button add = new Button("Add files…");
        add.setId("addFilesButton");
        add.setOnAction(e -> chooseFiles());
        add.setDisable(!vm.hasFormats());

        ComboBox<ImportService.Format> formatBox = new ComboBox<>(vm.formats());
        formatBox.setId("formatBox");
        formatBox.valueProperty().bindBidirectional(vm.formatProperty());
        formatBox.setCellFactory(l -> new FormatCell());
        formatBox.setButtonCell(new FormatCell());
        formatBox.setPrefWidth(260);

        Button importButton = new Button("Import");
        importButton.setId("importButton");
        importButton.setDefaultButton(true);
        importButton.disableProperty().bind(vm.importDisabled());
        importButton.setOnAction(e -> vm.importQueued());

        Button map = new Button("Map columns…");
        map.setId("mapColumnsButton");
        map.setOnAction(e -> mapColumns());
        map.setVisible(vm.mappings() != null);
        map.setManaged(map.isVisible());
        map.disableProperty().bind(vm.runningProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox controls = new HBox(8, add, map, spacer, new Label("Format"), formatBox, importButton);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox zone = new VBox(4, title, hint, controls);
        zone.setId("dropZone");
        zone.getStyleClass().addAll("card", "drop-zone");
        return zone;
    }

    private Region createQueue() {
        ListView<ImportsViewModel.QueuedFile> list = new ListView<>(vm.queue());
        list.setId("queueList");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ImportsViewModel.QueuedFile q, boolean empty) {
                super.updateItem(q, empty);
                if (empty || q == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label name = new Label(q.file().getFileName().toString());
                Label fmt = new Label(q.detectProblem() != null ? "unreadable: " + q.detectProblem()
                        : q.detected() == null ? "format not detected: choose one" + (vm.mappings() == null ? "" : " or map its columns")
                        : "detected: " + q.detected());
                fmt.getStyleClass().add(q.detected() == null ? "warning-text" : "hint");
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                Button remove = new Button("✕");
                remove.getStyleClass().add("flat-button");
                remove.setOnAction(e -> vm.removeQueued(q));
                HBox row = new HBox(10, name, fmt, spacer, remove);
                if (q.detected() == null && q.detectProblem() == null && vm.mappings() != null) {
                    Button map = new Button("Map columns…");
                    map.getStyleClass().add("flat-button");
                    map.setOnAction(e -> openMappingDialog(q.file()));
                    row.getChildren().add(3, map);
                }
                row.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(row);
            }
        });
        list.setFixedCellSize(32);
        list.prefHeightProperty().bind(Bindings.min(4, Bindings.size(vm.queue())).multiply(32).add(4));
        list.visibleProperty().bind(Bindings.isNotEmpty(vm.queue()));
        list.managedProperty().bind(list.visibleProperty());
        return list;
    }

    private Region createProgress() {
        ProgressBar bar = new ProgressBar();
        bar.setId("importProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label text = new Label();
        text.setId("progressText");
        text.textProperty().bind(vm.progressTextProperty());
        text.setMinWidth(320);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelImportButton");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> vm.cancel());
        HBox row = new HBox(10, bar, text, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("progressRow");
        row.visibleProperty().bind(vm.runningProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private Region createRejection() {
        Label header = new Label();
        header.setId("rejectionHeader");
        header.getStyleClass().add("rejection-title");
        header.setWrapText(true);
        TableView<ImportProblem> errors = problemTable("rejectionErrors");
        errors.setPrefHeight(150);
        Button rest = new Button("Import the valid rest");
        rest.setId("importValidRestButton");
        rest.setOnAction(e -> vm.importValidRest());
        rest.disableProperty().bind(vm.runningProperty());
        Button nothing = new Button("Import nothing");
        nothing.setId("importNothingButton");
        nothing.setOnAction(e -> vm.importNothing());
        Label explain = new Label("The valid rest: every line without an error lands; the rejected lines are kept "
                + "with the batch so you can see them later.");
        explain.getStyleClass().add("hint");
        explain.setWrapText(true);
        HBox buttons = new HBox(8, rest, nothing);
        VBox pane = new VBox(8, header, errors, explain, buttons);
        pane.setId("rejectionPane");
        pane.getStyleClass().addAll("card", "rejection");
        Runnable show = () -> {
            ImportsViewModel.Rejection r = vm.rejections().isEmpty() ? null : vm.rejections().get(0);
            pane.setVisible(r != null);
            if (r != null) {
                header.setText(r.file().getFileName() + " was rejected: " + r.errors().size()
                        + (r.errors().size() == 1 ? " line has an error" : " lines have errors")
                        + ", so nothing was imported" + (vm.rejections().size() > 1
                        ? " (" + (vm.rejections().size() - 1) + " more rejected file(s) after this one)" : "") + ".");
                errors.getItems().setAll(r.errors());
            }
        };
        pane.managedProperty().bind(pane.visibleProperty());
        vm.rejections().addListener((javafx.collections.ListChangeListener<ImportsViewModel.Rejection>) c -> show.run());
        show.run();
        return pane;
    }

    private Region createOutcomes() {
        ListView<ImportsViewModel.Outcome> list = new ListView<>(vm.outcomes());
        list.setId("outcomeList");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ImportsViewModel.Outcome o, boolean empty) {
                super.updateItem(o, empty);
                setText(empty || o == null ? null : (o.warning() ? "⚠ " : "✓ ") + o.text());
                getStyleClass().remove("warning-text");
                if (!empty && o != null && o.warning()) {
                    getStyleClass().add("warning-text");
                }
            }
        });
        list.setFixedCellSize(26);
        list.prefHeightProperty().bind(Bindings.min(4, Bindings.size(vm.outcomes())).multiply(26).add(4));
        list.visibleProperty().bind(Bindings.isNotEmpty(vm.outcomes()));
        list.managedProperty().bind(list.visibleProperty());
        // the newest outcome is the one to read
        vm.outcomes().addListener((javafx.collections.ListChangeListener<ImportsViewModel.Outcome>) c ->
                list.scrollTo(vm.outcomes().size() - 1));
        return list;
    }

    private Region createLedger() {
        batchTable.setId("batchTable");
        batchTable.setItems(vm.batches());
        batchTable.setPlaceholder(new Label("No files imported yet."));
        batchTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        batchTable.getColumns().add(column("Id", b -> String.valueOf(b.id()), 50, true));
        // the file's own name; the directory is noise in a narrow column (the problems pane names the full path)
        batchTable.getColumns().add(column("File", b -> java.nio.file.Path.of(b.file()).getFileName().toString(), 220, false));
        batchTable.getColumns().add(column("Format", ImportBatch::format, 130, false));
        batchTable.getColumns().add(column("Rows", b -> String.format(Locale.ROOT, "%,d", b.rows()), 80, true));
        batchTable.getColumns().add(column("Rejected", b -> String.format(Locale.ROOT, "%,d", b.rejected()), 80, true));
        batchTable.getColumns().add(column("Warnings", b -> String.format(Locale.ROOT, "%,d", b.warnings()), 80, true));
        batchTable.getColumns().add(column("Billed cost", b -> b.billedCost() == null ? "—" : Usd.format(b.billedCost()), 110, true));
        batchTable.getColumns().add(column("Imported at", b -> b.importedAt() == null ? "" : WHEN.format(b.importedAt()), 140, false));
        batchTable.getSelectionModel().selectedItemProperty().addListener((o, old, b) -> vm.selectedBatchProperty().set(b));
        vm.selectedBatchProperty().addListener((o, old, b) -> {
            if (b != batchTable.getSelectionModel().getSelectedItem()) {
                batchTable.getSelectionModel().select(b);
            }
        });

        Button remove = new Button("Remove…");
        remove.setId("removeBatchButton");
        remove.disableProperty().bind(vm.selectedBatchProperty().isNull().or(vm.runningProperty()));
        remove.setOnAction(e -> confirmRemove(vm.selectedBatchProperty().get()));
        Label title = section("Batches in the ledger");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, remove);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox batches = new VBox(6, head, batchTable);
        VBox.setVgrow(batchTable, Priority.ALWAYS);

        TableView<ImportProblem> problems = problemTable("problemTable");
        problems.setItems(vm.selectedProblems());
        Label detailTitle = new Label();
        detailTitle.getStyleClass().add("section-title");
        detailTitle.textProperty().bind(vm.selectedBatchProperty().map(b -> ("Problems recorded with batch " + b.id()
                + " · " + b.file()).toUpperCase(Locale.ROOT)).orElse("PROBLEMS (SELECT A BATCH)"));
        VBox details = new VBox(6, detailTitle, problems);
        VBox.setVgrow(problems, Priority.ALWAYS);

        SplitPane split = new SplitPane(batches, details);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        return split;
    }

    private void confirmRemove(ImportBatch b) {
        if (b == null) {
            return;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, String.format(Locale.ROOT,
                "Batch %d (%s) and everything it brought, %,d rows, their daily rollups and any invoices, will be "
                        + "removed from the ledger. The file on disk is not touched.", b.id(), b.file(), b.rows()),
                REMOVE, ButtonType.CANCEL);
        a.setHeaderText("Remove " + b.file() + " from the ledger?");
        a.setTitle("Remove batch");
        if (getScene() != null) {
            a.initOwner(getScene().getWindow());
        }
        if (a.showAndWait().orElse(ButtonType.CANCEL) == REMOVE) {
            vm.removeBatch(b);
        }
    }

    private static TableView<ImportProblem> problemTable(String id) {
        TableView<ImportProblem> t = new TableView<>();
        t.setId(id);
        t.setPlaceholder(new Label("No problems."));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().add(problemColumn("Where", p -> p.line() > 0 ? p.file() + ":" + p.line() : p.file(), 200));
        t.getColumns().add(problemColumn("Column", p -> p.column() == null ? "" : p.column(), 120));
        t.getColumns().add(problemColumn("Value", p -> p.value() == null ? "" : p.value(), 120));
        t.getColumns().add(problemColumn("", p -> p.severity() == ImportProblem.Severity.ERROR ? "error" : "warning", 70));
        t.getColumns().add(problemColumn("Message", ImportProblem::message, 320));
        return t;
    }

    private static TableColumn<ImportProblem, String> problemColumn(String title, Function<ImportProblem, String> f, double w) {
        TableColumn<ImportProblem, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(w);
        return c;
    }

    private static TableColumn<ImportBatch, String> column(String title, Function<ImportBatch, String> value,
                                                           double width, boolean numeric) {
        TableColumn<ImportBatch, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        if (numeric) {
            c.getStyleClass().add("numeric");
        }
        return c;
    }

    private void enableDrop() {
        setOnDragOver((DragEvent e) -> {
            if (e.getDragboard().hasFiles() && vm.hasFormats()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume(); // so the window's own handler does not try to open a workbook
            }
        });
        setOnDragDropped((DragEvent e) -> {
            boolean ok = e.getDragboard().hasFiles() && vm.hasFormats();
            if (ok) {
                vm.addFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private static Label section(String text) {
        Label l = new Label(text.toUpperCase(Locale.ROOT));
        l.getStyleClass().add("section-title");
        return l;
    }

    private static final class FormatCell extends ListCell<ImportService.Format> {
        @Override
        protected void updateItem(ImportService.Format f, boolean empty) {
            super.updateItem(f, empty);
            setText(empty || f == null ? null : f == ImportsViewModel.DETECT ? "Detect"
                    : f.id() + " — " + f.description());
        }
    }
}

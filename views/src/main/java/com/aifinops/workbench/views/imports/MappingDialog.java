package com.aifinops.workbench.views.imports;

import com.aifinops.workbench.model.ledger.ColumnMappings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the columns of a CSV no reader detects onto usage fields: the file's header and first rows, one chooser of
 * headers per field (pre-filled by the suggestion or a saved mapping), constants for provider and currency, the
 * time format, whether input includes cached tokens, the token multiplier, a live list of problems and the name
 * to save under. "Save & Import" saves the mapping (replacing one of the same name) and the dialog's result is
 * its name; it stays disabled while there are problems.
 */
public final class MappingDialog extends Dialog<String> {
    public static final ButtonType SAVE_AND_IMPORT = new ButtonType("Save & Import", ButtonBar.ButtonData.OK_DONE);
    /** What the field choosers show for "no column". */
    static final String NONE = "";
    static final List<String> TIME_FORMATS = List.of("auto", "epoch-seconds", "epoch-millis", "yyyy-MM-dd HH:mm:ss",
            "dd/MM/yyyy HH:mm", "MM/dd/yyyy HH:mm", "dd.MM.yyyy HH:mm", "dd/MM/yyyy", "MM/dd/yyyy");

    private final ColumnMappings mappings;
    private final ColumnMappings.Preview preview;
    private final List<String> savedNames;
    private final Map<String, ComboBox<String>> choosers = new LinkedHashMap<>();
    private final TextField name = new TextField();
    private final TextField providerConstant = new TextField();
    private final TextField currencyConstant = new TextField();
    private final ComboBox<String> timeFormat = new ComboBox<>(FXCollections.observableArrayList(TIME_FORMATS));
    private final CheckBox inputIncludesCached = new CheckBox("Input tokens include the cached tokens");
    private final CheckBox outputIncludesReasoning = new CheckBox("Output tokens include the reasoning tokens");
    private final TextField tokenMultiplier = new TextField();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper replaceNote = new ReadOnlyStringWrapper("");
    private final String delimiter;
    private final List<String> tags;

    /**
     * @param mappings   suggestions, validation and saving
     * @param preview    the file's header and first rows (read by the caller)
     * @param initial    what to start from: a suggestion or a saved mapping
     * @param savedNames the names already saved (saving one of them replaces it; the dialog says so)
     */
    public MappingDialog(ColumnMappings mappings, ColumnMappings.Preview preview, ColumnMappings.Draft initial,
                         List<String> savedNames) {
        this.mappings = mappings;
        this.preview = preview;
        this.savedNames = List.copyOf(savedNames);
        this.delimiter = initial.delimiter() != null ? initial.delimiter() : preview.delimiter();
        this.tags = initial.tags();
        setTitle("Map columns");
        setHeaderText("Map the columns of " + preview.file().getFileName() + " to usage fields");
        setResizable(true);
        getDialogPane().getButtonTypes().addAll(SAVE_AND_IMPORT, ButtonType.CANCEL);
        getDialogPane().setContent(content());
        getDialogPane().setPrefSize(980, 760);
        fill(initial);
        Button save = (Button) getDialogPane().lookupButton(SAVE_AND_IMPORT);
        save.setId("saveMappingButton");
        save.disableProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(problems));
        // save before the dialog closes, so a failure keeps it open with the reason in the problem list
        save.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                mappings.save(draft());
            } catch (Exception ex) {
                problems.setAll("not saved: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
                e.consume();
            }
        });
        setResultConverter(b -> b == SAVE_AND_IMPORT ? name.getText().strip() : null);
        recheck();
    }

    private VBox content() {
        Label file = new Label(preview.file().getFileName() + " · " + preview.header().size() + " columns · delimiter "
                + (delimiter.equals("\t") ? "tab" : "'" + delimiter + "'") + " · first " + preview.rows().size() + " rows");
        file.getStyleClass().add("hint");

        TableView<List<String>> rows = new TableView<>(FXCollections.observableArrayList(preview.rows()));
        rows.setId("previewTable");
        for (int i = 0; i < preview.header().size(); i++) {
            int col = i;
            TableColumn<List<String>, String> c = new TableColumn<>(preview.header().get(i));
            c.setCellValueFactory(r -> new ReadOnlyStringWrapper(col < r.getValue().size() ? r.getValue().get(col) : ""));
            c.setSortable(false);
            rows.getColumns().add(c);
        }
        rows.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        rows.setPrefHeight(170);

        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(6);
        fields.getColumnConstraints().addAll(new ColumnConstraints(190), new ColumnConstraints(220),
                new ColumnConstraints(190), new ColumnConstraints(220));
        List<String> headerChoices = new ArrayList<>();
        headerChoices.add(NONE);
        headerChoices.addAll(preview.header());
        List<ColumnMappings.Field> all = mappings.fields();
        int half = (all.size() + 1) / 2;
        for (int i = 0; i < all.size(); i++) {
            ColumnMappings.Field f = all.get(i);
            ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(headerChoices));
            box.setId("map-" + f.key());
            box.setMaxWidth(Double.MAX_VALUE);
            box.setCellFactory(l -> new HeaderCell());
            box.setButtonCell(new HeaderCell());
            box.valueProperty().addListener((o, old, v) -> recheck());
            choosers.put(f.key(), box);
            Label label = new Label(f.label() + (f.required() ? " *" : ""));
            label.setLabelFor(box);
            fields.add(label, i < half ? 0 : 2, i % half);
            fields.add(box, i < half ? 1 : 3, i % half);
        }
        ScrollPane fieldScroll = new ScrollPane(fields);
        fieldScroll.setFitToWidth(true);
        fieldScroll.setPrefHeight(260);

        providerConstant.setId("providerConstant");
        providerConstant.setPromptText("e.g. openai");
        currencyConstant.setId("currencyConstant");
        currencyConstant.setPromptText("USD");
        timeFormat.setId("timeFormat");
        timeFormat.setEditable(true);
        timeFormat.setMaxWidth(Double.MAX_VALUE);
        inputIncludesCached.setId("inputIncludesCached");
        outputIncludesReasoning.setId("outputIncludesReasoning");
        tokenMultiplier.setId("tokenMultiplier");
        tokenMultiplier.setPromptText("1 (1000 when the file counts thousands)");
        providerConstant.textProperty().addListener((o, old, v) -> recheck());
        currencyConstant.textProperty().addListener((o, old, v) -> recheck());
        timeFormat.valueProperty().addListener((o, old, v) -> recheck());
        timeFormat.getEditor().textProperty().addListener((o, old, v) -> recheck());
        inputIncludesCached.selectedProperty().addListener((o, old, v) -> recheck());
        outputIncludesReasoning.selectedProperty().addListener((o, old, v) -> recheck());
        tokenMultiplier.textProperty().addListener((o, old, v) -> recheck());

        GridPane options = new GridPane();
        options.setHgap(10);
        options.setVgap(6);
        options.getColumnConstraints().addAll(new ColumnConstraints(190), new ColumnConstraints(220),
                new ColumnConstraints(190), new ColumnConstraints(220));
        options.addRow(0, new Label("Provider of every row"), providerConstant, new Label("Currency of every row"), currencyConstant);
        options.addRow(1, new Label("Time format"), timeFormat, new Label("Token multiplier"), tokenMultiplier);
        options.add(inputIncludesCached, 0, 2, 2, 1);
        options.add(outputIncludesReasoning, 2, 2, 2, 1);

        ListView<String> problemList = new ListView<>(problems);
        problemList.setId("mappingProblems");
        problemList.setPrefHeight(110);
        problemList.setPlaceholder(new Label("No problems: the first rows read with this mapping."));
        problemList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : "⚠ " + p);
                setWrapText(true);
            }
        });

        name.setId("mappingName");
        name.setPromptText("e.g. Gateway request log");
        name.textProperty().addListener((o, old, v) -> recheck());
        HBox.setHgrow(name, Priority.ALWAYS);
        Label note = new Label();
        note.setId("replaceNote");
        note.getStyleClass().add("hint");
        note.textProperty().bind(replaceNote.getReadOnlyProperty());
        HBox nameRow = new HBox(10, new Label("Save as"), name, note);
        nameRow.setAlignment(Pos.CENTER_LEFT);

        Label problemsTitle = new Label("Problems");
        problemsTitle.getStyleClass().add("section-title");
        VBox box = new VBox(8, file, rows, fieldScroll, options, problemsTitle, problemList, nameRow);
        box.setPadding(new Insets(4));
        VBox.setVgrow(fieldScroll, Priority.ALWAYS);
        return box;
    }

    private void fill(ColumnMappings.Draft d) {
        filling = true;
        choosers.forEach((key, box) -> {
            String h = d.columns().get(key);
            box.setValue(h == null ? NONE : matchHeader(h));
        });
        name.setText(d.name() == null ? "" : d.name());
        providerConstant.setText(d.providerConstant() == null ? "" : d.providerConstant());
        currencyConstant.setText(d.currencyConstant() == null ? "" : d.currencyConstant());
        timeFormat.setValue(d.timeFormat() == null ? "auto" : d.timeFormat());
        inputIncludesCached.setSelected(d.inputIncludesCached());
        outputIncludesReasoning.setSelected(d.outputIncludesReasoning());
        tokenMultiplier.setText(d.tokenMultiplier() == null ? "1" : d.tokenMultiplier());
        filling = false;
    }

    /** The file's spelling of a saved header (matched ignoring case and spaces), so the chooser shows it selected. */
    private String matchHeader(String h) {
        for (String x : preview.header()) {
            if (x.strip().equalsIgnoreCase(h.strip())) return x;
        }
        return h; // not in this file: kept, and the problem list says so
    }

    /** The mapping as the dialog shows it now. */
    public ColumnMappings.Draft draft() {
        Map<String, String> cols = new LinkedHashMap<>();
        choosers.forEach((key, box) -> {
            if (box.getValue() != null && !box.getValue().isEmpty()) cols.put(key, box.getValue());
        });
        String tf = timeFormat.isEditable() && timeFormat.getEditor().getText() != null
                && !timeFormat.getEditor().getText().isBlank() ? timeFormat.getEditor().getText() : timeFormat.getValue();
        return new ColumnMappings.Draft(name.getText(), cols, delimiter, providerConstant.getText(),
                currencyConstant.getText(), tf, inputIncludesCached.isSelected(), outputIncludesReasoning.isSelected(),
                tokenMultiplier.getText(), tags);
    }

    private boolean filling;

    private void recheck() {
        if (choosers.isEmpty() || filling) {
            return;
        }
        problems.setAll(mappings.problems(draft(), preview));
        String n = name.getText() == null ? "" : name.getText().strip();
        replaceNote.set(savedNames.contains(n) ? "replaces the saved mapping '" + n + "'" : "");
    }

    /** The current problems; for tests. */
    public ObservableList<String> problems() {
        return problems;
    }

    private static final class HeaderCell extends ListCell<String> {
        @Override
        protected void updateItem(String h, boolean empty) {
            super.updateItem(h, empty);
            setText(empty || h == null ? null : h.isEmpty() ? "(none)" : h);
        }
    }
}

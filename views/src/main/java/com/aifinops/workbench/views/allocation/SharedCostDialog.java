package com.aifinops.workbench.views.allocation;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.SharedCostSplit;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adds a shared cost to the shown month: name, amount, method and the nodes with (for a fixed split) percentages.
 * What is wrong is named under the fields as it is typed (fixed percentages over 100, a node that is not
 * {@code DIM:VALUE}); otherwise the parts this month are previewed. OK keeps the dialog open while it is wrong.
 */
public final class SharedCostDialog extends Dialog<AllocationViewModel.SharedEntry> {
    private final AllocationViewModel vm;
    private final TextField name = field("sharedName", "LLM gateway");
    private final TextField amount = field("sharedAmount", "1200.00");
    private final ComboBox<SharedCostSplit.Method> method = new ComboBox<>(FXCollections.observableArrayList(SharedCostSplit.Method.values()));
    private final List<ComboBox<String>> nodes = new ArrayList<>();
    private final List<TextField> percents = new ArrayList<>();
    private final GridPane nodeGrid = new GridPane();
    private final Label problem = new Label(), preview = new Label();

    public SharedCostDialog(Window owner, AllocationViewModel vm) {
        this.vm = vm;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Add shared cost");
        setHeaderText("A cost of " + vm.monthProperty().get() + " shared by several nodes (team:support, project:search, …)");
        method.setId("sharedMethod");
        method.setValue(SharedCostSplit.Method.PROPORTIONAL);
        method.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(SharedCostSplit.Method m) {
                return m == null ? "" : switch (m) {
                    case PROPORTIONAL -> "proportional to spend";
                    case EVEN -> "even";
                    case FIXED -> "fixed percentages";
                };
            }

            @Override
            public SharedCostSplit.Method fromString(String s) {
                return SharedCostSplit.Method.valueOf(s.toUpperCase(Locale.ROOT));
            }
        });
        nodeGrid.setHgap(8);
        nodeGrid.setVgap(6);
        for (int i = 0; i < 3; i++) {
            addNodeRow();
        }
        Button more = new Button("Add node");
        more.setId("sharedMoreNodes");
        more.setOnAction(e -> {
            addNodeRow();
            getDialogPane().getScene().getWindow().sizeToScene();
        });
        problem.setId("sharedProblem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        preview.setId("sharedPreview");
        preview.setWrapText(true);
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, new Label("Name"), name);
        g.addRow(1, new Label("Amount (USD)"), amount);
        g.addRow(2, new Label("Split"), method);
        g.add(new Label("Nodes"), 0, 3);
        g.add(new VBox(6, nodeGrid, more), 1, 3);
        g.add(problem, 0, 4, 2, 1);
        g.add(preview, 0, 5, 2, 1);
        g.setPadding(new Insets(12));
        g.setPrefWidth(520);
        getDialogPane().setContent(g);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("sharedOk");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (check() == null) {
                e.consume(); // keep the dialog open: the problem is shown
            }
        });
        name.textProperty().addListener((o, a, b) -> check());
        amount.textProperty().addListener((o, a, b) -> check());
        method.valueProperty().addListener((o, a, b) -> {
            percents.forEach(p -> p.setDisable(b != SharedCostSplit.Method.FIXED));
            check();
        });
        percents.forEach(p -> p.setDisable(true));
        setResultConverter(b -> b == ButtonType.OK ? check() : null);
        setOnShown(e -> javafx.application.Platform.runLater(name::requestFocus));
    }

    private void addNodeRow() {
        int i = nodes.size();
        ComboBox<String> n = new ComboBox<>(FXCollections.observableArrayList(vm.nodeSuggestions()));
        n.setEditable(true);
        n.setId("sharedNode" + i);
        n.setPromptText("team:support");
        n.setPrefWidth(240);
        TextField p = field("sharedPercent" + i, "%");
        p.setPrefColumnCount(5);
        p.setDisable(method.getValue() != SharedCostSplit.Method.FIXED);
        n.getEditor().textProperty().addListener((o, a, b) -> check());
        n.valueProperty().addListener((o, a, b) -> check());
        p.textProperty().addListener((o, a, b) -> check());
        nodes.add(n);
        percents.add(p);
        nodeGrid.addRow(i, n, p, new Label("%"));
    }

    /** The entry, with its parts previewed; null (and the problem shown) when the fields do not make one. */
    private AllocationViewModel.SharedEntry check() {
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            rows.add(Map.entry(nodes.get(i).getEditor().getText(), percents.get(i).getText()));
        }
        try {
            AllocationViewModel.SharedEntry e = AllocationViewModel.sharedEntry(name.getText(), amount.getText(), method.getValue(), rows);
            problem.setText("");
            StringBuilder s = new StringBuilder("Parts this month: ");
            List<AllocationViewModel.SharedLine> lines = vm.previewShared(e);
            for (int i = 0; i < lines.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(lines.get(i).node()).append(" ").append(Usd.format(lines.get(i).part()));
            }
            preview.setText(s.toString());
            return e;
        } catch (IllegalArgumentException ex) {
            problem.setText(ex.getMessage());
            preview.setText("");
            return null;
        }
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(16);
        return f;
    }
}

package com.aifinops.workbench.views.spend;

import com.aifinops.workbench.model.analysis.ShowbackStatements;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.util.Optional;

/** Asks for team, month and format, then where to save: the native file chooser. All state is in {@link StatementViewModel}. */
final class StatementDialog {
    static final ButtonType SAVE = new ButtonType("Save…", ButtonBar.ButtonData.OK_DONE);

    private StatementDialog() {
    }

    /** The dialog, not shown; for {@link #run} and for tests. */
    static Dialog<ButtonType> create(StatementViewModel vm) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Showback statement");
        d.setHeaderText("A statement per team and month, for the monthly review");
        ComboBox<String> team = new ComboBox<>(vm.teams());
        team.setId("statementTeam");
        team.setEditable(true);
        team.valueProperty().bindBidirectional(vm.teamProperty());
        TextField month = new TextField();
        month.setId("statementMonth");
        month.setPromptText("YYYY-MM");
        month.textProperty().bindBidirectional(vm.monthProperty());
        month.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.loadTeams();
            }
        });
        month.setOnAction(e -> vm.loadTeams());
        ChoiceBox<ShowbackStatements.Format> format = new ChoiceBox<>();
        format.setId("statementFormat");
        format.getItems().setAll(ShowbackStatements.Format.values());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(ShowbackStatements.Format f) {
                return f == null ? "" : f.label();
            }

            @Override
            public ShowbackStatements.Format fromString(String s) {
                return null;
            }
        });
        format.valueProperty().bindBidirectional(vm.formatProperty());
        Label problem = new Label();
        problem.setId("statementProblem");
        problem.getStyleClass().add("error-text");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Team"), team);
        grid.addRow(1, new Label("Month"), month);
        grid.addRow(2, new Label("Format"), format);
        grid.add(problem, 0, 3, 2, 1);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        Button save = (Button) d.getDialogPane().lookupButton(SAVE);
        save.setId("statementSave");
        save.addEventFilter(ActionEvent.ACTION, e -> {
            String p = vm.problem();
            if (p != null) {
                problem.setText(p);
                e.consume(); // stays open until the month and team make sense
            }
        });
        vm.loadTeams();
        return d;
    }

    /** Shows the dialog and, on Save, the file chooser; the file is written in the background. */
    static void run(Window owner, StatementViewModel vm) {
        Dialog<ButtonType> d = create(vm);
        d.initOwner(owner);
        Optional<ButtonType> answer = d.showAndWait();
        if (answer.isEmpty() || answer.get() != SAVE) {
            return;
        }
        ShowbackStatements.Format f = vm.formatProperty().get();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save showback statement");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.label(), "*" + f.extension()));
        chooser.setInitialFileName(vm.suggestedFileName());
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            vm.save(file.toPath(), null);
        }
    }
}

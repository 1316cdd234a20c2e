package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.model.workload.Workload;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The workbook's workloads: select one to edit it, add a copy of the selected one, remove one. Renaming is the
 * editor's name field (the list follows).
 */
public final class WorkloadListPanel extends VBox {
    private final ListView<Workload> list = new ListView<>();
    private boolean updating;

    public WorkloadListPanel(StudioSession session) {
        setSpacing(6);
        list.setId("workloadList");
        list.setFixedCellSize(26);
        list.setPrefHeight(26 * 4 + 4);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Workload w, boolean empty) {
                super.updateItem(w, empty);
                setText(empty || w == null ? null : w.name() + "  ·  " + w.modelId());
            }
        });
        list.getSelectionModel().selectedIndexProperty().addListener((o, old, i) -> {
            if (!updating && i.intValue() >= 0) {
                session.select(i.intValue());
            }
        });
        Button add = new Button("Add");
        add.setId("addWorkloadButton");
        add.setOnAction(e -> session.addWorkload());
        Button remove = new Button("Remove");
        remove.setId("removeWorkloadButton");
        remove.setOnAction(e -> session.removeWorkload(session.selected()));
        HBox buttons = new HBox(6, add, remove);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(list, buttons);
        session.stateProperty().addListener((o, old, s) -> {
            show(s);
            remove.setDisable(s.workbook().workloads().size() <= 1);
        });
        show(session.stateProperty().get());
        remove.setDisable(session.workbook().workloads().size() <= 1);
    }

    private void show(StudioSession.State s) {
        updating = true;
        try {
            var ws = s.workbook().workloads();
            if (list.getItems().size() != ws.size()) {
                list.getItems().setAll(ws);
            } else {
                for (int i = 0; i < ws.size(); i++) { // an edit replaces one workload: touch only that cell
                    if (list.getItems().get(i) != ws.get(i)) {
                        list.getItems().set(i, ws.get(i));
                    }
                }
            }
            if (list.getSelectionModel().getSelectedIndex() != s.selected()) {
                list.getSelectionModel().select(s.selected());
            }
        } finally {
            updating = false;
        }
    }
}

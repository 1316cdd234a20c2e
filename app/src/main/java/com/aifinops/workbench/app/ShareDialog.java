package com.aifinops.workbench.app;

import com.aifinops.workbench.importers.share.WorkbookSharing;
import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.model.workbook.UsageRollup.Dimension;
import com.aifinops.workbench.model.workbook.Workbook;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * File > Prepare for sharing: choose the dimensions to pseudonymise, see what the shared copy will hold, then
 * write it. The open workbook is not changed.
 */
final class ShareDialog {
    private ShareDialog() {
    }

    static void show(Window owner, Workbook wb, Consumer<String> status) {
        byte[] key = WorkbookSharing.newKey();
        Map<Dimension, CheckBox> boxes = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            CheckBox b = new CheckBox(d.key());
            b.setMnemonicParsing(false); // "api_key" keeps its underscore
            b.setSelected(d == Dimension.USER || d == Dimension.API_KEY || d == Dimension.CUSTOMER);
            boxes.put(d, b);
        }
        Label preview = new Label();
        preview.setId("sharePreview");
        preview.setWrapText(true);
        Runnable update = () -> preview.setText(describe(wb, WorkbookSharing.prepare(wb, chosen(boxes), key)));
        boxes.values().forEach(b -> b.selectedProperty().addListener(o -> update.run()));
        update.run();
        VBox body = new VBox(8, new Label("Replace these usage dimensions by pseudonyms:"));
        body.getChildren().addAll(boxes.values());
        body.getChildren().add(preview);
        body.setPrefWidth(460);
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Prepare for sharing");
        d.setHeaderText("What will be shared");
        d.initOwner(owner);
        ButtonType write = new ButtonType("Write shared copy…", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(write, ButtonType.CANCEL);
        d.getDialogPane().setContent(body);
        if (d.showAndWait().orElse(ButtonType.CANCEL) != write) {
            return;
        }
        var chooser = Dialogs.workbookChooser("Write shared copy", null);
        chooser.setInitialFileName("shared.afw.json");
        File f = chooser.showSaveDialog(owner);
        if (f != null) {
            Dialogs.run("The shared copy could not be written.", () -> {
                Path out = Dialogs.withExtension(f.toPath(), ".afw.json");
                WorkbookJson.writeNoBackup(WorkbookSharing.prepare(wb, chosen(boxes), key).shared(), out);
                status.accept("Wrote shared copy " + out);
            });
        }
    }

    private static Set<Dimension> chosen(Map<Dimension, CheckBox> boxes) {
        Set<Dimension> s = EnumSet.noneOf(Dimension.class);
        boxes.forEach((d, b) -> {
            if (b.isSelected()) {
                s.add(d);
            }
        });
        return s;
    }

    static String describe(Workbook wb, WorkbookSharing.Share share) {
        Workbook s = share.shared();
        StringBuilder b = new StringBuilder();
        b.append(s.workloads().size()).append(" workload(s), ").append(s.scenarios().size()).append(" scenario(s), ")
                .append(s.priceRows().size()).append(" price row(s): figures unchanged.\n");
        b.append(s.notes().size()).append(" note(s) shared; ").append(share.notesDropped()).append(" internal note(s) dropped.\n");
        b.append(s.usageRollups().size()).append(" usage rollup row(s)");
        share.pseudonymised().forEach((d, n) -> b.append("; ").append(n).append(' ').append(d.key()).append(" value(s) pseudonymised"));
        if (!s.usageRollups().isEmpty()) {
            var r = s.usageRollups().get(0);
            b.append(".\nFirst row: ").append(r.month()).append(", team ").append(r.team()).append(", user ").append(r.user())
                    .append(", key ").append(r.apiKey()).append(", customer ").append(r.customer());
        }
        return b.append('.').toString();
    }
}

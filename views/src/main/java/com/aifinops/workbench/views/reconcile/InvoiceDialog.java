package com.aifinops.workbench.views.reconcile;

import com.aifinops.workbench.model.invoice.Invoice;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.time.YearMonth;
import java.util.List;

/**
 * Enters an invoice by hand: provider, number, month, usage, credit, tax and fee. OK stays disabled in effect
 * until the entry parses: a bad amount is named under the fields and the dialog stays open.
 */
public final class InvoiceDialog extends Dialog<Invoice> {
    private final TextField provider = field("invoiceProvider", "openai");
    private final TextField number = field("invoiceNumber", "INV-2026-02");
    private final ComboBox<YearMonth> month = new ComboBox<>();
    private final TextField usage = field("invoiceUsage", "1503.50");
    private final TextField credit = field("invoiceCredit", "250 (optional)");
    private final TextField tax = field("invoiceTax", "optional");
    private final TextField fee = field("invoiceFee", "optional");
    private final Label problem = new Label();

    public InvoiceDialog(Window owner, String provider0, YearMonth month0, List<YearMonth> months) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Enter invoice");
        setHeaderText("An invoice or statement entered by hand (a credit is stored negative whatever its sign)");
        provider.setText(provider0 == null ? "" : provider0);
        month.getItems().setAll(months);
        month.setEditable(true);
        month.setId("invoiceMonth");
        month.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(YearMonth m) {
                return m == null ? "" : m.toString();
            }

            @Override
            public YearMonth fromString(String s) {
                return s == null || s.isBlank() ? null : YearMonth.parse(s.strip());
            }
        });
        month.setValue(month0);
        problem.setId("invoiceProblem");
        problem.getStyleClass().add("error-text");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        row(g, 0, "Provider", provider);
        row(g, 1, "Invoice number", number);
        row(g, 2, "Month", month);
        row(g, 3, "Usage (USD)", usage);
        row(g, 4, "Credit (USD)", credit);
        row(g, 5, "Tax (USD)", tax);
        row(g, 6, "Fees (USD)", fee);
        g.add(problem, 0, 7, 2, 1);
        getDialogPane().setContent(g);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("invoiceOk");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                entry();
                problem.setText("");
            } catch (RuntimeException ex) {
                problem.setText(ex.getMessage());
                e.consume(); // keep the dialog open
            }
        });
        setResultConverter(b -> b == ButtonType.OK ? entry() : null);
    }

    private Invoice entry() {
        YearMonth m;
        try {
            m = month.getConverter().fromString(month.getEditor().getText());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("month: expected YYYY-MM such as 2026-02, got '" + month.getEditor().getText() + "'");
        }
        return ReconciliationViewModel.invoice(new ReconciliationViewModel.InvoiceEntry(provider.getText(), number.getText(), m,
                usage.getText(), credit.getText(), tax.getText(), fee.getText()));
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(16);
        return f;
    }

    private static void row(GridPane g, int r, String label, Node field) {
        g.add(new Label(label), 0, r);
        g.add(field, 1, r);
    }
}

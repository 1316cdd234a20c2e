package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.analysis.H2InvoiceStore;
import com.aifinops.workbench.app.analysis.H2ScreenQueries;
import com.aifinops.workbench.model.analysis.Reconciliation;
import com.aifinops.workbench.model.invoice.Invoice;
import com.aifinops.workbench.model.invoice.InvoiceLine;
import com.aifinops.workbench.views.reconcile.ReconciliationView;
import com.aifinops.workbench.views.reconcile.ReconciliationViewModel;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Reconciliation screen: an invoice entered in the dialog, the figures and the waterfall, worked by hand. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ReconciliationScreenTest extends LedgerScreenTest {
    ReconciliationView view;
    ReconciliationViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        db = ScreenLedger.create(dir.resolve("ledger"));
        vm = new ReconciliationViewModel(new H2ScreenQueries(db), Executors.newSingleThreadExecutor(), Platform::runLater);
        view = new ReconciliationView(vm);
        show(stage, view);
    }


    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void type(FxRobot robot, String id, String value) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(value));
    }

    @Test
    void enteredInvoiceIsReconciledAndTheWaterfallAddsUpToTheVariance(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.resultProperty().get() != null);
        assertEquals("openai", vm.providerProperty().get());
        assertEquals(YearMonth.of(2026, 2), vm.monthProperty().get());

        robot.clickOn("#recEnterInvoice");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#invoiceNumber").tryQuery().isPresent());
        type(robot, "#invoiceNumber", "INV-FEB");
        type(robot, "#invoiceUsage", "abc");
        robot.clickOn("#invoiceOk");
        // a bad amount keeps the dialog open and names the field
        assertTrue(robot.lookup("#invoiceProblem").queryAs(Label.class).getText().startsWith("usage: expected an amount"));
        type(robot, "#invoiceUsage", "107.00");
        type(robot, "#invoiceCredit", "20");
        type(robot, "#invoiceTax", "8.50");
        robot.clickOn("#invoiceOk");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.resultProperty().get().invoices().isEmpty());

        // stored through H2InvoiceStore: usage 107.00, the credit negative, tax 8.50
        List<Invoice> stored = new H2InvoiceStore(db).list();
        assertEquals(1, stored.size());
        assertEquals(0, new BigDecimal("-20").compareTo(stored.get(0).total(InvoiceLine.Kind.CREDIT)));

        // priced from usage: support 10 days × $10.00 + coder's $4.003 + $0.004 = $104.007
        // usage cost: 104.007 + (4.04 − 4.003) + 2.50 unpriced billed = 106.544; invoice total 107 − 20 + 8.50 = 95.50
        // variance 95.50 − 104.007 = −8.507 = unpriced 2.50 + price rows 0.037 + credits −20 + tax 8.50 + fees 0
        //   + rounding (106.54 − 106.544 = −0.004) + unexplained (107.00 − 106.54 = 0.46)
        Reconciliation.Result r = vm.resultProperty().get();
        assertEquals(0, new BigDecimal("-8.507").compareTo(r.variance()));
        List<ReconciliationViewModel.Step> steps = ReconciliationViewModel.steps(r);
        BigDecimal sum = steps.stream().map(ReconciliationViewModel.Step::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, r.variance().compareTo(sum));
        assertEquals(0, new BigDecimal("-20").compareTo(steps.get(2).amount()));
        assertEquals("credits", steps.get(2).label());
        assertEquals(0, new BigDecimal("0.037").compareTo(steps.get(1).amount()));
        assertEquals(0, new BigDecimal("-0.004").compareTo(steps.get(5).amount()));
        assertEquals(0, new BigDecimal("0.46").compareTo(steps.get(6).amount()));

        // what the chart draws: seven steps, then the variance bar; the steps add up to it
        WaitForAsyncUtils.waitForFxEvents();
        CategoryDataset d = view.chart().getCategoryPlot().getDataset();
        assertEquals(8, d.getColumnCount());
        double drawn = 0;
        for (int i = 0; i < 7; i++) {
            drawn += d.getValue(0, i).doubleValue();
        }
        assertEquals(-8.507, drawn, 1e-9);
        assertEquals(-8.507, d.getValue("split", ReconciliationView.VARIANCE).doubleValue(), 1e-12);
        assertEquals(-20.0, d.getValue("split", "credits").doubleValue(), 0);

        assertEquals("$104.01", text(robot, "#recPriced"));
        assertEquals("$107.00", text(robot, "#recInvoiceUsage"));
        assertEquals("$95.50", text(robot, "#recInvoiceTotal"));
        assertEquals("-$8.51", text(robot, "#recVariance"));
        assertEquals("Within the tolerance of $1.00 (unexplained $0.46)", text(robot, "#recFlag"));
    }
}

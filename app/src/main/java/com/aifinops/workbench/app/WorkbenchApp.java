package com.aifinops.workbench.app;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workbook.WorkbookStore;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.views.shell.MainWindow;
import com.aifinops.workbench.views.shell.Screen;
import com.aifinops.workbench.views.studio.StudioHistory;
import com.aifinops.workbench.views.studio.WorkloadStudioView;
import com.aifinops.workbench.views.studio.WorkloadStudioViewModel;
import com.aifinops.workbench.views.theme.Theme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The composition root of the desktop app: opens the database, loads the workbook (the bundled sample on
 * first start) and wires the view models to the screens.
 */
public final class WorkbenchApp extends Application {
    private Database database;
    private final WorkbookStore workbooks = new JsonWorkbookStore();
    private final PriceCatalog builtIn = BuiltInCatalog.get();
    private Workbook workbook;
    private WorkloadStudioViewModel studio;
    private MainWindow window;
    private Stage stage;

    static void launchWindow(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    private String databaseProblem;

    @Override
    public void init() {
        try {
            database = Database.open(AppPaths.database());
        } catch (Exception e) {
            // e.g. another instance holds the file lock: open the window anyway and say why the ledger is missing
            databaseProblem = String.valueOf(e.getMessage()).contains("already in use")
                    ? "Another AI FinOps Workbench is using it. Close that window and start again."
                    : e.getMessage();
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        this.stage = stage;
        Scene scene = new Scene(createWindow(SampleWorkbook.load()), 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.setTitle(AppInfo.NAME);
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        StartupTiming.reportFirstFrame(stage);
        stage.show();
        if (databaseProblem != null) {
            Alert a = new Alert(Alert.AlertType.WARNING, databaseProblem);
            a.setHeaderText("The database at " + AppPaths.database() + ".mv.db could not be opened.\n"
                    + "Modelling works; imported data is unavailable until it can be opened.");
            a.show();
        }
    }

    /** Builds the window around {@code wb}; public so UI tests can build the same window without a database. */
    public MainWindow createWindow(Workbook wb) {
        studio = new WorkloadStudioViewModel(catalogFor(wb), wb.compareModels(), Platform::runLater);
        window = new MainWindow(List.of(
                new Screen("studio", "Model studio", () -> new WorkloadStudioView(studio))));
        window.addFileAction("_Open workbook…", "Shortcut+O", this::openWorkbook);
        window.addFileAction("_Quit", "Shortcut+Q", Platform::exit);
        window.addHelpAction("_About", this::about);
        show(wb);
        StudioHistory history = new StudioHistory(studio);
        window.addEditAction("_Undo", "Shortcut+Z", history::undo).disableProperty().bind(history.canUndoProperty().not());
        window.addEditAction("_Redo", "Shortcut+Shift+Z", history::redo).disableProperty().bind(history.canRedoProperty().not());
        return window;
    }

    private void show(Workbook wb) {
        workbook = wb;
        studio.load(wb.workloads().get(0));
        studio.recomputeNow();
        window.statusRightProperty().set(wb.name());
        try {
            window.statusProperty().set(database == null ? "No database" + (databaseProblem == null ? "" : ": " + databaseProblem) :
                    "Database " + AppPaths.database() + ".mv.db · schema v" + database.schemaVersion());
        } catch (Exception e) {
            window.statusProperty().set("Database unavailable: " + e.getMessage());
        }
        if (stage != null) {
            stage.setTitle(wb.name() + " — " + AppInfo.NAME);
        }
    }

    private PriceCatalog catalogFor(Workbook wb) {
        return builtIn.overriddenBy(wb.priceRows());
    }

    private void openWorkbook() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open workbook");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Workbooks", "*.afw.json", "*.json"));
        File f = chooser.showOpenDialog(stage);
        if (f == null) {
            return;
        }
        try {
            Workbook wb = workbooks.open(Path.of(f.getPath()));
            stage.getScene().setRoot(createWindow(wb));
            stage.setTitle(wb.name() + " — " + AppInfo.NAME);
        } catch (Exception e) {
            Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage());
            a.setHeaderText("The workbook could not be opened; nothing was changed.");
            a.showAndWait();
        }
    }

    private void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION,
                "Version " + AppInfo.version() + "\nData: " + AppPaths.dataDir());
        a.setHeaderText(AppInfo.NAME);
        a.showAndWait();
    }

    @Override
    public void stop() throws Exception {
        if (database != null) {
            database.close();
        }
    }
}

package com.aifinops.workbench.app;

import com.aifinops.workbench.app.analysis.H2DashboardQuery;
import com.aifinops.workbench.app.analysis.SampleLedger;
import com.aifinops.workbench.app.analysis.H2SpendQuery;
import com.aifinops.workbench.app.analysis.ShowbackFiles;
import com.aifinops.workbench.app.analysis.H2SpendRows;
import com.aifinops.workbench.app.catalog.CatalogService;
import com.aifinops.workbench.app.document.Autosaver;
import com.aifinops.workbench.app.document.WorkbookDocument;
import com.aifinops.workbench.app.ledger.H2ImportService;
import com.aifinops.workbench.app.mapping.StoredColumnMappings;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.app.store.H2MappingStore;
import com.aifinops.workbench.app.store.RecentFiles;
import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.Dashboard;
import com.aifinops.workbench.model.analysis.DashboardQuery;
import com.aifinops.workbench.model.analysis.InMemorySpendQuery;
import com.aifinops.workbench.model.analysis.SpendQuery;
import com.aifinops.workbench.model.ledger.ImportService;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workbook.WorkbookStore;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkbookCosts;
import com.aifinops.workbench.views.decision.CommitmentsView;
import com.aifinops.workbench.views.decision.CommitmentsViewModel;
import com.aifinops.workbench.views.decision.NegotiationView;
import com.aifinops.workbench.views.decision.NegotiationViewModel;
import com.aifinops.workbench.views.decision.TcoView;
import com.aifinops.workbench.views.decision.TcoViewModel;
import com.aifinops.workbench.views.home.HomeView;
import com.aifinops.workbench.views.home.HomeViewModel;
import com.aifinops.workbench.views.imports.ImportsView;
import com.aifinops.workbench.views.imports.ImportsViewModel;
import com.aifinops.workbench.views.shell.MainWindow;
import com.aifinops.workbench.views.shell.Screen;
import com.aifinops.workbench.views.spend.SpendView;
import com.aifinops.workbench.views.spend.SpendViewModel;
import com.aifinops.workbench.views.studio.StudioHistory;
import com.aifinops.workbench.views.studio.StudioResult;
import com.aifinops.workbench.views.studio.StudioSession;
import com.aifinops.workbench.views.studio.WorkloadStudioView;
import com.aifinops.workbench.views.studio.WorkloadStudioViewModel;
import com.aifinops.workbench.views.theme.Theme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The composition root of the desktop app: opens the database, loads the workbook (a file given on the command
 * line, a recovered autosave, or the bundled sample) and wires the document, the File menu and the screens.
 */
public final class WorkbenchApp extends Application {
    static final long AUTOSAVE_SECONDS = Long.getLong("workbench.autosaveSeconds", 30);

    private Database database;
    private RecentFiles recent;
    /** The catalogue in force today: the user's imported rows over the built-in ones. */
    private PriceCatalog builtIn = BuiltInCatalog.get();
    private final WorkbookStore workbooks = new JsonWorkbookStore();
    private WorkbookDocument document;
    private Autosaver autosaver;
    private WorkloadStudioViewModel studio;
    private StudioSession session;
    private MainWindow window;
    private Menu recentMenu;
    private StudioHistory history;
    private MenuItem undoItem;
    private MenuItem redoItem;
    private Stage stage;
    /** Builds the ledger's import service on the open database (null when it could not be opened). */
    private final Function<Database, ImportService> importServices;
    private ImportService importService;
    private ImportsView importsView;

    /** The window as launched: no import formats until the H2 ledger's ImportService is plugged in below. */
    public WorkbenchApp() {
        this(db -> db == null ? NoImportService.INSTANCE : new H2ImportService(db));
    }

    /** For tests and the composition root: {@code importServices} gets the open database, or null without one. */
    public WorkbenchApp(Function<Database, ImportService> importServices) {
        this.importServices = importServices;
    }

    static void launchWindow(String[] args) {
        if (System.getProperty("javafx.preloader") == null && !"false".equals(System.getProperty("workbench.splash"))) {
            System.setProperty("javafx.preloader", StartupSplash.class.getName()); // says why a slow start is slow
        }
        Application.launch(WorkbenchApp.class, args);
    }

    private String databaseProblem;

    /** Shows {@code text} on the startup splash; nothing when the window was not started by {@link #launchWindow}. */
    private void tellSplash(String text) {
        try {
            notifyPreloader(new StartupSplash.Step(text));
        } catch (RuntimeException e) {
            // no preloader (tests start the window themselves): nothing to tell
        }
    }

    @Override
    public void init() {
        try {
            database = Database.open(AppPaths.database(), step -> tellSplash("Upgrading the ledger, once: " + step + "…"));
            recent = new RecentFiles(database);
            builtIn = new CatalogService(database).catalog().inForce(LocalDate.now());
        } catch (Exception e) {
            // e.g. another instance holds the file lock: open the window anyway and say why the ledger is missing
            databaseProblem = String.valueOf(e.getMessage()).contains("already in use")
                    ? "Another AI FinOps Workbench is using it. Close that window and start again."
                    : e.getMessage();
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        Scene scene = new Scene(createWindow(SampleWorkbook.load()), 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        attach(stage);
        window.select(System.getProperty("workbench.screen", "studio")); // e.g. -Dworkbench.screen=tco for a demo
        StartupTiming.reportFirstFrame(stage);
        stage.show();
        if (databaseProblem != null) {
            Alert a = new Alert(Alert.AlertType.WARNING, databaseProblem);
            a.setHeaderText("The database at " + AppPaths.database() + ".mv.db could not be opened.\n"
                    + "Modelling works; imported data is unavailable until it can be opened.");
            a.show();
        }
        autosaver = new Autosaver(AppPaths.dataDir().resolve("recovery"), document,
                e -> Platform.runLater(() -> window.statusProperty().set("Autosave failed: " + e.getMessage())));
        offerRecovery();
        List<String> raw = getParameters().getRaw();
        if (raw.size() == 1) {
            open(Path.of(raw.get(0)));
        }
        autosaver.start(AUTOSAVE_SECONDS);
    }

    /**
     * Makes {@code stage} the document's window: its title follows the dirty state, closing it asks about unsaved
     * changes, and a workbook dropped on it opens. Public so UI tests get the same behaviour.
     */
    public void attach(Stage stage) {
        this.stage = stage;
        enableDragAndDrop(stage.getScene());
        stage.setOnCloseRequest(e -> {
            if (!Dialogs.confirmDiscard(stage, document, this::save)) {
                e.consume();
            }
        });
        updateTitle();
    }

    /** Builds the window around {@code wb}; public so UI tests can build the same window without a database. */
    public MainWindow createWindow(Workbook wb) {
        document = new WorkbookDocument(workbooks, w -> WorkbookCosts.withPricesUsed(w, builtIn), wb, null);
        document.setOnChange(this::updateTitle);
        studio = newStudio(wb);
        session = new StudioSession(wb, studio);
        window = new MainWindow(List.of(
                new Screen("home", "Home", this::homeView),
                new Screen("studio", "Model studio", () -> new WorkloadStudioView(session, Platform::runLater)),
                new Screen("tco", "Self-host vs API", () -> new TcoView(new TcoViewModel(() -> document.current(), builtIn, Platform::runLater))),
                new Screen("commitments", "Commitments", () -> new CommitmentsView(new CommitmentsViewModel(() -> document.current(), builtIn, Platform::runLater))),
                new Screen("negotiation", "Negotiation brief", this::negotiationView),
                new Screen("spend", "Spend", this::spendView),
                new Screen("allocation", "Allocation", () -> AllocationScreens.allocation(database)),
                new Screen("budgets", "Budgets", () -> AnalysisScreens.budgets(database)),
                new Screen("unit", "Unit economics", () -> UnitScreens.unit(database)),
                new Screen("anomalies", "Anomalies", () -> AnalysisScreens.anomalies(database)),
                new Screen("reconcile", "Reconciliation", () -> AnalysisScreens.reconciliation(database)),
                new Screen("governance", "Governance", () -> AnalysisScreens.governance(database)),
                new Screen("imports", "Imports", this::importsView)));
        window.select("studio"); // Home is first in the sidebar; the window still opens on the studio
        window.addFileAction("_Open workbook…", "Shortcut+O", () -> chooseAndOpen());
        recentMenu = window.addFileSubmenu("Open _Recent");
        window.addFileAction("_Save", "Shortcut+S", this::save);
        window.addFileAction("Save _As…", "Shortcut+Shift+S", this::saveAs);
        window.addFileSeparator();
        window.addFileAction("_Import usage files…", "Shortcut+I", this::importFiles);
        window.addFileSeparator();
        window.addFileAction("Export to _Excel…", "Shortcut+E", this::exportExcel);
        window.addFileAction("Export tables as _CSV…", null, this::exportCsv);
        window.addFileAction("Export chart as _PNG…", null, this::exportPng);
        window.addFileAction("Export chart as S_VG…", null, this::exportSvg);
        window.addFileAction("Export _brief as PDF…", null, this::exportPdf);
        window.addFileAction("Prepare for s_haring…", null,
                () -> ShareDialog.show(stage, document.current(), this::status));
        window.addFileSeparator();
        window.addFileAction("_Quit", "Shortcut+Q", this::quit);
        window.addHelpAction("_About", this::about);
        undoItem = window.addEditAction("_Undo", "Shortcut+Z", () -> history.undo());
        redoItem = window.addEditAction("_Redo", "Shortcut+Shift+Z", () -> history.redo());
        refreshRecent();
        showDocument();
        return window;
    }

    /** The Imports screen, built once on the import service (the database's, when it opened). */
    public ImportsView importsView() {
        if (importsView == null) {
            if (importService == null) {
                importService = importServices.apply(database);
            }
            importsView = new ImportsView(new ImportsViewModel(importService,
                    database == null ? null : new StoredColumnMappings(new H2MappingStore(database))));
        }
        return importsView;
    }

    /** File > Import usage files… (Ctrl+I): shows the Imports screen and opens the file chooser. */
    private void importFiles() {
        window.select("imports");
        importsView().chooseAndImport();
    }

    /** The Spend screen over the ledger (empty when the database could not be opened); queries run off the FX thread. */
    private Node spendView() {
        SpendQuery q = database == null
                ? new InMemorySpendQuery(List.of(), AllocationRules.NONE)
                : new H2SpendQuery(database);
        Executor background = AnalysisScreens.thread("spend-query");
        spendModel = database == null ? new SpendViewModel(q, background, Platform::runLater)
                : new SpendViewModel(q, new H2SpendRows(database), background, Platform::runLater);
        SpendView v = new SpendView(spendModel);
        v.setStatements(database == null ? null : new ShowbackFiles(database), background);
        return v;
    }

    private SpendViewModel spendModel;

    /** The home dashboard over the ledger; a tile opens the Spend screen on its period and filter. */
    private Node homeView() {
        DashboardQuery q = database == null
                ? asOf -> Dashboard.empty(asOf == null ? LocalDate.now() : asOf)
                : new H2DashboardQuery(database);
        Executor background = AnalysisScreens.thread("home-query");
        HomeViewModel home = new HomeViewModel(q, background,
                Platform::runLater, link -> {
            window.select(link.screen());
            if (link.screen().equals("spend") && spendModel != null) {
                spendModel.fromProperty().set(link.from());
                spendModel.toProperty().set(link.to());
                spendModel.filterProperty().set(link.filter());
                spendModel.refresh();
                if (link.rows()) {
                    spendModel.drill(link.from(), link.to(), link.filter());
                }
            }
        });
        if (database != null) {
            home.offerSample(() -> SampleLedger.load(database));
        }
        return new HomeView(home);
    }

    /** The open document; for tests. */
    public WorkbookDocument document() {
        return document;
    }

    public WorkloadStudioViewModel studio() {
        return studio;
    }

    public StudioSession session() {
        return session;
    }

    private WorkloadStudioViewModel newStudio(Workbook wb) {
        return new WorkloadStudioViewModel(catalogFor(wb), wb.compareModels(), Platform::runLater);
    }

    /** Puts the document's workbook into the studio (after Open or recovery) and refreshes the frame. */
    private void showDocument() {
        Workbook wb = document.current();
        if (session == null || session.workbook() != wb) {
            studio = newStudio(wb);
            session = new StudioSession(wb, studio);
            window.rebuild("studio");
        }
        StudioSession s = session;
        // every studio edit (workloads, levers, routing, scenarios) becomes the document's workbook
        s.stateProperty().addListener((o, old, st) -> {
            if (s == session) {
                // the studio never edits price rows; saving adds the catalogue's, so keep the document's
                document.edit(st.workbook().withPriceRows(document.current().priceRows()));
            }
        });
        // a newly shown workbook starts a fresh edit history
        history = new StudioHistory(session);
        undoItem.disableProperty().bind(history.canUndoProperty().not());
        redoItem.disableProperty().bind(history.canRedoProperty().not());
        window.statusRightProperty().set(wb.name());
        try {
            window.statusProperty().set(database == null ? "No database" + (databaseProblem == null ? "" : ": " + databaseProblem) :
                    "Database " + AppPaths.database() + ".mv.db · schema v" + database.schemaVersion());
        } catch (Exception e) {
            window.statusProperty().set("Database unavailable: " + e.getMessage());
        }
        updateTitle();
    }

    private void updateTitle() {
        if (stage != null && document != null) {
            stage.setTitle(document.title(AppInfo.NAME));
        }
    }

    private PriceCatalog catalogFor(Workbook wb) {
        return WorkbookCosts.catalogFor(wb, builtIn);
    }

    private void status(String text) {
        window.statusProperty().set(text);
    }

    // ---- File menu ----

    private void chooseAndOpen() {
        if (!Dialogs.confirmDiscard(stage, document, this::save)) {
            return;
        }
        File f = Dialogs.workbookChooser("Open workbook", document.file()).showOpenDialog(stage);
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Opens {@code f} in place of the current workbook; on failure shows why and changes nothing. */
    public void open(Path f) {
        try {
            WorkbookJson.Loaded loaded = WorkbookJson.load(f);
            Workbook wb = loaded.workbook();
            String model = wb.workloads().get(0).modelId();
            if (catalogFor(wb).find(model).isEmpty()) {
                throw new IllegalArgumentException(f + ": the first workload's model '" + model
                        + "' has no price row in the workbook or the catalogue");
            }
            document.reset(wb, f, false);
            studio = null; // a new workbook may carry other price rows: rebuild the studio on them
            showDocument();
            clearRecovery();
            touchRecent(f);
            status("Opened " + f + (loaded.migrated() ? " (format version " + loaded.fileVersion()
                    + ", upgraded to " + Workbook.SCHEMA_VERSION + " when saved)" : ""));
        } catch (Exception e) {
            Dialogs.error("The workbook could not be opened; nothing was changed.", e.getMessage());
        }
    }

    /** Save; with no file yet, Save As. Returns false when the user cancelled or saving failed. */
    private boolean save() {
        if (document.file() == null) {
            return saveAs();
        }
        return saveTo(document.file());
    }

    private boolean saveAs() {
        FileChooser chooser = Dialogs.workbookChooser("Save workbook as", document.file());
        chooser.setInitialFileName(document.file() == null ? "workbook.afw.json" : document.file().getFileName().toString());
        File f = chooser.showSaveDialog(stage);
        return f != null && saveTo(Dialogs.withExtension(f.toPath(), ".afw.json"));
    }

    private boolean saveTo(Path f) {
        try {
            document.saveAs(f);
            clearRecovery();
            touchRecent(f);
            status("Saved " + f + " (previous version kept as " + f.getFileName() + ".bak)");
            return true;
        } catch (Exception e) {
            Dialogs.error("The workbook could not be saved; the file on disk is unchanged.", e.getMessage());
            return false;
        }
    }

    private void quit() {
        if (Dialogs.confirmDiscard(stage, document, this::save)) {
            Platform.exit();
        }
    }

    private void exportExcel() {
        FileChooser c = Dialogs.chooser("Export to Excel", "Excel workbook", "*.xlsx");
        File f = c.showSaveDialog(stage);
        if (f != null) {
            Dialogs.run("Excel export failed.", () -> {
                Path out = Dialogs.withExtension(f.toPath(), ".xlsx");
                WorkbookExports.xlsx(document.current(), builtIn, out);
                status("Exported " + out);
            });
        }
    }

    private void exportCsv() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Export tables as CSV into…");
        File d = c.showDialog(stage);
        if (d != null) {
            Dialogs.run("CSV export failed.", () -> status("Exported "
                    + WorkbookExports.csv(document.current(), builtIn, d.toPath()).size() + " CSV files to " + d));
        }
    }

    private void exportPng() {
        StudioResult r = studio.resultProperty().get();
        File f = Dialogs.chooser("Export chart as PNG", "PNG image", "*.png").showSaveDialog(stage);
        if (f != null && r != null) {
            Dialogs.run("PNG export failed.", () -> {
                Path out = Dialogs.withExtension(f.toPath(), ".png");
                WorkbookExports.chartPng(r, out);
                status("Exported " + out);
            });
        }
    }

    private void exportSvg() {
        StudioResult r = studio.resultProperty().get();
        File f = Dialogs.chooser("Export chart as SVG", "SVG image", "*.svg").showSaveDialog(stage);
        if (f != null && r != null) {
            Dialogs.run("SVG export failed.", () -> {
                Path out = Dialogs.withExtension(f.toPath(), ".svg");
                WorkbookExports.chartSvg(r, out);
                status("Exported " + out);
            });
        }
    }

    /** The Negotiation brief screen, with Export buttons that write the provider on screen's brief. */
    private NegotiationView negotiationView() {
        NegotiationView v = new NegotiationView(new NegotiationViewModel(() -> document.current(), builtIn, Platform::runLater));
        v.setOnExport(this::exportNegotiation);
        return v;
    }

    /** The negotiation brief of {@code provider} on the workbook as it stands now, dated today. */
    private void exportNegotiation(NegotiationView.ExportFormat format, String provider) {
        boolean pdf = format == NegotiationView.ExportFormat.PDF;
        String ext = pdf ? ".pdf" : ".xlsx";
        FileChooser c = pdf ? Dialogs.chooser("Export negotiation brief as PDF", "PDF document", "*.pdf")
                : Dialogs.chooser("Export negotiation brief to Excel", "Excel workbook", "*.xlsx");
        c.setInitialFileName(("Negotiation brief " + provider).replaceAll("[^\\p{L}\\p{N} ._-]+", "").trim() + ext);
        File f = c.showSaveDialog(stage);
        if (f != null) {
            Dialogs.run("Negotiation brief export failed.", () -> {
                Path out = Dialogs.withExtension(f.toPath(), ext);
                if (pdf) {
                    NegotiationExports.pdf(document.current(), builtIn, provider, LocalDate.now(), out);
                } else {
                    NegotiationExports.xlsx(document.current(), builtIn, provider, LocalDate.now(), out);
                }
                status("Exported " + out);
            });
        }
    }

    /** The brief of the workbook as it stands now (the studio's edits included), dated today. */
    private void exportPdf() {
        FileChooser c = Dialogs.chooser("Export brief as PDF", "PDF document", "*.pdf");
        c.setInitialFileName(document.current().name().replaceAll("[^\\p{L}\\p{N} ._-]+", "").trim() + " brief.pdf");
        File f = c.showSaveDialog(stage);
        if (f != null) {
            Dialogs.run("PDF export failed.", () -> {
                Path out = Dialogs.withExtension(f.toPath(), ".pdf");
                WorkbookExports.pdf(document.current(), builtIn, LocalDate.now(), out);
                status("Exported " + out);
            });
        }
    }

    private void refreshRecent() {
        if (recent == null) {
            recentMenu.setDisable(true);
            return;
        }
        recentMenu.getItems().clear();
        try {
            for (Path p : recent.list()) {
                MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
                item.setMnemonicParsing(false);
                item.setOnAction(e -> {
                    if (!Files.exists(p)) {
                        Dialogs.error("The file is gone.", p.toString());
                        Dialogs.run("Could not update recent files.", () -> recent.remove(p));
                        refreshRecent();
                    } else if (Dialogs.confirmDiscard(stage, document, this::save)) {
                        open(p);
                    }
                });
                recentMenu.getItems().add(item);
            }
        } catch (Exception e) {
            status("Recent files unavailable: " + e.getMessage());
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void touchRecent(Path f) {
        if (recent != null) {
            Dialogs.run("Could not update recent files.", () -> recent.touch(f));
            refreshRecent();
        }
    }

    // ---- drag and drop, recovery ----

    private void enableDragAndDrop(Scene scene) {
        scene.setOnDragOver((DragEvent e) -> {
            if (droppedWorkbook(e).isPresent()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped((DragEvent e) -> {
            Optional<Path> f = droppedWorkbook(e);
            e.setDropCompleted(f.isPresent());
            e.consume();
            // after the drop completes, so the prompt does not block the drag source
            f.ifPresent(p -> Platform.runLater(() -> {
                if (Dialogs.confirmDiscard(stage, document, this::save)) {
                    open(p);
                }
            }));
        });
    }

    private static Optional<Path> droppedWorkbook(DragEvent e) {
        var files = e.getDragboard().getFiles();
        if (files == null || files.size() != 1 || !files.get(0).getName().toLowerCase().endsWith(".json")) {
            return Optional.empty();
        }
        return Optional.of(files.get(0).toPath());
    }

    private void offerRecovery() {
        Path dir = AppPaths.dataDir().resolve("recovery");
        Autosaver.pending(dir).ifPresent(rec -> {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                    "The workbench did not close normally. Unsaved changes to "
                            + (rec.originalFile() == null ? "\"" + rec.workbook().name() + "\"" : rec.originalFile().toString())
                            + " were autosaved.", new ButtonType("Recover"), new ButtonType("Discard"));
            a.setHeaderText("Recover unsaved changes?");
            a.initOwner(stage);
            boolean recover = a.showAndWait().map(b -> b.getText().equals("Recover")).orElse(false);
            if (recover) {
                document.reset(rec.workbook(), rec.originalFile(), true);
                studio = null;
                showDocument();
                status("Recovered unsaved changes; save to keep them.");
            } else {
                clearRecovery();
            }
        });
    }

    private void clearRecovery() {
        if (autosaver != null) {
            Dialogs.run("Could not remove the recovery file.", autosaver::clear);
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
        if (autosaver != null) {
            autosaver.close();
            autosaver.clear(); // a clean exit: the user saved or chose not to
        }
        if (database != null) {
            database.close();
        }
    }
}

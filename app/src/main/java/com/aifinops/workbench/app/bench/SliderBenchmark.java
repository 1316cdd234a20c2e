package com.aifinops.workbench.app.bench;

import com.aifinops.workbench.app.SampleWorkbook;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.views.studio.StudioSession;
import com.aifinops.workbench.views.studio.WorkloadStudioView;
import javafx.scene.control.TabPane;
import com.aifinops.workbench.views.studio.WorkloadStudioViewModel;
import com.aifinops.workbench.views.theme.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Recompute + redraw time of one cache-slider step in a real window (README: "Benchmarks").
 * Each step sets the slider's value and times the work it causes on the FX thread: the coalesced recompute with
 * the table refresh and the chart's synchronous repaint of its canvas, plus the CSS and layout pass of the next
 * pulse. Waiting for the pulse timer is not counted: that is idle time, not work. Prints the median and p95
 * over 100 steps after 20 warm-up steps; first for the bundled one-workload sample, then for the whole studio
 * (workload list, workbook total, warnings, levers and routing tabs) over a 2,000-workload workbook.
 */
public final class SliderBenchmark {
    private static final int WARMUP = 20;
    private static final int STEPS = 100;

    private SliderBenchmark() {
    }

    /** Times {@link #STEPS} steps after {@link #WARMUP} warm-up steps; returns sorted milliseconds. */
    private static double[] sweep(Scene scene, java.util.function.IntConsumer step) throws Exception {
        double[] ms = new double[STEPS];
        for (int i = -WARMUP; i < STEPS; i++) {
            int n = i + WARMUP;
            CompletableFuture<Long> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                long t0 = System.nanoTime();
                step.accept(n);            // queues the coalesced recompute
                // two hops: the editor's recompute queues the workbook summary's, which must be counted too
                Platform.runLater(() -> Platform.runLater(() -> {
                    Platform.requestNextPulse(); // a step that changes nothing still ends with a pulse
                    long work = System.nanoTime() - t0;
                    long[] pulseStart = new long[1];
                    Runnable[] pre = new Runnable[1];
                    Runnable[] post = new Runnable[1];
                    pre[0] = () -> pulseStart[0] = System.nanoTime();
                    post[0] = () -> {
                        scene.removePreLayoutPulseListener(pre[0]);
                        scene.removePostLayoutPulseListener(post[0]);
                        done.complete(work + System.nanoTime() - pulseStart[0]);
                    };
                    scene.addPreLayoutPulseListener(pre[0]);
                    scene.addPostLayoutPulseListener(post[0]);
                }));
            });
            long nanos = done.get(10, TimeUnit.SECONDS);
            if (i >= 0) {
                ms[i] = nanos / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(String what, double[] ms) {
        System.out.printf("%s, %d steps: median %.2f ms, p95 %.2f ms, max %.2f ms%n",
                what, STEPS, ms[STEPS / 2], ms[(int) (STEPS * 0.95)], ms[STEPS - 1]);
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Workbook wb = SampleWorkbook.load();
        WorkloadStudioViewModel vm = new WorkloadStudioViewModel(BuiltInCatalog.get().overriddenBy(wb.priceRows()),
                wb.compareModels(), Platform::runLater);
        CompletableFuture<Scene> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            vm.load(wb.workloads().get(0));
            vm.recomputeNow();
            Scene scene = new Scene(new WorkloadStudioView(vm), 1280, 800);
            Theme.apply(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            shown.complete(scene);
        });
        Scene scene = shown.get(30, TimeUnit.SECONDS);
        report("cache-hit slider (curves unchanged, marker moves)",
                sweep(scene, i -> vm.cacheHitPercentProperty().set(i % 101)));
        report("overhead slider (every curve recomputed and redrawn)",
                sweep(scene, i -> vm.overheadProperty().set(1.0 + (i % 201) / 100.0)));

        // the whole studio over a 2,000-workload workbook: list, editor, workbook total, warnings, tabs
        int n = Integer.getInteger("bench.workloads", 2000); // -Dbench.workloads=1 isolates the cost of the view itself
        Workbook big = ModelingBenchmark.bigWorkbook(n);
        WorkloadStudioViewModel editor = new WorkloadStudioViewModel(BuiltInCatalog.get().overriddenBy(big.priceRows()),
                big.compareModels(), Platform::runLater);
        CompletableFuture<Scene> shownBig = new CompletableFuture<>();
        StudioSession[] session = new StudioSession[1];
        WorkloadStudioView[] view = new WorkloadStudioView[1];
        Platform.runLater(() -> {
            session[0] = new StudioSession(big, editor);
            view[0] = new WorkloadStudioView(session[0], Platform::runLater);
            Scene s = new Scene(view[0], 1280, 800);
            Theme.apply(s);
            Stage stage = new Stage();
            stage.setScene(s);
            stage.show();
            shownBig.complete(s);
        });
        Scene bigScene = shownBig.get(30, TimeUnit.SECONDS);
        report(String.format("%,d workloads: ", n) + "cache-hit slider (editor, write-back, workbook total and warnings, list cell)",
                sweep(bigScene, i -> editor.cacheHitPercentProperty().set(i % 101)));
        report(String.format("%,d workloads: ", n) + "overhead slider",
                sweep(bigScene, i -> editor.overheadProperty().set(1.0 + (i % 201) / 100.0)));
        TabPane tabs = (TabPane) bigScene.lookup("#studioTabs");
        CompletableFuture<Void> toLevers = new CompletableFuture<>();
        Platform.runLater(() -> { tabs.getSelectionModel().select(1); toLevers.complete(null); });
        toLevers.get();
        report(String.format("%,d workloads: ", n) + "semantic-cache lever slider (waterfall redrawn)",
                sweep(bigScene, i -> view[0].levers().semanticPercentProperty().set(i % 60)));
        CompletableFuture<Void> toRouting = new CompletableFuture<>();
        Platform.runLater(() -> { tabs.getSelectionModel().select(2); toRouting.complete(null); });
        toRouting.get();
        report(String.format("%,d workloads: ", n) + "routing share slider (shares renormalised, blend priced exactly)",
                sweep(bigScene, i -> view[0].routing().rows().get(0).percentProperty().set(5 + (i % 19) * 5)));
        Platform.exit();
    }
}

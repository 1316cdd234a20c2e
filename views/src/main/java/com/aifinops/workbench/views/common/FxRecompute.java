package com.aifinops.workbench.views.common;

import java.util.function.Consumer;

/**
 * Coalesces recompute requests: any number of {@link #request()} calls before the scheduled run
 * collapse into one run. On the FX thread the scheduler is {@code Platform::runLater}, so a slider
 * drag that fires many value changes in one pulse recomputes once; tests pass {@code Runnable::run}.
 */
public final class FxRecompute {
    private final Consumer<Runnable> scheduler;
    private final Runnable work;
    private boolean pending;

    public FxRecompute(Consumer<Runnable> scheduler, Runnable work) {
        this.scheduler = scheduler;
        this.work = work;
    }

    public void request() {
        if (pending) {
            return;
        }
        pending = true;
        scheduler.accept(() -> {
            pending = false;
            work.run();
        });
    }
}

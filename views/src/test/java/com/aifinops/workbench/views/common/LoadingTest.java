package com.aifinops.workbench.views.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading with a hand-run background queue and a hand-run FX queue, so every step is visible. */
class LoadingTest {
    private final ArrayDeque<Runnable> background = new ArrayDeque<>();
    private final ArrayDeque<Runnable> fx = new ArrayDeque<>();
    private final Loading loading = new Loading(background::add, fx::add);

    private static void drain(ArrayDeque<Runnable> q) {
        while (!q.isEmpty()) {
            q.poll().run();
        }
    }

    @Test
    void activeFromTheRequestUntilTheResultsAreShown() {
        List<String> shown = new ArrayList<>();
        loading.execute(() -> fx.add(() -> shown.add("result")));
        assertTrue(loading.activeProperty().get(), "asked for: loading at once");
        drain(background);
        assertTrue(loading.activeProperty().get(), "computed, not yet shown: still loading");
        fx.poll().run();
        assertEquals(List.of("result"), shown);
        assertTrue(loading.activeProperty().get(), "the end is queued after the result");
        drain(fx);
        assertFalse(loading.activeProperty().get());
    }

    @Test
    void twoQueriesInFlightKeepItActiveUntilTheLastAndAFailureEndsToo() {
        loading.execute(() -> {
        });
        loading.execute(() -> {
            throw new IllegalStateException("ledger gone");
        });
        drain(fx);
        background.poll().run();
        drain(fx);
        assertTrue(loading.activeProperty().get(), "one of two done");
        try {
            background.poll().run();
        } catch (IllegalStateException expected) {
            // the executor sees the failure; the count must still go down
        }
        drain(fx);
        assertFalse(loading.activeProperty().get());
    }
}

package com.aifinops.workbench.views.shell;

import javafx.scene.Node;

import java.util.function.Supplier;

/** One entry of the sidebar: a title and the screen it opens, built the first time it is shown. */
public record Screen(String id, String title, Supplier<Node> content) {
}

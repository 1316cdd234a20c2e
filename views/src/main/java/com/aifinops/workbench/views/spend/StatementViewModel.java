package com.aifinops.workbench.views.spend;

import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.ShowbackStatements;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The "Statement…" dialog of the Spend screen: which team (or every team) and month, CSV or Excel, and saving it.
 * Defaults come from the screen: the team of its filter ({@code team=eng}), else every team; the month its period
 * ends in. Work runs on {@code background}, results come back through {@code fx}.
 */
public final class StatementViewModel {
    /** The choice that writes one statement per team into the same file. */
    public static final String ALL_TEAMS = "(all teams)";

    private final ShowbackStatements service;
    private final Executor background;
    private final Consumer<Runnable> fx;
    private final StringProperty team = new SimpleStringProperty(ALL_TEAMS);
    private final StringProperty month = new SimpleStringProperty("");
    private final ObjectProperty<ShowbackStatements.Format> format = new SimpleObjectProperty<>(ShowbackStatements.Format.XLSX);
    private final ObservableList<String> teams = FXCollections.observableArrayList(ALL_TEAMS);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public StatementViewModel(ShowbackStatements service, Executor background, Consumer<Runnable> fx) {
        this.service = service;
        this.background = background;
        this.fx = fx;
    }

    public StringProperty teamProperty() {
        return team;
    }

    /** {@code YYYY-MM}. */
    public StringProperty monthProperty() {
        return month;
    }

    public ObjectProperty<ShowbackStatements.Format> formatProperty() {
        return format;
    }

    /** {@link #ALL_TEAMS} and the teams of the month, after {@link #loadTeams}. */
    public ObservableList<String> teams() {
        return teams;
    }

    /** "Saved …", or what went wrong. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Takes the Spend screen's filter ({@code team=eng,provider=openai}) and period (the month its end falls in). */
    public void defaults(String filter, LocalDate from, LocalDate to) {
        String t = ALL_TEAMS;
        try {
            for (Map.Entry<Dimension, String> f : SpendViewModel.parseFilter(filter).entrySet()) {
                if (f.getKey().kind() == Dimension.Kind.TEAM && !f.getValue().isBlank()) {
                    t = f.getValue();
                }
            }
        } catch (IllegalArgumentException e) {
            // a filter the screen itself cannot read: no team from it
        }
        team.set(t);
        LocalDate end = to != null ? to : from != null ? from : LocalDate.now();
        month.set(YearMonth.from(end).toString());
    }

    /** The month as typed, or null when it is not {@code YYYY-MM}. */
    public YearMonth parsedMonth() {
        try {
            return YearMonth.parse(month.get().strip());
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    /** Why the statement cannot be saved as filled in, or null when it can. */
    public String problem() {
        if (parsedMonth() == null) {
            return "Month: expected YYYY-MM, got '" + (month.get() == null ? "" : month.get().strip()) + "'";
        }
        if (team.get() == null || team.get().isBlank()) {
            return "Team: choose a team or " + ALL_TEAMS;
        }
        return null;
    }

    /** The team to write, or null for every team. */
    public String chosenTeam() {
        String t = team.get() == null ? "" : team.get().strip();
        return t.equals(ALL_TEAMS) ? null : t;
    }

    /** "Showback search 2026-06.xlsx", "Showback all teams 2026-06.csv": file-system safe. */
    public String suggestedFileName() {
        String who = chosenTeam() == null ? "all teams" : chosenTeam();
        String m = parsedMonth() == null ? "" : " " + parsedMonth();
        return ("Showback " + who + m).replaceAll("[^\\p{L}\\p{N} ._-]+", "_").strip() + format.get().extension();
    }

    /** The file as chosen, with the format's extension added when missing. */
    public Path withExtension(Path file) {
        String ext = format.get().extension();
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(ext) ? file : file.resolveSibling(name + ext);
    }

    /** Loads the month's teams into {@link #teams()} (keeping the chosen team even when it has no spend). */
    public void loadTeams() {
        YearMonth m = parsedMonth();
        if (m == null) {
            return;
        }
        background.execute(() -> {
            try {
                List<String> found = service.teams(m);
                fx.accept(() -> {
                    List<String> all = new ArrayList<>();
                    all.add(ALL_TEAMS);
                    all.addAll(found);
                    String chosen = team.get();
                    teams.setAll(all);
                    team.set(chosen);
                });
            } catch (Exception e) {
                fx.accept(() -> status.set(message(e)));
            }
        });
    }

    /**
     * Writes the statement to {@code file} (its extension added when missing) off the FX thread; {@code done} gets
     * the file written, on the FX thread. A problem with the input is reported at once and nothing is written.
     */
    public void save(Path file, Consumer<Path> done) {
        String problem = problem();
        if (problem != null) {
            status.set(problem);
            return;
        }
        Path out = withExtension(file);
        String t = chosenTeam();
        YearMonth m = parsedMonth();
        ShowbackStatements.Format f = format.get();
        busy.set(true);
        status.set("Writing " + out.getFileName() + "…");
        background.execute(() -> {
            try {
                service.export(t, m, f, out);
                fx.accept(() -> {
                    busy.set(false);
                    status.set("Saved " + out);
                    if (done != null) {
                        done.accept(out);
                    }
                });
            } catch (Exception e) {
                fx.accept(() -> {
                    busy.set(false);
                    status.set("Could not save the statement: " + message(e));
                });
            }
        });
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}

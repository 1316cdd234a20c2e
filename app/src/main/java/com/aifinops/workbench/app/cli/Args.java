package com.aifinops.workbench.app.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed command-line arguments of one subcommand: {@code --name value}, {@code --name=value}, boolean
 * {@code --flag}s, repeatable options and positional arguments. Unknown options are errors.
 */
public final class Args {
    private final String command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Args(String command) {
        this.command = command;
    }

    /**
     * @param valueOptions   option names (without dashes) that take a value
     * @param booleanOptions option names that are switches
     */
    public static Args parse(String command, String[] tokens, Set<String> valueOptions, Set<String> booleanOptions)
            throws CliException {
        Args a = new Args(command);
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (!t.startsWith("--") || t.equals("--")) {
                a.positional.add(t);
                continue;
            }
            String name = t.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (booleanOptions.contains(name)) {
                if (value != null) {
                    throw new CliException("--" + name + " takes no value (" + command + ")");
                }
                a.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (valueOptions.contains(name)) {
                if (value == null) {
                    if (i + 1 >= tokens.length) {
                        throw new CliException("--" + name + " needs a value (" + command + ")");
                    }
                    value = tokens[++i];
                }
                a.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new CliException("unknown option --" + name + " for '" + command + "' (see '" + command + " --help')");
            }
        }
        return a;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<String> get(String name) {
        List<String> v = values.get(name);
        return v == null ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public List<String> positional() {
        return positional;
    }

    public String require(String name) throws CliException {
        return get(name).orElseThrow(() -> new CliException("missing --" + name + " (" + command + ")"));
    }

    /** A decimal option that must be ≥ 0 (and ≤ {@code max} when given). */
    public Optional<BigDecimal> decimal(String name, BigDecimal max) throws CliException {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal v;
        try {
            v = new BigDecimal(raw.get().trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new CliException("--" + name + ": expected a number, got '" + raw.get() + "'");
        }
        if (v.signum() < 0) {
            throw new CliException("--" + name + ": must not be negative, got " + raw.get());
        }
        if (max != null && v.compareTo(max) > 0) {
            throw new CliException("--" + name + ": must be at most " + max.toPlainString() + ", got " + raw.get());
        }
        return Optional.of(v);
    }

    public BigDecimal requireDecimal(String name) throws CliException {
        return decimal(name, null).orElseThrow(() -> new CliException("missing --" + name + " (" + command + ")"));
    }

    public int integer(String name, int defaultValue, int min, int max) throws CliException {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int v = Integer.parseInt(raw.get().trim());
            if (v < min || v > max) {
                throw new CliException("--" + name + ": must be " + min + " to " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CliException("--" + name + ": expected a whole number, got '" + raw.get() + "'");
        }
    }
}

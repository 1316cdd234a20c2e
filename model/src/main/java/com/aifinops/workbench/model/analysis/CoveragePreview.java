package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.usage.Allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What saving a rule would do to a month before it is saved: the spend that leaves "unallocated" and the team and
 * project it goes to, and the spend already attributed elsewhere that the rule would move (a rule on a key that
 * replaces a workspace rule, say). Computed by applying the rules with and without the candidate to the same cells.
 *
 * @param unallocatedBefore the month's unallocated spend with the current rules
 * @param moved             unallocated spend the rule gives a team
 * @param destinations      where the moved spend goes: "team / project" → amount, largest first
 * @param reattributed      spend that had a team and would get another team or project
 * @param projectsFilled    spend that keeps its team and only gets a project
 * @param returned          spend that had a team and would lose it (an edited rule no longer matching it)
 */
public record CoveragePreview(BigDecimal unallocatedBefore, BigDecimal moved, Map<String, BigDecimal> destinations,
                              BigDecimal reattributed, BigDecimal projectsFilled, BigDecimal returned) {

    /**
     * @param replacing the rule being edited (dropped before the candidate is added), or null for a new rule
     */
    public static CoveragePreview of(List<AllocationBreakdown.Cell> cells, AllocationRules current, AllocationRules.Rule candidate,
                                     AllocationRules.Rule replacing) {
        AllocationRules after = with(current, candidate, replacing);
        BigDecimal before = BigDecimal.ZERO, moved = BigDecimal.ZERO, re = BigDecimal.ZERO, filled = BigDecimal.ZERO, back = BigDecimal.ZERO;
        Map<String, BigDecimal> to = new LinkedHashMap<>();
        for (AllocationBreakdown.Cell c : cells) {
            if (!matches(candidate, c) && !matches(replacing, c)) {
                // no rule it could match changes: only its part of the unallocated spend counts (the cheap way, per keystroke)
                if (current.team(c.raw().team(), c.raw().apiKey(), c.raw().workspace()) == null) {
                    before = before.add(c.cost());
                }
                continue;
            }
            Allocation a = current.apply(c.raw()), b = after.apply(c.raw());
            String teamA = AllocationBreakdown.value(a.team()), teamB = AllocationBreakdown.value(b.team());
            String projA = AllocationBreakdown.value(a.project()), projB = AllocationBreakdown.value(b.project());
            boolean wasUnallocated = Dimension.UNALLOCATED.equals(teamA);
            if (wasUnallocated) {
                before = before.add(c.cost());
            }
            if (teamA.equals(teamB) && projA.equals(projB)) {
                continue;
            }
            if (wasUnallocated && !Dimension.UNALLOCATED.equals(teamB)) {
                moved = moved.add(c.cost());
                to.merge(teamB + " / " + projB, c.cost(), BigDecimal::add);
            } else if (Dimension.UNALLOCATED.equals(teamB) && !wasUnallocated) {
                back = back.add(c.cost());
            } else if (teamA.equals(teamB)) {
                filled = filled.add(c.cost());
            } else {
                re = re.add(c.cost());
            }
        }
        Map<String, BigDecimal> sorted = new LinkedHashMap<>();
        to.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new CoveragePreview(before, moved, sorted, re, filled, back);
    }

    private static boolean matches(AllocationRules.Rule r, AllocationBreakdown.Cell c) {
        return r != null && r.value().equals(r.field() == AllocationRules.Field.API_KEY ? c.raw().apiKey() : c.raw().workspace());
    }

    /** The rules with {@code replacing} dropped and {@code candidate} put (a rule on the same field and value is replaced). */
    public static AllocationRules with(AllocationRules current, AllocationRules.Rule candidate, AllocationRules.Rule replacing) {
        List<AllocationRules.Rule> rules = new ArrayList<>();
        for (AllocationRules.Rule r : current.rules()) {
            boolean sameKey = r.field() == candidate.field() && r.value().equals(candidate.value());
            if (!sameKey && !Objects.equals(r, replacing)) {
                rules.add(r);
            }
        }
        rules.add(candidate);
        return new AllocationRules(rules, current.inventoryTeams());
    }

    /** The unallocated spend after the rule. */
    public BigDecimal unallocatedAfter() {
        return unallocatedBefore.subtract(moved).add(returned);
    }
}

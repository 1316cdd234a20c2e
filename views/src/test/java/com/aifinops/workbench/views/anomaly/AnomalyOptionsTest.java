package com.aifinops.workbench.views.anomaly;

import com.aifinops.workbench.model.analysis.AnomalyDetector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnomalyOptionsTest {
    @Test
    void theTypedBandAndFloorBecomeTheDetectorsThresholds() {
        AnomalyDetector.Options o = AnomalyViewModel.options("45 %", "$1.25");
        assertEquals(0, o.costBand().compareTo(new BigDecimal("0.45")));
        assertEquals(0, o.minExtraCost().compareTo(new BigDecimal("1.25")));
        // the rest stays as the defaults
        assertEquals(AnomalyDetector.DEFAULTS.loopFactor(), o.loopFactor());
        assertEquals("minimum extra cost: expected an amount in USD such as 0.50, got '-1'",
                assertThrows(IllegalArgumentException.class, () -> AnomalyViewModel.options("30", "-1")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> AnomalyViewModel.options("1001", "0"));
    }
}

package com.aifinops.workbench.app.export;

import com.aifinops.workbench.app.SampleWorkbook;
import com.aifinops.workbench.app.WorkbookExports;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.decision.TcoModel;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Excel TCO sheet's formulas give, option by option, the annual cost the TCO screen and CLI show. */
class TcoSheetMatchesAppTest {
    @TempDir
    Path dir;

    @Test
    void everyOptionToTheCent() throws Exception {
        Workbook wb = SampleWorkbook.load();
        Path x = dir.resolve("tco.xlsx");
        WorkbookExports.xlsx(wb, BuiltInCatalog.get(), x);
        TcoModel m = TcoModel.of(wb, BuiltInCatalog.get());
        try (InputStream in = Files.newInputStream(x); XSSFWorkbook xl = new XSSFWorkbook(in)) {
            FormulaEvaluator ev = xl.getCreationHelper().createFormulaEvaluator();
            Sheet sh = xl.getSheet("TCO");
            int checked = 0;
            for (TcoModel.Costed c : m.at(m.annualTokens())) {
                for (var row : sh) {
                    if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                            && row.getCell(0).getStringCellValue().equals(c.option().name())
                            && row.getCell(1) != null && row.getCell(1).getCellType() == CellType.FORMULA) {
                        assertEquals(Usd.cents(c.total()), BigDecimal.valueOf(ev.evaluate(row.getCell(1)).getNumberValue())
                                .setScale(2, RoundingMode.HALF_UP), c.option().name());
                        checked++;
                    }
                }
            }
            assertEquals(m.options().size(), checked);
        }
    }
}
